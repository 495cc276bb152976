import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora, lazy } from '../../../test/support/corpora.js';
import { parseExpression, printExpression, type LicenseExpression } from './index.js';

const listJson = lazy(() => JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx.json'), 'utf8')));
const exceptionJson = lazy(() =>
  JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx_exception.json'), 'utf8')),
);

function parsed(text: string): LicenseExpression {
  const r = parseExpression(text);
  assert.ok(r.expression, `${text}: ${r.syntaxError?.message}`);
  return r.expression;
}

test('every licence id of the current list parses, alone, in lower case and with an exception', needsCorpora, () => {
  for (const l of listJson().licenses) {
    const id: string = l.licenseId;
    for (const text of [id, id.toLowerCase(), `${id} WITH Classpath-exception-2.0`, `(${id.toUpperCase()} OR MIT)`]) {
      const r = parseExpression(text);
      assert.ok(r.expression, `${text}: ${r.syntaxError?.message}`);
      assert.ok(!r.diagnostics.some((d) => d.code === 'unknown-license'), text);
    }
    if (!l.isDeprecatedLicenseId) assert.equal(printExpression(parsed(id.toLowerCase())), id);
  }
});

test('every exception of the current list parses after WITH, in any case', needsCorpora, () => {
  for (const e of exceptionJson().exceptions) {
    const id: string = e.licenseExceptionId;
    for (const text of [`GPL-2.0-or-later WITH ${id}`, `gpl-2.0-or-later with ${id.toLowerCase()}`]) {
      const r = parseExpression(text);
      assert.ok(r.expression, `${text}: ${r.syntaxError?.message}`);
      assert.equal(printExpression(r.expression), `GPL-2.0-or-later WITH ${id}`);
      assert.ok(!r.diagnostics.some((d) => d.code === 'unknown-exception'), text);
    }
  }
});

test('operators are case-insensitive and WITH > AND > OR', () => {
  const e = parsed('mit or apache-2.0 and GPL-2.0-only with classpath-exception-2.0');
  assert.deepEqual(e, {
    type: 'or',
    args: [
      { type: 'license', id: 'MIT', orLater: false },
      {
        type: 'and',
        args: [
          { type: 'license', id: 'Apache-2.0', orLater: false },
          { type: 'license', id: 'GPL-2.0-only', orLater: false, exception: 'Classpath-exception-2.0' },
        ],
      },
    ],
  });
  assert.equal(printExpression(parsed('(MIT OR ISC) AND (0BSD)')), '(MIT OR ISC) AND 0BSD');
  assert.equal(printExpression(parsed('((MIT AND ISC)) OR 0BSD')), 'MIT AND ISC OR 0BSD');
});

test('refs, +, NONE and NOASSERTION', () => {
  assert.deepEqual(parsed('documentref-spdx-tool-1.2:licenseref-MIT-Style-2'), {
    type: 'license',
    id: 'LicenseRef-MIT-Style-2',
    documentRef: 'DocumentRef-spdx-tool-1.2',
    orLater: false,
  });
  assert.equal(printExpression(parsed('LicenseRef-x WITH additionref-y')), 'LicenseRef-x WITH AdditionRef-y');
  assert.equal(printExpression(parsed('MIT WITH DocumentRef-d:AdditionRef-y')), 'MIT WITH DocumentRef-d:AdditionRef-y');
  assert.equal(printExpression(parsed('Apache-1.0+')), 'Apache-1.0+');
  assert.deepEqual(parsed('noassertion'), { type: 'noassertion' });
  assert.deepEqual(parsed(' NONE '), { type: 'none' });
});

test('deprecated GPL forms become -only / -or-later with a note', () => {
  for (const [input, want] of [
    ['GPL-2.0', 'GPL-2.0-only'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['lgpl-2.1+', 'LGPL-2.1-or-later'],
    ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['GPL-3.0-only+', 'GPL-3.0-or-later'],
  ]) {
    const r = parseExpression(input);
    assert.equal(printExpression(r.expression!), want, input);
    assert.ok(
      r.diagnostics.some((d) => d.code === 'rewritten-id' && d.severity === 'info'),
      input,
    );
  }
  const r = parseExpression('StandardML-NJ');
  assert.equal(printExpression(r.expression!), 'StandardML-NJ');
  assert.match(r.diagnostics[0].message, /deprecated.*SMLNJ/);
});

test('unknown ids are non-fatal diagnostics, apart from syntax errors', () => {
  const r = parseExpression('MIT OR Foo-1.0 WITH Bar-exception');
  assert.ok(r.expression);
  assert.equal(r.syntaxError, null);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.position, d.id]),
    [
      ['unknown-license', 7, 'Foo-1.0'],
      ['unknown-exception', 20, 'Bar-exception'],
    ],
  );
  assert.equal(parseExpression('Classpath-exception-2.0').diagnostics[0].code, 'exception-as-license');
  assert.equal(parseExpression('MIT WITH Apache-2.0').diagnostics[0].code, 'license-as-exception');
});

test('syntax errors give the 0-based position and what was expected', () => {
  const cases: Array<[string, number, string | null, RegExp]> = [
    ['MIT OR', 6, null, /end of expression at position 6: expected a licence id, LicenseRef-… or '\('/],
    ['MIT Apache-2.0', 4, 'Apache-2.0', /expected AND, OR, WITH, '\)' or end of expression/],
    ['(MIT OR ISC', 11, null, /expected '\)'/],
    ['MIT OR ISC)', 10, ')', /without a matching '\('/],
    ['MIT/X11', 3, '/', /unexpected '\/' at position 3/],
    ['MIT AND NONE', 8, 'NONE', /NONE can only be the whole expression/],
    ['(MIT OR ISC) WITH LLVM-exception', 13, 'WITH', /WITH applies to a single licence/],
    ['GPL-2.0-only WITH', 17, null, /expected an exception id or AdditionRef-…/],
    ['MIT +', 4, '+', /must follow the licence id without a space/],
    ['LicenseRef-', 0, 'LicenseRef-', /LicenseRef- followed by/],
    ['foo:LicenseRef-x', 0, 'foo:LicenseRef-x', /colon only follows a DocumentRef/],
    ['', 0, null, /empty expression/],
    ['AND MIT', 0, 'AND', /expected a licence id/],
  ];
  for (const [input, position, found, message] of cases) {
    const r = parseExpression(input);
    assert.equal(r.expression, null, input);
    assert.equal(r.syntaxError!.position, position, input);
    assert.equal(r.syntaxError!.found, found, input);
    assert.match(r.syntaxError!.message, message, input);
  }
});
