// Issue 8 item 9: ORT scope names are kept as ORT wrote them, one usage per scope (as Hermine does),
// instead of being folded into prod/dev; the one SBOM->release mapping does it for import and check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planImport } from '../../src/compliance/release-plan.js';
import { readSbom } from '../../src/sbom/read.js';
import { corpus, needsCorpora } from '../support/corpora.js';

test('ORT scopes as written: one usage per scope of each package', needsCorpora, () => {
  const path = corpus('ort/results/ort-analyzer-result.yml');
  const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
  const plan = planImport(sbom);
  const scopesOf = (name: string) =>
    [
      ...new Set(
        plan.usages
          .filter((u) => plan.components[plan.versions[u.version].component].name === name)
          .map((u) => u.scope),
      ),
    ].sort();
  assert.deepEqual(scopesOf('junit'), ['testCompile', 'testCompileClasspath', 'testRuntime', 'testRuntimeClasspath']);
  const scopes = new Set(plan.usages.map((u) => u.scope));
  for (const folded of ['prod', 'dev']) assert.ok(!scopes.has(folded), `no "${folded}" scope made up`);
  assert.ok(scopes.has('compileClasspath') && scopes.has('runtime'));
  assert.ok(plan.usages.length > plan.versions.length, 'packages in several scopes have several usages');
});
