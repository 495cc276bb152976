// SBOM quality profiles: every check of every profile has a failing and a passing fixture (sbomqs's
// BSI test data, one case per field, plus small fixtures of ours), and the CLI's outputs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSbom } from '../../src/sbom/read.js';
import { evaluateProfiles, QUALITY_PROFILES, type CheckResult } from '../../src/cra/profiles/index.js';
import { REPO_ROOT, corpus, needsCorpora } from '../support/corpora.js';
import { vigie } from '../cli/run-cli.js';

const OWN = (name: string) => join(REPO_ROOT, 'test/fixtures/sbom-quality', name);
const BSI = (name: string) => corpus('sbom-quality/sbomqs-testdata/bsi', name);
const KISSBOM = join(REPO_ROOT, 'test/fixtures/kissbom/web-shop.kissbom.csv');

function checkResult(path: string, id: string): CheckResult {
  const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
  const results = evaluateProfiles(QUALITY_PROFILES, sbom).flatMap((p) => p.checks);
  const found = results.find((c) => c.id === id);
  assert.ok(found, `no check ${id}`);
  return found;
}

/** check id → a document that fails it (with the component it names, if any) and one that passes. */
const CASES: Record<string, { fail: string; failing?: string; pass: string }> = {
  'ntia.supplier': {
    fail: BSI('cdx/missingComponentName.cdx16.json'),
    failing: 'comp-1',
    pass: OWN('cisa-signed.cdx.json'),
  },
  'ntia.name': { fail: BSI('cdx/missingComponentName.cdx16.json'), pass: BSI('cdx/validComponentName.cdx16.json') },
  'ntia.version': {
    fail: BSI('cdx/missingComponentVersion.cdx16.json'),
    pass: BSI('cdx/validComponentVersion.cdx16.json'),
  },
  'ntia.identifiers': {
    fail: BSI('cdx/missingComponentOtherUniqueIDs.cdx16.json'),
    pass: BSI('cdx/validComponentPURL.cdx16.json'),
  },
  'ntia.dependencies': {
    fail: BSI('cdx/primaryNoDependencies.cdx16.json'),
    pass: BSI('cdx/validComponentDependencies.cdx16.json'),
  },
  'ntia.author': {
    fail: BSI('cdx/missingMetadataTimestamp.cdx16.json'),
    pass: BSI('cdx/validMetadataAuthorEmail.cdx16.json'),
  },
  'ntia.timestamp': {
    fail: BSI('cdx/invalidMetadataTimestamp.cdx16.json'),
    pass: BSI('cdx/validMetadataTimestamp.cdx16.json'),
  },
  'ntia.automation': { fail: KISSBOM, pass: BSI('cdx/validMetadataTimestamp.cdx16.json') },
  'ntia.known-unknowns': {
    fail: BSI('cdx/validComponentDependencies.cdx16.json'),
    pass: BSI('cdx/validFullyCompliantBsiV21.cdx16.json'),
  },

  'cisa.author': { fail: BSI('cdx/missingMetadataTimestamp.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.signature': { fail: BSI('cdx/validFullyCompliantBsiV21.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.format': { fail: OWN('top-level-unversioned.cdx14.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.generation-context': { fail: OWN('top-level-unversioned.cdx14.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.timestamp': { fail: BSI('cdx/invalidMetadataTimestamp.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.tool': { fail: OWN('top-level-unversioned.cdx14.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.sbom-version': { fail: OWN('top-level-unversioned.cdx14.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.producer': {
    fail: OWN('top-level-unversioned.cdx14.json'),
    failing: 'left-pad',
    pass: OWN('cisa-signed.cdx.json'),
  },
  'cisa.name': { fail: BSI('cdx/missingComponentName.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.version': {
    fail: OWN('top-level-unversioned.cdx14.json'),
    failing: 'left-pad',
    pass: OWN('cisa-signed.cdx.json'),
  },
  'cisa.identifiers': { fail: BSI('cdx/missingComponentOtherUniqueIDs.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.hash': { fail: BSI('cdx/missingComponentHash.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.license': { fail: BSI('cdx/missingComponentLicense.cdx16.json'), pass: OWN('cisa-signed.cdx.json') },
  'cisa.dependencies': {
    fail: BSI('cdx/orphanComponentDependencies.cdx16.json'),
    failing: 'pkg:generic/orphan-lib@1.0.0',
    pass: OWN('cisa-signed.cdx.json'),
  },
  'cisa.coverage': {
    fail: BSI('cdx/orphanComponentDependencies.cdx16.json'),
    failing: 'pkg:generic/orphan-lib@1.0.0',
    pass: OWN('cisa-signed.cdx.json'),
  },
  'cisa.unknowns': { fail: OWN('top-level-unversioned.cdx14.json'), pass: OWN('cisa-signed.cdx.json') },

  'bsi.format': { fail: BSI('spdx/validComponentName.spdx23.json'), pass: OWN('bsi-two-packages.spdx3.json') },
  'bsi.no-vulnerabilities': {
    fail: BSI('cdx/withVulnerabilities.cdx16.json'),
    pass: BSI('cdx/noVulnerabilities.cdx16.json'),
  },
  'bsi.sbom.creator': {
    fail: BSI('cdx/invalidMetadataAuthorEmail.cdx16.json'),
    pass: BSI('cdx/validMetadataManufacturerURL.cdx16.json'),
  },
  'bsi.sbom.timestamp': {
    fail: BSI('cdx/invalidMetadataTimestamp.cdx16.json'),
    pass: BSI('cdx/validMetadataTimestamp.cdx16.json'),
  },
  'bsi.sbom.uri': { fail: BSI('cdx/missingSerialNumber.cdx16.json'), pass: BSI('cdx/validSerialNumber.cdx16.json') },
  'bsi.primary-component': {
    fail: BSI('cdx/missingPrimaryComponent.cdx16.json'),
    pass: BSI('cdx/validComponentDependencies.cdx16.json'),
  },
  'bsi.dependencies.completeness': {
    fail: BSI('cdx/validComponentDependencies.cdx16.json'),
    pass: OWN('bsi-two-packages.spdx3.json'),
  },
  'bsi.dependencies.intact': {
    fail: BSI('cdx/brokenTargetComponentDependencies.cdx16.json'),
    pass: BSI('cdx/validComponentDependencies.cdx16.json'),
  },
  'bsi.recursion.delivery-item': {
    fail: BSI('cdx/orphanComponentDependencies.cdx16.json'),
    failing: 'pkg:generic/orphan-lib@1.0.0',
    pass: BSI('cdx/validComponentDependencies.cdx16.json'),
  },
  'bsi.component.creator': {
    fail: BSI('cdx/invalidComponentManufacturerEmail.cdx16.json'),
    pass: BSI('cdx/validComponentManufacturerURL.cdx16.json'),
  },
  'bsi.component.name': {
    fail: BSI('cdx/missingComponentName.cdx16.json'),
    pass: BSI('cdx/validComponentName.cdx16.json'),
  },
  'bsi.component.version': {
    fail: BSI('cdx/missingComponentVersion.cdx16.json'),
    pass: BSI('cdx/validComponentVersion.cdx16.json'),
  },
  'bsi.component.filename': {
    fail: OWN('bsi-two-packages.spdx3.json'),
    failing: 'https://example.com/spdx/pkg/parser',
    pass: BSI('cdx/validComponentBsiFilename.cdx16.json'),
  },
  'bsi.component.dependencies': {
    fail: BSI('cdx/leafComponentNoDependencies.cdx16.json'),
    pass: BSI('cdx/validComponentDependencies.cdx16.json'),
  },
  'bsi.component.distribution-license': {
    fail: BSI('cdx/invalidComponentLicenseNoAssertion.cdx16.json'),
    pass: BSI('cdx/validComponentLicenseConcluded.cdx16.json'),
  },
  'bsi.component.deployable-hash': {
    fail: BSI('cdx/invalidComponentDeployableHashComponentLevelOnly.cdx16.json'),
    pass: BSI('cdx/validComponentExtRefDistributionHashSHA512.cdx16.json'),
  },
  'bsi.component.executable': {
    fail: BSI('cdx/missingComponentBsiExecutable.cdx16.json'),
    pass: BSI('cdx/validComponentBsiExecutable.cdx16.json'),
  },
  'bsi.component.archive': {
    fail: BSI('cdx/missingComponentBsiArchive.cdx16.json'),
    pass: BSI('cdx/validComponentBsiArchive.cdx16.json'),
  },
  'bsi.component.structured': {
    fail: BSI('cdx/missingComponentBsiStructured.cdx16.json'),
    pass: BSI('cdx/validComponentBsiStructured.cdx16.json'),
  },
  'bsi.component.source-uri': {
    fail: BSI('cdx/invalidComponentSourceCodeURL.cdx16.json'),
    pass: BSI('cdx/validComponentSourceCodeURL.cdx16.json'),
  },
  'bsi.component.deployable-uri': {
    fail: BSI('cdx/invalidComponentDownloadURL.cdx16.json'),
    pass: BSI('cdx/validComponentDownloadURL.cdx16.json'),
  },
  'bsi.component.identifiers': {
    fail: BSI('cdx/missingComponentOtherUniqueIDs.cdx16.json'),
    pass: BSI('cdx/validComponentSWID.cdx16.json'),
  },
  'bsi.component.original-license': {
    fail: BSI('cdx/missingComponentLicense.cdx16.json'),
    pass: BSI('cdx/validComponentLicenseDeclared.cdx16.json'),
  },
  'bsi.component.effective-license': {
    fail: BSI('cdx/missingComponentBsiEffectiveLicense.cdx16.json'),
    pass: BSI('cdx/validComponentBsiEffectiveLicense.cdx16.json'),
  },
  'bsi.component.source-hash': {
    fail: BSI('cdx/invalidComponentSourceHash.cdx16.json'),
    pass: BSI('cdx/validComponentSourceHash.cdx16.json'),
  },
  'bsi.component.security-txt': {
    fail: BSI('cdx/invalidComponentSecurityTxtURL.cdx16.json'),
    pass: BSI('cdx/validComponentSecurityTxtURL.cdx16.json'),
  },

  'cra.format': { fail: KISSBOM, pass: OWN('bsi-two-packages.spdx3.json') },
  'cra.top-level-dependencies': {
    fail: BSI('cdx/primaryNoDependencies.cdx16.json'),
    pass: OWN('top-level-unversioned.cdx14.json'),
  },
  'cra.top-level-identified': {
    fail: OWN('top-level-unversioned.cdx14.json'),
    failing: 'left-pad',
    pass: OWN('cisa-signed.cdx.json'),
  },
};

// The G7 "SBOM for AI" profile (issue 10): a complete and a bare ML-BOM written for it (test/fixtures/ai).
const AI = (name: string) => join(REPO_ROOT, 'test/fixtures/ai', name);
const AI_COMPLETE = AI('complete-mlbom.cdx.json');
const AI_SPARSE = AI('sparse-mlbom.cdx.json');
Object.assign(CASES, {
  'g7ai.metadata.author': { fail: AI_SPARSE, pass: AI_COMPLETE },
  'g7ai.metadata.timestamp': { fail: AI_SPARSE, pass: AI_COMPLETE },
  'g7ai.metadata.ml-format': { fail: OWN('top-level-unversioned.cdx14.json'), pass: AI_COMPLETE },
  'g7ai.system.model': { fail: OWN('cisa-signed.cdx.json'), pass: AI_COMPLETE },
  'g7ai.system.primary': { fail: AI_SPARSE, pass: AI_COMPLETE },
  'g7ai.system.dependencies': { fail: AI_SPARSE, pass: AI_COMPLETE },
  'g7ai.model.supplier': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.version': { fail: AI('router-mlbom.cdx.json'), failing: 'model:bert', pass: AI_COMPLETE },
  'g7ai.model.license': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.task': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.architecture': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.parameters': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.io': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.training-data': { fail: AI('router-mlbom.cdx.json'), failing: 'model:bert', pass: AI_COMPLETE },
  'g7ai.model.lineage-resolved': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.intended-use': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.model.limitations': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.dataset.license': { fail: AI('router-mlbom.cdx.json'), failing: 'data:holdout', pass: AI_COMPLETE },
  'g7ai.dataset.provenance': { fail: AI_SPARSE, failing: 'data:bare', pass: AI_COMPLETE },
  'g7ai.dataset.modality': { fail: AI_SPARSE, failing: 'data:bare', pass: AI_COMPLETE },
  'g7ai.dataset.sensitive-data': { fail: AI('router-mlbom.cdx.json'), failing: 'data:reviews', pass: AI_COMPLETE },
  'g7ai.dataset.size': { fail: AI_SPARSE, failing: 'data:bare', pass: AI_COMPLETE },
  'g7ai.dataset.preprocessing': { fail: AI_SPARSE, failing: 'data:bare', pass: AI_COMPLETE },
  'g7ai.dataset.governance': { fail: AI_SPARSE, failing: 'data:bare', pass: AI_COMPLETE },
  'g7ai.infrastructure.software': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.security.weights-hash': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.security.signature': { fail: AI_COMPLETE, pass: OWN('cisa-signed.cdx.json') },
  'g7ai.kpi.metrics': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
  'g7ai.kpi.energy': { fail: AI_SPARSE, failing: 'model:bare', pass: AI_COMPLETE },
});

test('every check of every profile has a failing and a passing case', () => {
  const ids = QUALITY_PROFILES.flatMap((p) => p.checks.map((c) => c.id));
  assert.deepEqual([...ids].sort(), Object.keys(CASES).sort());
  assert.equal(new Set(ids).size, ids.length, 'check ids are unique');
});

describe('each check fails and passes on its fixtures', needsCorpora, () => {
  for (const [id, c] of Object.entries(CASES)) {
    test(id, () => {
      const failed = checkResult(c.fail, id);
      assert.equal(failed.pass, false, `${id} should fail on ${c.fail}`);
      if (c.failing)
        assert.ok(failed.failing.includes(c.failing), `${id} names ${c.failing}: ${failed.failing.join(', ')}`);
      const passed = checkResult(c.pass, id);
      assert.equal(passed.pass, true, `${id} should pass on ${c.pass} (failing: ${passed.failing.join(', ')})`);
      assert.equal(passed.covered, passed.total);
    });
  }
});

test(
  'a fully described BSI SBOM passes every BSI check; one component missing a field is named with coverage',
  needsCorpora,
  () => {
    const all = (p: string) => {
      const { sbom } = readSbom(readFileSync(p, 'utf8'), p);
      return evaluateProfiles(QUALITY_PROFILES, sbom).find((r) => r.profile === 'bsi-tr-03183-2@2.1.0')!;
    };
    const full = all(BSI('cdx/validFullyCompliantBsiV21.cdx16.json'));
    assert.equal(full.pass, true);
    assert.deepEqual(
      full.checks.filter((c) => !c.pass).map((c) => c.id),
      [],
    );
    const hash = all(OWN('bsi-two-packages.spdx3.json')).checks.find((c) => c.id === 'bsi.component.deployable-hash')!;
    assert.deepEqual(
      { covered: hash.covered, total: hash.total, failing: hash.failing },
      { covered: 1, total: 2, failing: ['https://example.com/spdx/pkg/parser'] },
    );
  },
);

describe('vigie sbom quality', needsCorpora, () => {
  test('--json prints exactly the documented shape; a failing required check exits 1', async () => {
    const r = await vigie([
      'sbom',
      'quality',
      OWN('top-level-unversioned.cdx14.json'),
      '--profile',
      'cra-annex-i,ntia-2021',
      '--json',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      profiles: Array<{ profile: string; pass: boolean; checks: Array<Record<string, unknown>> }>;
    };
    assert.deepEqual(Object.keys(doc), ['profiles']);
    assert.deepEqual(
      doc.profiles.map((p) => [p.profile, p.pass]),
      [
        ['cra-annex-i', false],
        ['ntia-2021', false],
      ],
    );
    const identified = doc.profiles[0]!.checks.find((c) => c.id === 'cra.top-level-identified')!;
    assert.deepEqual(Object.keys(identified), [
      'id',
      'title',
      'clause',
      'level',
      'pass',
      'covered',
      'total',
      'failing',
    ]);
    assert.deepEqual(identified, {
      id: 'cra.top-level-identified',
      title: 'Top-level dependencies identified',
      clause: 'CRA Annex I Part II(1)',
      level: 'required',
      pass: false,
      covered: 1,
      total: 2,
      failing: ['left-pad'],
    });
  });

  test('text output gives pass/fail, coverage and clause per check; all required passing exits 0', async () => {
    const r = await vigie([
      'sbom',
      'quality',
      BSI('cdx/validFullyCompliantBsiV21.cdx16.json'),
      '--profile',
      'bsi-tr-03183-2',
    ]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(
      r.stdout,
      /pass required {3}bsi\.component\.deployable-hash: 3\/3 components have a SHA-512 hash of the deployable form — BSI TR-03183-2 v2\.1\.0 §5\.2/,
    );
    const failing = await vigie([
      'sbom',
      'quality',
      OWN('bsi-two-packages.spdx3.json'),
      '--profile',
      'bsi-tr-03183-2@2.1.0',
    ]);
    assert.equal(failing.code, 1);
    assert.match(
      failing.stdout,
      /FAIL required {3}bsi\.component\.deployable-hash: 1\/2 components .*\n {9}failing: https:\/\/example\.com\/spdx\/pkg\/parser/,
    );
  });

  test('an unknown profile is a usage error naming the known ones', async () => {
    const r = await vigie(['sbom', 'quality', OWN('cisa-signed.cdx.json'), '--profile', 'ntia-2021,nope']);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /unknown profile "nope" \(known: ntia-2021, cisa-2026, bsi-tr-03183-2@2\.1\.0, cra-annex-i, ai-g7-2026\)/,
    );
    assert.equal(r.stdout, '');
  });
});
