// spdx-expression-parse (the jslicense parser) as an oracle: where it accepts an input we must
// produce the same structure; where it wrongly rejects one (lower case, current exceptions,
// AdditionRef) we must still accept it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../../test/support/corpora.js';
import { declaredLicenseStrings } from '../../../bench/license-expressions.bench.js';
import { choices, parseExpression, printExpression, type LicenseExpression } from './index.js';

const require = createRequire(import.meta.url);
const jsParse = require('spdx-expression-parse') as (s: string) => JsNode;
const satisfies = require('spdx-satisfies') as (candidate: string, allowed: string[]) => boolean;

type JsNode =
  { license: string; plus?: boolean; exception?: string } | { left: JsNode; conjunction: 'and' | 'or'; right: JsNode };
type Shape = string | { op: 'and' | 'or'; args: Shape[] };

/** Their binary tree, flattened into n-ary nodes; each leaf canonicalised by our own leaf reading. */
function theirShape(n: JsNode): Shape {
  if ('license' in n) {
    const leaf = `${n.license}${n.plus ? '+' : ''}${n.exception ? ` WITH ${n.exception}` : ''}`;
    return printExpression(parseExpression(leaf).expression!);
  }
  const args: Shape[] = [];
  for (const side of [n.left, n.right]) {
    const s = theirShape(side);
    if (typeof s !== 'string' && s.op === n.conjunction) args.push(...s.args);
    else args.push(s);
  }
  return { op: n.conjunction, args };
}

function ourShape(e: LicenseExpression): Shape {
  if (e.type !== 'and' && e.type !== 'or') return printExpression(e);
  const args: Shape[] = [];
  for (const a of e.args) {
    const s = ourShape(a);
    if (typeof s !== 'string' && s.op === e.type) args.push(...s.args);
    else args.push(s);
  }
  return { op: e.type, args };
}

function oracleInputs(): string[] {
  const list = JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx.json'), 'utf8'))
    .licenses as Array<{ licenseId: string }>;
  const exceptions = JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx_exception.json'), 'utf8'))
    .exceptions as Array<{ licenseExceptionId: string }>;
  const ids = list.map((l) => l.licenseId);
  const inputs = new Set<string>();
  for (const d of declaredLicenseStrings()) for (const s of Array.isArray(d.value) ? d.value : [d.value]) inputs.add(s);
  ids.forEach((id, i) => {
    inputs.add(id);
    inputs.add(`${id}+`);
    inputs.add(`${id} OR ${ids[(i + 7) % ids.length]} AND ${ids[(i + 13) % ids.length]}`);
    inputs.add(`(${id} OR ${ids[(i + 3) % ids.length]}) AND (${ids[(i + 5) % ids.length]} OR LicenseRef-x-${i})`);
  });
  for (const e of exceptions) inputs.add(`GPL-2.0-or-later WITH ${e.licenseExceptionId} OR MIT`);
  return [...inputs];
}

test('where spdx-expression-parse accepts an input, we produce the same structure', needsCorpora, () => {
  let agreed = 0;
  let theyRejected = 0;
  for (const input of oracleInputs()) {
    let theirs: JsNode;
    try {
      theirs = jsParse(input);
    } catch {
      theyRejected++;
      continue;
    }
    const ours = parseExpression(input);
    assert.ok(ours.expression, `we reject what the oracle accepts: ${input}: ${ours.syntaxError?.message}`);
    assert.deepEqual(ourShape(ours.expression), theirShape(theirs), input);
    agreed++;
  }
  assert.ok(agreed > 2500, `only ${agreed} oracle agreements`);
  assert.ok(theyRejected > 0);
});

test(
  'we accept what spdx-expression-parse wrongly rejects: lower case, current exceptions, AdditionRef',
  needsCorpora,
  () => {
    const rejectedByThem = (s: string) => {
      try {
        jsParse(s);
        return false;
      } catch {
        return true;
      }
    };
    const exceptions = JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx_exception.json'), 'utf8'))
      .exceptions as Array<{ licenseExceptionId: string }>;
    const newer = exceptions.map((e) => `GPL-2.0-or-later WITH ${e.licenseExceptionId}`).filter(rejectedByThem);
    assert.ok(newer.length > 0, 'the oracle knows every current exception: pick another example');
    const cases = [
      'mit',
      'apache-2.0 OR mit',
      'gpl-2.0-only WITH classpath-exception-2.0',
      'MIT WITH AdditionRef-my-addition',
      ...newer,
    ];
    for (const input of cases) {
      assert.ok(rejectedByThem(input), `the oracle accepts ${input}`);
      const r = parseExpression(input);
      assert.ok(r.expression, input);
      assert.ok(!r.diagnostics.some((d) => d.code.startsWith('unknown')), input);
    }
  },
);

test('spdx-satisfies agrees with our choices on what a one-licence policy allows', () => {
  const inputs = [
    'MIT OR Apache-2.0',
    'MIT AND Apache-2.0',
    '(MIT OR ISC) AND Apache-2.0',
    'GPL-2.0-only OR (MIT AND BSD-3-Clause)',
  ];
  const policies = [
    ['MIT'],
    ['Apache-2.0'],
    ['MIT', 'Apache-2.0'],
    ['ISC', 'Apache-2.0'],
    ['MIT', 'BSD-3-Clause'],
    ['GPL-2.0-only'],
  ];
  for (const input of inputs) {
    for (const allowed of policies) {
      const ours = parseExpression(input).expression!;
      const weSay = choices(ours).some((set) => set.every((l) => allowed.includes(l)));
      assert.equal(weSay, satisfies(input, allowed), `${input} against [${allowed}]`);
    }
  }
});
