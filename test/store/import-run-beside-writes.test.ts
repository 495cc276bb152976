// An import's validation run and scan are the release as the import left it, however they were
// worked out: on PostgreSQL while the import's last rows go to the server (ADR 59), on SQLite after
// the commit. Either way they must equal a run and a scan recorded afresh from the store, for a
// release the import replaces and for one the import creates by name (which exists only inside its
// transaction).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets, type Target } from './support/databases.js';
import { cycloneDxText } from './support/fixtures.js';
import type { Store } from '../../src/store/index.js';
import {
  createProduct,
  createRelease,
  importDocument,
  importDocumentByName,
  importVulnDatabase,
  recordValidationRun,
  scanRelease,
  releaseValidation,
  setExploitationRule,
  type ReleaseValidation,
} from '../../src/services/index.js';
import { validateRelease, validationInSteps } from '../../src/compliance/index.js';
import { STATES_PER_PAUSE } from '../../src/compliance/validation-context.js';
import { loadReleaseSnapshot } from '../../src/services/release-snapshot.js';

/** More components than a step works through between two pauses, with blockers at steps 1, 4 and 5. */
const COMPONENTS = STATES_PER_PAUSE * 2 + 500;
const LICENCES = ['MIT', 'MIT OR ISC', 'Custom Licence 2', 'GPL-3.0-only', 'Apache-2.0', 'BSD-3-Clause'];

function document(tag: string): string {
  const components = [];
  const dependsOn = [];
  for (let i = 0; i < COMPONENTS; i++) {
    const name = `${tag}-${i}`;
    components.push({
      type: 'library',
      'bom-ref': name,
      name,
      version: `1.${i % 7}.0`,
      purl: `pkg:npm/${name}@1.${i % 7}.0`,
      scope: i % 5 === 0 ? 'optional' : 'required',
      licenses: [{ expression: LICENCES[i % LICENCES.length] }],
    });
    dependsOn.push(name);
  }
  return cycloneDxText(components, [{ ref: 'root', dependsOn }]);
}

/** An advisory for some versions of every seventh `new-…` component (1.3.0 and below). */
function advisories(dir: string): string {
  const path = join(dir, 'advisories.json');
  const affected = [];
  for (let i = 3; i < COMPONENTS; i += 7)
    affected.push({
      package: { ecosystem: 'npm', name: `new-${i}` },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.4.0' }] }],
    });
  writeFileSync(path, JSON.stringify({ id: 'GHSA-vigi-test-0001', modified: '2026-12-01T00:00:00Z', affected }));
  return path;
}

/** The stored scan of a release, without when and why it was made. */
async function storedScan(store: Store, releaseId: number) {
  const scan = await store.getReleaseScan(releaseId);
  const findings = await store.listReleaseFindings([releaseId]);
  return {
    fingerprint: scan?.fingerprint,
    summary: scan?.summary,
    unchecked: scan?.unchecked,
    findings: findings.map((f) => `${f.versionId} ${f.component} ${f.finding.vulnerability.id}`).sort(),
  };
}

/** What two validations must agree on: everything but the run's own id, time and reason. */
function comparable(v: ReleaseValidation) {
  return {
    validationStep: v.validationStep,
    blockerCount: v.blockerCount,
    steps: v.steps.map((s) => ({ ...s, blockers: [...s.blockers] })),
    usages: v.report.usages,
    licenseCounts: v.run?.licenseCounts,
    fingerprint: v.run?.fingerprint,
  };
}

for (const target of targets()) runCases(target);

function runCases(target: Target): void {
  test(
    `an import's validation run equals one recorded afresh, replacing and creating [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      const { store } = fresh;
      const dir = mkdtempSync(join(tmpdir(), 'vigie-beside-'));
      try {
        await importVulnDatabase(store, [advisories(dir)], { now: '2026-12-05T00:00:00Z' });
        const product = await createProduct(store, { name: 'App', outboundLicenses: ['MIT'] });
        const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
        await setExploitationRule(store, release.id, {
          scope: 'required',
          project: null,
          exploitation: 'distribution',
        });
        // A first import, then one that replaces it: the run follows the second document.
        await importDocument(store, release.id, { content: document('old'), fileName: 'a.cdx.json', author: 't' });
        await importDocument(store, release.id, { content: document('new'), fileName: 'b.cdx.json', author: 't' });
        const imported = await releaseValidation(store, release.id);
        assert.equal(imported.run?.reason, 'import');
        assert.equal(imported.report.usages.length, COMPONENTS);
        assert.ok(imported.blockerCount > 0);
        assert.equal(
          imported.blockerCount,
          imported.steps.reduce((n, s) => n + s.blockers.length, 0),
        );
        const recorded = await recordValidationRun(store, release.id, 'manual');
        assert.deepEqual(comparable(imported), comparable(recorded));
        assert.ok(
          imported.steps.some((s) => s.blockers.some((b) => b.component?.startsWith('new-'))) &&
            !imported.steps.some((s) => s.blockers.some((b) => b.component?.startsWith('old-'))),
          'the run is the second document',
        );
        // The scan likewise: findings for the second document's components only.
        const scanned = await storedScan(store, release.id);
        assert.ok(scanned.findings.length > 100, `the scan found the advisory (${scanned.findings.length})`);
        await scanRelease(store, release.id, 'manual', new Date().toISOString());
        assert.deepEqual(scanned, await storedScan(store, release.id));

        // A release the import creates by name exists only in the import's transaction until it commits.
        const named = await importDocumentByName(
          store,
          { product: 'App', release: '2.0.0', create: true },
          { content: document('named'), fileName: 'c.cdx.json', author: 't' },
        );
        const created = await releaseValidation(store, named.import.releaseId);
        assert.equal(created.run?.reason, 'import');
        assert.equal(created.release.validationStep, created.validationStep);
        assert.deepEqual(
          comparable(created),
          comparable(await recordValidationRun(store, named.import.releaseId, 'manual')),
        );
        const createdScan = await storedScan(store, named.import.releaseId);
        assert.equal(createdScan.findings.length, 0, 'no `named-…` component has the advisory');
        assert.ok(createdScan.fingerprint);
        await scanRelease(store, named.import.releaseId, 'manual', new Date().toISOString());
        assert.deepEqual(createdScan, await storedScan(store, named.import.releaseId));
      } finally {
        await fresh.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

test('validationInSteps pauses between slices of usages and returns what validateRelease does', async () => {
  const [sqlite] = targets();
  const fresh = await sqlite!.fresh();
  try {
    const { store } = fresh;
    // An outbound licence: step 6 then checks every usage instead of stopping at once.
    const product = await createProduct(store, { name: 'App', outboundLicenses: ['Apache-2.0'] });
    const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
    await importDocument(store, release.id, { content: document('x'), fileName: 'x.cdx.json', author: 't' });
    const snapshot = await loadReleaseSnapshot(store, release.id);
    const steps = validationInSteps(snapshot);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    // A pause before each of the six steps, and two within each for COMPONENTS usages.
    assert.equal(pauses, 6 + 6 * Math.floor(COMPONENTS / STATES_PER_PAUSE));
    assert.deepEqual(next.value, validateRelease(snapshot));
  } finally {
    await fresh.dispose();
  }
});
