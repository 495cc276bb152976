import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, needsCorpora, whenCorpora } from '../../../test/support/corpora.js';
import { builtinKnowledgeBase } from '../kb/index.js';
import {
  diffKnowledgeBases,
  exportHermineFiles,
  exportHermineShared,
  importHermineFiles,
  importHermineShared,
  takeReference,
  type HermineFiles,
  type KbDifference,
} from './index.js';

const DIR = corpus('hermine-community-data');
const readDir = (sub: string) =>
  readdirSync(join(DIR, sub))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, sub, f), 'utf8')));
const files: HermineFiles = whenCorpora(() => ({ licenses: readDir('licenses'), generics: readDir('generics') }));
const shared = whenCorpora(() => JSON.parse(readFileSync(join(DIR, 'shared.json'), 'utf8')));

test('per-file layout imports every licence, obligation and generic of the community data', needsCorpora, () => {
  const { kb, issues } = importHermineFiles(files);
  const rawObligations = files.licenses.reduce((n, l) => n + (l.obligations as unknown[]).length, 0);
  assert.equal(kb.licenses.length, 52);
  assert.equal(kb.actions.length, 32);
  assert.equal(kb.obligations.length, rawObligations);
  assert.equal(issues.filter((i) => i.severity === 'error').length, 0);
  // README: four generic names are referenced but never defined.
  const dangling = issues.filter((i) => i.code === 'hermine-dangling-generic');
  assert.equal(dangling.length, 4);
  const agpl = kb.licenses.find((l) => l.id === 'AGPL-3.0-only')!;
  assert.equal(agpl.copyleft, 'network');
  assert.ok(agpl.extra && 'radical' in agpl.extra, 'old-format fields are kept, not dropped');
});

test('per-file import -> export -> import is lossless', needsCorpora, () => {
  const first = importHermineFiles(files);
  const { files: exported } = exportHermineFiles(first.kb, first.policies);
  const again: HermineFiles = {
    licenses: [...exported].filter(([p]) => p.startsWith('licenses/')).map(([, v]) => v as Record<string, unknown>),
    generics: [...exported].filter(([p]) => p.startsWith('generics/')).map(([, v]) => v as Record<string, unknown>),
  };
  const second = importHermineFiles(again);
  assert.deepEqual(second.kb, first.kb);
  assert.deepEqual(second.policies, first.policies);
});

test('exported licence files carry exactly the original JSON of each community licence', needsCorpora, () => {
  const { kb } = importHermineFiles(files);
  const { files: exported } = exportHermineFiles(kb);
  for (const original of files.licenses) {
    const out = exported.get(`licenses/${original.spdx_id}.json`) as Record<string, unknown>;
    // Same values for every field the original has; extra keys are only "" defaults of newer fields.
    for (const [k, v] of Object.entries(original)) assert.deepEqual(out[k], v, `${original.spdx_id}.${k}`);
    for (const k of Object.keys(out)) if (!(k in original)) assert.equal(out[k], '', `${original.spdx_id}: added ${k}`);
  }
});

test('shared.json import -> export -> import is lossless, and export reproduces the file', needsCorpora, () => {
  const first = importHermineShared(shared);
  assert.equal(first.kb.licenses.length, 52);
  assert.equal(first.kb.obligations.length, 302);
  assert.equal(first.kb.actions.length, 32);
  const exported = exportHermineShared(first.kb, shared.date);
  assert.deepEqual(importHermineShared(exported).kb, first.kb);
  assert.deepEqual(exported, shared);
});

test('both layouts of the same data give the same obligations and compliance actions', needsCorpora, () => {
  const a = importHermineFiles(files).kb;
  const b = importHermineShared(shared).kb;
  const key = (o: { license: string; name: string }) => `${o.license}\u0000${o.name}`;
  assert.deepEqual(
    [...a.obligations].map((o) => ({ ...o, extra: undefined })).sort((x, y) => key(x).localeCompare(key(y))),
    [...b.obligations].map((o) => ({ ...o, extra: undefined })).sort((x, y) => key(x).localeCompare(key(y))),
  );
  assert.deepEqual(a.actions.map((x) => x.name).sort(), b.actions.map((x) => x.name).sort());
});

test('diff against Hermine data, and taking every reference value, converges to no difference', needsCorpora, () => {
  const reference = importHermineFiles(files).kb;
  let ours = builtinKnowledgeBase();
  const diff = diffKnowledgeBases(ours, reference);
  assert.ok(diff.length > 0);
  const mit = diff.find((d) => d.kind === 'license-field' && d.license === 'MIT' && d.field === 'url') as Extract<
    KbDifference,
    { kind: 'license-field' }
  >;
  assert.deepEqual(mit && { ours: mit.ours, reference: mit.reference }, {
    ours: 'https://spdx.org/licenses/MIT',
    reference: 'https://opensource.org/licenses/MIT',
  });
  // Taking one value removes exactly that difference.
  const after = diffKnowledgeBases(takeReference(ours, reference, mit!), reference);
  assert.equal(after.length, diff.length - 1);
  for (const d of diff) ours = takeReference(ours, reference, d);
  assert.deepEqual(diffKnowledgeBases(ours, reference), []);
  const names = ours.actions.map((a) => a.name);
  assert.equal(
    new Set(names).size,
    names.length,
    'no compliance action is taken twice, whatever the order of the differences',
  );
  assert.deepEqual(
    builtinKnowledgeBase().licenses.find((l) => l.id === 'MIT')?.url,
    'https://spdx.org/licenses/MIT',
    'ours untouched',
  );
});
