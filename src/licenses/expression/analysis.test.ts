import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  andToOrCandidates,
  choices,
  evaluate,
  isAmbiguous,
  parseExpression,
  printExpression,
  simplifyExpression,
  type LicenseExpression,
  type PolicyAnswer,
} from './index.js';

const p = (s: string): LicenseExpression => parseExpression(s).expression!;

test('simplify flattens, removes duplicates and sorts into one canonical order', () => {
  assert.equal(
    printExpression(simplifyExpression(p('MIT AND (ISC AND MIT) AND Apache-2.0'))),
    'Apache-2.0 AND ISC AND MIT',
  );
  assert.equal(
    printExpression(simplifyExpression(p('(MIT OR ISC) AND (ISC OR MIT) AND 0BSD'))),
    '0BSD AND (ISC OR MIT)',
  );
  assert.equal(printExpression(simplifyExpression(p('MIT OR MIT'))), 'MIT');
  assert.equal(
    printExpression(simplifyExpression(p('Zlib OR (MIT AND ISC) OR Apache-2.0'))),
    printExpression(simplifyExpression(p('Apache-2.0 OR (ISC AND MIT) OR zlib'))),
  );
});

test('ambiguity: several licences joined by AND with no choice; or-later counts as a choice', () => {
  assert.equal(isAmbiguous(p('MIT AND Apache-2.0')), true);
  assert.equal(isAmbiguous(p('MIT AND MIT')), false);
  assert.equal(isAmbiguous(p('MIT')), false);
  assert.equal(isAmbiguous(p('MIT OR Apache-2.0')), false);
  assert.equal(isAmbiguous(p('(MIT OR ISC) AND Apache-2.0')), false);
  assert.equal(isAmbiguous(p('GPL-2.0-or-later AND MIT')), false);
  assert.equal(isAmbiguous(p('Apache-1.0+ AND MIT')), false);
});

test('AND→OR candidates: all at once, then each AND alone', () => {
  assert.deepEqual(andToOrCandidates(p('MIT AND Apache-2.0')), ['Apache-2.0 OR MIT']);
  assert.deepEqual(andToOrCandidates(p('MIT OR ISC')), []);
  assert.deepEqual(andToOrCandidates(p('MIT AND (ISC OR 0BSD AND Zlib)')), [
    '0BSD OR ISC OR MIT OR Zlib',
    'ISC OR MIT OR 0BSD AND Zlib',
    'MIT AND (0BSD OR ISC OR Zlib)',
  ]);
});

test('choices list the alternative licence sets', () => {
  assert.deepEqual(choices(p('MIT OR (Apache-2.0 AND BSD-3-Clause)')), [['MIT'], ['Apache-2.0', 'BSD-3-Clause']]);
  assert.deepEqual(choices(p('(MIT OR ISC) AND GPL-2.0-only WITH Classpath-exception-2.0')), [
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'MIT'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'ISC'],
  ]);
  assert.deepEqual(choices(p('NONE')), [[]]);
});

test('evaluation: OR needs one allowed branch, AND needs all; the best allowed choice is reported', () => {
  const policy = (table: Record<string, PolicyAnswer>) => (id: string) => table[id] ?? 'unknown';
  const allowMitIsc = policy({ MIT: 'allowed', ISC: 'allowed', 'GPL-3.0-only': 'denied', 'Apache-2.0': 'allowed' });
  assert.deepEqual(evaluate(p('GPL-3.0-only OR MIT'), allowMitIsc), { verdict: 'allowed', choice: ['MIT'] });
  assert.deepEqual(evaluate(p('GPL-3.0-only AND MIT'), allowMitIsc), { verdict: 'denied', choice: null });
  assert.deepEqual(evaluate(p('Foo-1 AND MIT'), allowMitIsc), { verdict: 'unknown', choice: null });
  assert.deepEqual(evaluate(p('GPL-3.0-only OR Foo-1'), allowMitIsc), { verdict: 'unknown', choice: null });
  assert.deepEqual(evaluate(p('(MIT AND ISC) OR Apache-2.0'), allowMitIsc), {
    verdict: 'allowed',
    choice: ['Apache-2.0'],
  });
  assert.deepEqual(evaluate(p('(MIT OR GPL-3.0-only) AND (ISC OR GPL-3.0-only)'), allowMitIsc), {
    verdict: 'allowed',
    choice: ['MIT', 'ISC'],
  });
  // A WITH exception is judged as one licence, so a policy can treat it apart from the bare licence.
  const seen: string[] = [];
  evaluate(p('GPL-2.0-only WITH Classpath-exception-2.0'), (id) => (seen.push(id), 'allowed'));
  assert.deepEqual(seen, ['GPL-2.0-only WITH Classpath-exception-2.0']);
  assert.equal(evaluate(p('NOASSERTION'), () => 'allowed').verdict, 'unknown');
});
