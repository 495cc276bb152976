import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { declaredLicenseStrings } from '../../../bench/license-expressions.bench.js';
import { normalizeLicense, type Confidence } from './index.js';
import { parseExpression } from '../expression/index.js';
import { needsCorpora } from '../../../test/support/corpora.js';

const require = createRequire(import.meta.url);
const spdxCorrect = require('spdx-correct') as (s: string, o?: { upgrade?: boolean }) => string | null;

test('strings from the wild map to SPDX with the confidence they deserve', () => {
  const cases: Array<[string | string[], string | null, Confidence]> = [
    ['MIT', 'MIT', 'exact'],
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0', 'exact'],
    ['(mit OR apache-2.0)', 'MIT OR Apache-2.0', 'high'],
    ['Apache 2', 'Apache-2.0', 'high'],
    ['Apache License, Version 2.0', 'Apache-2.0', 'high'],
    ['GPLv2+', 'GPL-2.0-or-later', 'high'],
    ['GPL-2.0+', 'GPL-2.0-or-later', 'high'],
    ['GNU General Public License v3.0 only', 'GPL-3.0-only', 'high'],
    ['GPL v2', 'GPL-2.0-only', 'medium'],
    ['MIT/X11', 'MIT', 'medium'],
    ['BSD-3', 'BSD-3-Clause', 'high'],
    ['https://opensource.org/licenses/MIT', 'MIT', 'high'],
    ['http://www.apache.org/licenses/LICENSE-2.0.txt', 'Apache-2.0', 'high'],
    ['https://spdx.org/licenses/BSD-2-Clause.html', 'BSD-2-Clause', 'high'],
    ['https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html', 'LGPL-2.1-only', 'medium'],
    ['https://raw.githubusercontent.com/owner/repo/main/LICENSE', null, 'low'],
    ['Mozilla Public License 2.0', 'MPL-2.0', 'high'],
    [['MIT', 'Apache2'], 'MIT AND Apache-2.0', 'medium'],
    ['MIT or Apache 2', 'MIT OR Apache-2.0', 'high'],
    ['MIT, ISC', 'MIT AND ISC', 'medium'],
    ['SEE LICENSE IN LICENSE.md', null, 'low'],
    ['UNLICENSED', 'LicenseRef-proprietary', 'high'],
    ['Unlicense', 'Unlicense', 'exact'],
    ['Public Domain', 'LicenseRef-public-domain', 'medium'],
    [
      'GNU General Public License, Version 2 with the Classpath Exception',
      'GPL-2.0-only WITH Classpath-exception-2.0',
      'high',
    ],
  ];
  for (const [input, expression, confidence] of cases) {
    const r = normalizeLicense(input);
    assert.equal(r.expression, expression, JSON.stringify(input));
    assert.equal(r.confidence, confidence, JSON.stringify(input));
    if (expression) assert.ok(parseExpression(expression).expression, expression);
  }
  assert.match(normalizeLicense('UNLICENSED').notes.join(), /not the Unlicense/);
});

test('vague names give candidates and no expression, never a silent guess', () => {
  for (const vague of ['BSD', 'GPL', 'LGPL', 'BSD License', 'The GNU General Public License', 'gpl']) {
    const r = normalizeLicense(vague);
    assert.equal(r.expression, null, vague);
    assert.ok(r.candidates.length >= 2, vague);
    for (const c of r.candidates) assert.ok(parseExpression(c).expression, c);
  }
  assert.ok(normalizeLicense('GPL').candidates.includes('GPL-3.0-or-later'));
});

test('a curation always wins, even over a valid expression', () => {
  const curations = (raw: string) => (raw === 'MIT' ? 'Apache-2.0' : raw === 'BSD' ? 'BSD-2-Clause' : undefined);
  assert.equal(normalizeLicense('MIT', curations).expression, 'Apache-2.0');
  assert.equal(normalizeLicense('BSD', curations).confidence, 'exact');
  assert.equal(normalizeLicense('ISC', curations).expression, 'ISC');
  const broken = normalizeLicense('MIT', () => 'MIT OR');
  assert.equal(broken.expression, null);
  assert.match(broken.notes[0], /not a valid SPDX expression/);
});

test('agrees with spdx-correct where spdx-correct is right', () => {
  // spdx-correct still returns deprecated ids (GPL-2.0); we compare after the SPDX list's own rewrite.
  for (const input of [
    'Apache 2',
    'Apache License 2.0',
    'apache-2.0',
    'MPL 2.0',
    'BSD-3',
    'mit license',
    'CC0',
    'LGPL-2.1',
    'Eclipse Public License 1.0',
  ]) {
    const theirs = spdxCorrect(input);
    assert.ok(theirs, input);
    const canonical = parseExpression(theirs).expression!;
    const ours = normalizeLicense(input).expression;
    assert.ok(ours, input);
    assert.deepEqual(parseExpression(ours).expression, canonical, `${input}: we say ${ours}, spdx-correct ${theirs}`);
  }
  // …and where it guesses, we do not: "BSD" is not BSD-2-Clause, "UNLICENSED" is not the Unlicense.
  assert.equal(spdxCorrect('BSD'), 'BSD-2-Clause');
  assert.equal(normalizeLicense('BSD').expression, null);
  // "GPLv3" is a guess either way: spdx-correct picks or-later, we read -only and offer both.
  assert.deepEqual(normalizeLicense('GPLv3').candidates, ['GPL-3.0-only', 'GPL-3.0-or-later']);
  // …and where it has no answer, we have one.
  assert.equal(spdxCorrect('ISC License'), null);
  assert.equal(normalizeLicense('ISC License').expression, 'ISC');
});

test('measured on the declared licences of the corpora and installed npm packages', needsCorpora, () => {
  const strings = declaredLicenseStrings();
  const byConfidence: Record<string, number> = { exact: 0, high: 0, medium: 0, low: 0, unresolved: 0 };
  const unresolved: Array<[number, string]> = [];
  for (const d of strings) {
    const r = normalizeLicense(d.value);
    if (r.expression === null) {
      byConfidence.unresolved++;
      unresolved.push([d.count, JSON.stringify(d.value)]);
    } else {
      byConfidence[r.confidence]++;
      assert.ok(parseExpression(r.expression).expression, `normaliser produced an invalid expression: ${r.expression}`);
    }
  }
  unresolved.sort((a, b) => b[0] - a[0]);
  const resolved = strings.length - byConfidence.unresolved;
  console.log(`# ${strings.length} unique declared-licence values; ${resolved} normalised`, byConfidence);
  console.log(
    `# top unresolved: ${unresolved
      .slice(0, 10)
      .map(([n, s]) => `${s}×${n}`)
      .join(', ')}`,
  );
  assert.ok(strings.length > 150);
  assert.ok(resolved / strings.length > 0.8, `only ${resolved} of ${strings.length} normalised`);
});
