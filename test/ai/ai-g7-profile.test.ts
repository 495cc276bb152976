// The `ai-g7-2026` quality profile (issue 10 item 6; G7 "SBOM for AI" clusters, reference note §5.4)
// on hand-written ML-BOMs, a generated model directory and the corpus AI examples: every gap named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora, REPO_ROOT } from '../support/corpora.js';
import { readSbom } from '../../src/sbom/read.js';
import { evaluateProfile, findProfile, type ProfileResult } from '../../src/cra/profiles/index.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { vigie } from '../cli/run-cli.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/ai');
const profile = findProfile('ai-g7-2026')!;

function score(path: string): ProfileResult {
  const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
  return evaluateProfile(profile, sbom);
}
const failingRequired = (r: ProfileResult) =>
  r.checks
    .filter((c) => !c.pass && c.level === 'required')
    .map((c) => `${c.id}${c.failing.length ? ` [${c.failing.join(', ')}]` : ''}`);

test('the profile is data in the one profile table, each check citing the G7 cluster it comes from', () => {
  assert.equal(profile.id, 'ai-g7-2026');
  const clusters = new Set(profile.checks.map((c) => /: ([A-Z][A-Za-z -]+?)(;|$)/.exec(c.clause)?.[1]));
  assert.deepEqual([...clusters].sort(), [
    'Dataset properties',
    'Infrastructure',
    'KPIs',
    'Metadata',
    'Models',
    'Security properties',
    'System-level properties',
  ]);
  for (const c of profile.checks) assert.match(c.clause, /^G7 SBOM for AI – Minimum Elements \(2026\) \[S\]/, c.id);
});

test('a complete ML-BOM (schema-valid CycloneDX 1.6) passes every check but the optional signature', () => {
  const path = join(FIXTURES, 'complete-mlbom.cdx.json');
  assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', JSON.parse(readFileSync(path, 'utf8'))) ?? [], []);
  const r = score(path);
  assert.equal(r.pass, true);
  assert.deepEqual(
    r.checks.filter((c) => !c.pass).map((c) => c.id),
    ['g7ai.security.signature'],
  );
});

test('the router ML-BOM: each missing element named with the components that lack it', () => {
  const r = score(join(FIXTURES, 'router-mlbom.cdx.json'));
  assert.equal(r.pass, false);
  assert.deepEqual(failingRequired(r), [
    'g7ai.metadata.author',
    'g7ai.metadata.timestamp',
    'g7ai.model.version [model:bert]',
    'g7ai.model.task [model:bert]',
    'g7ai.model.architecture [model:bert]',
    'g7ai.model.parameters [model:bert]',
    'g7ai.model.io [model:bert]',
    'g7ai.model.training-data [model:bert]',
    'g7ai.dataset.license [data:holdout]',
    'g7ai.dataset.provenance [data:holdout]',
    'g7ai.dataset.modality [data:holdout]',
    'g7ai.dataset.sensitive-data [data:reviews, data:holdout]',
    'g7ai.infrastructure.software [model:bert]',
    'g7ai.security.weights-hash [model:router, model:bert]',
  ]);
});

test('a generated model directory: weights hashed and counted; the hub-named base model and datasets lack their facts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-g7-'));
  try {
    const out = join(dir, 'bom.json');
    const gen = await vigie(['sbom', 'generate', join(FIXTURES, 'tiny-classifier'), '-o', out, '--quiet']);
    assert.equal(gen.code, 0, gen.stderr);
    const r = score(out);
    const byId = new Map(r.checks.map((c) => [c.id, c]));
    // The model of the directory has what its files say; the base model, named by its hub id only, has none of it.
    for (const id of [
      'g7ai.security.weights-hash',
      'g7ai.model.parameters',
      'g7ai.model.architecture',
      'g7ai.model.task',
      'g7ai.model.license',
      'g7ai.model.training-data',
    ]) {
      assert.deepEqual(byId.get(id)!.failing, ['model:meta-llama/Llama-3.1-8B'], id);
      assert.equal(byId.get(id)!.covered, 1, id);
    }
    const license = byId.get('g7ai.dataset.license')!;
    assert.equal(license.pass, false);
    assert.equal(license.total, 2);
    assert.equal(license.failing.length, 2);
    const q = await vigie(['sbom', 'quality', out, '--profile', 'ai-g7-2026']);
    assert.equal(q.code, 1);
    assert.match(q.stdout, /FAIL required {3}g7ai\.dataset\.license: 0\/2 components state a licence/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('corpus AI examples: SPDX 3 AI (SimpleHTR) and the CycloneDX foundation-model ML-BOM', needsCorpora, () => {
  const htr = score(corpus('sboms/spdx/examples/ai/example01/spdx3.0/simplehtr-example.json'));
  const byId = new Map(htr.checks.map((c) => [c.id, c]));
  // Its trainedOn/testedOn relationships all point at elements of the document.
  assert.equal(byId.get('g7ai.model.lineage-resolved')!.pass, true);
  assert.ok(byId.get('g7ai.dataset.sensitive-data')!.failing.includes('https://my-first-aibom.com/IAMdataset'));
  assert.equal(byId.get('g7ai.system.model')!.pass, true);
  const gpt = score(corpus('sboms/cyclonedx/bom-examples/MLBOM/Model/FoundationModels/bom.json'));
  assert.equal(gpt.pass, false);
  const failing = failingRequired(gpt);
  assert.ok(failing.includes('g7ai.system.primary'), failing.join('\n'));
  assert.ok(
    failing.some((f) => f.startsWith('g7ai.model.license [')),
    failing.join('\n'),
  );
});
