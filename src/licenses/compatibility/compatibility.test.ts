import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora, whenCorpora } from '../../../test/support/corpora.js';
import { builtinKnowledgeBase } from '../kb/index.js';
import { checkCompatibility, osadlCompatibility } from './index.js';

const matrix = whenCorpora(() => JSON.parse(readFileSync(corpus('licenses/osadl/matrixseqexpl.json'), 'utf8')));
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'");
const WORD = {
  Yes: 'yes',
  No: 'no',
  Unknown: 'unknown',
  'Check dependency': 'check-dependency',
  Same: 'same',
} as Record<string, string>;
const kb = builtinKnowledgeBase();

test('the compact OSADL module answers every cell of the original matrix exactly', needsCorpora, () => {
  let cells = 0;
  for (const leading of matrix.licenses) {
    for (const c of leading.compatibilities) {
      const cell = osadlCompatibility(leading.name, c.name);
      assert.equal(cell?.verdict, WORD[c.compatibility], `${leading.name} / ${c.name}`);
      assert.equal(cell?.explanation, decode(c.explanation));
      cells++;
    }
  }
  assert.equal(cells, 121 * 121);
});

test('copyleft rules: aggregation and internal use impose nothing; network copyleft only matters over a network', () => {
  const ctx = (linking: any, exploitation: any) => ({ linking, exploitation });
  assert.equal(checkCompatibility('GPL-3.0-only', 'MIT', ctx('aggregation', 'distribution'), kb).verdict, 'compatible');
  assert.equal(checkCompatibility('GPL-3.0-only', 'MIT', ctx('static', 'internal'), kb).verdict, 'compatible');
  assert.equal(checkCompatibility('GPL-3.0-only', 'MIT', ctx('static', 'network'), kb).verdict, 'compatible');
  assert.equal(checkCompatibility('GPL-3.0-only', 'MIT', ctx('static', 'distribution'), kb).verdict, 'incompatible');
  const agpl = checkCompatibility('AGPL-3.0-only', 'Apache-2.0', ctx('static', 'network'), kb);
  assert.equal(agpl.verdict, 'incompatible');
  assert.equal(agpl.basis, 'osadl');
  assert.equal(
    checkCompatibility('LGPL-2.1-only', 'Apache-2.0', ctx('dynamic', 'distribution'), kb).verdict,
    'compatible',
  );
  assert.equal(checkCompatibility('MIT', 'GPL-2.0-only', ctx('static', 'distribution'), kb).verdict, 'compatible');
  assert.equal(
    checkCompatibility('Apache-2.0', 'GPL-2.0-only', ctx('static', 'distribution'), kb).verdict,
    'incompatible',
  );
  assert.equal(
    checkCompatibility('Apache-2.0', 'GPL-3.0-only', ctx('mingled', 'distribution'), kb).verdict,
    'compatible',
  );
  const unknown = checkCompatibility('CC-BY-NC-4.0', 'MIT', ctx('static', 'distribution'), kb);
  assert.equal(unknown.verdict, 'unknown');
  assert.match(unknown.explanation, /review by hand/);
});
