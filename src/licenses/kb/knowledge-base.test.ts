import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, corpus, needsCorpora, whenCorpora } from '../../../test/support/corpora.js';
import {
  builtinKnowledgeBase,
  danglingActionReferences,
  defaultPolicy,
  findLicense,
  obligationsOfLicense,
  policyFor,
} from './index.js';

const kb = builtinKnowledgeBase();
const ranking: { id: string }[] = JSON.parse(readFileSync(join(REPO_ROOT, 'data/kb/ranking.json'), 'utf8')).ranking;
const osadl: string[] = whenCorpora(() =>
  JSON.parse(readFileSync(corpus('licenses/osadl/matrixseqexpl.json'), 'utf8')).licenses.map(
    (l: { name: string }) => l.name,
  ),
);
const spdx = whenCorpora(
  () =>
    new Map<string, { isOsiApproved: boolean }>(
      JSON.parse(readFileSync(corpus('licenses/spdx-list/licenses_spdx.json'), 'utf8')).licenses.map(
        (l: { licenseId: string }) => [l.licenseId, l],
      ),
    ),
);

test(
  'covers every licence named in the corpora, every OSADL licence, and the content/data/font licences',
  needsCorpora,
  () => {
    assert.ok(kb.licenses.length >= 100, `${kb.licenses.length} licences`);
    for (const { id } of ranking) assert.ok(findLicense(kb, id), `corpora licence ${id}`);
    // "X WITH exception" entries are covered by the facts and obligations of X.
    for (const id of osadl.filter((x) => !x.startsWith('LicenseRef-')))
      assert.ok(findLicense(kb, id.split(' WITH ')[0]), `OSADL licence ${id}`);
    for (const v of ['3.0', '4.0']) {
      for (const f of ['CC-BY', 'CC-BY-SA', 'CC-BY-NC', 'CC-BY-ND', 'CC-BY-NC-SA', 'CC-BY-NC-ND'])
        assert.ok(findLicense(kb, `${f}-${v}`), `${f}-${v}`);
    }
    for (const id of ['CC0-1.0', 'ODbL-1.0', 'CDLA-Permissive-2.0', 'CDLA-Sharing-1.0', 'OFL-1.1'])
      assert.ok(findLicense(kb, id), id);
  },
);

test('facts agree with the SPDX list and with licence families', needsCorpora, () => {
  for (const l of kb.licenses) assert.equal(l.osiApproved, spdx.get(l.id)?.isOsiApproved === true, l.id);
  assert.equal(findLicense(kb, 'AGPL-3.0-only')?.copyleft, 'network');
  assert.equal(findLicense(kb, 'LGPL-2.1-only')?.copyleft, 'weak');
  assert.equal(findLicense(kb, 'CC-BY-NC-4.0')?.nonCommercial, true);
  assert.equal(findLicense(kb, 'CC-BY-NC-4.0')?.foss, 'no');
  assert.equal(findLicense(kb, 'Apache-2.0')?.patentGrant, true);
  assert.equal(findLicense(kb, 'MIT')?.patentGrant, false);
  assert.equal(findLicense(kb, 'JSON')?.ethicalClause, true);
});

test('every obligation points at one of our compliance actions, with passivity taken from it', () => {
  assert.deepEqual(danglingActionReferences(kb), []);
  for (const o of kb.obligations)
    assert.equal(o.passivity, kb.actions.find((a) => a.name === o.action)?.passivity, `${o.license}: ${o.name}`);
  assert.deepEqual(obligationsOfLicense(kb, '0BSD'), []);
  assert.ok(
    obligationsOfLicense(kb, 'AGPL-3.0-or-later').some(
      (o) => o.exploitation === 'network' && o.modification === 'modified',
    ),
  );
});

test('licence policy is separate and defaults to "not reviewed"', () => {
  assert.deepEqual(policyFor(undefined, 'MIT'), defaultPolicy('MIT'));
  assert.equal(
    policyFor(
      { entries: [{ license: 'mit', allowed: 'always', reviewStatus: 'checked', comment: null, categories: [] }] },
      'MIT',
    ).allowed,
    'always',
  );
  assert.ok(!('allowed' in findLicense(kb, 'MIT')!));
});
