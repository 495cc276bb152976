import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { validateRelease } from '../../../src/compliance/index.js';
import {
  createProduct,
  createRelease,
  importDocument,
  importDocumentOf,
  listValidationRuns,
  releaseValidation,
  validatedRelease,
} from '../../../src/services/index.js';
import { loadReleaseSnapshot } from '../../../src/services/release-snapshot.js';
import { productWithRelease } from '../support/fixtures.js';

/** A small CycloneDX document whose usages block at several steps (invalid, OR choice, unknown licence). */
function document(): string {
  const component = (name: string, licenses: unknown[]) => ({
    type: 'library',
    'bom-ref': `pkg:npm/${name}@1.0.0`,
    name,
    version: '1.0.0',
    purl: `pkg:npm/${name}@1.0.0`,
    licenses,
  });
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [
      component('left-pad', [{ license: { id: 'MIT' } }]),
      component('dual', [{ expression: 'MIT OR GPL-2.0-only' }]),
      component('odd', [{ license: { name: 'Custom Licence 7' } }]),
    ],
  });
}

export const validationRunCases: Record<string, ContractCase> = {
  async 'a stored run reads back exactly as the engine computed it, its bulky part only when read (ADR 21)'(store) {
    const product = await createProduct(store, { name: 'Runs' });
    const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
    await importDocument(store, release.id, { content: document(), fileName: 'bom.cdx.json' });
    const expected = validateRelease(await loadReleaseSnapshot(store, release.id));
    assert.ok(expected.blockerCount > 0 && expected.usages.length === 3);

    const stored = await store.latestValidationRun(release.id);
    assert.ok(stored && stored.details !== null, 'a new run keeps its bulky part apart');
    // The summary holds no blocker and no resolved usage: those are in the details only.
    assert.equal(JSON.stringify(stored.report).includes('left-pad'), false);
    assert.ok(JSON.stringify(stored.details()).includes('left-pad'));

    const read = await releaseValidation(store, release.id);
    assert.equal(read.run?.reason, 'import');
    assert.equal(JSON.stringify(read.report), JSON.stringify(expected), 'same keys, same order, same values');
    assert.deepEqual(read.report, expected);
    assert.deepEqual(
      read.steps.map((s) => s.blockers.length),
      expected.steps.map((s) => s.blockers.length),
    );
    assert.equal('details' in (read.run ?? {}), false);
    const outputs = await validatedRelease(store, release.id);
    assert.deepEqual(outputs.validation.report.usages, expected.usages);
    assert.equal((await listValidationRuns(store, release.id))[0]?.reason, 'import');
  },

  async 'a run stored whole (before migration 0017) reads as before; one stored without details reads back null'(
    store,
  ) {
    const release = await productWithRelease(store, 'Older runs');
    const report = {
      releaseId: release.id,
      steps: [{ step: 1, name: 'Valid SPDX', passed: true, blockers: [], pending: 0, checked: 0, notes: [] }],
      validationStep: 6,
      blockerCount: 0,
      usages: [],
    };
    const run = await store.insertValidationRun({
      releaseId: release.id,
      createdAt: '2026-12-01T00:00:00Z',
      reason: 'manual',
      validationStep: 6,
      blockerCount: 0,
      fingerprint: 'sha256:x',
      licenseCounts: {},
      report,
    });
    assert.equal(run.details, null);
    const stored = await store.latestValidationRun(release.id);
    assert.equal(stored?.details, null);
    assert.deepEqual(stored?.report, report);
    const read = await releaseValidation(store, release.id);
    assert.deepEqual(read.report, report);
  },
};

export const importDocumentCases: Record<string, ContractCase> = {
  async 'an imported document, stored gzip-compressed, reads back byte for byte (ADR 21)'(store) {
    const product = await createProduct(store, { name: 'Packed' });
    const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
    // A BOM on its first bytes and a non-ASCII description: the bytes as uploaded, not a re-encoding.
    const text = `\ufeff${document().replace('"version":1', '"version":1,"metadata":{"component":{"type":"application","name":"Café ✓"}}')}`;
    const bytes = new TextEncoder().encode(text);
    const outcome = await importDocument(store, release.id, {
      content: bytes,
      fileName: 'bom.cdx.json',
      mediaType: 'application/vnd.cyclonedx+json',
    });
    const doc = await importDocumentOf(store, outcome.import.id);
    assert.deepEqual(Buffer.from(doc.content), Buffer.from(bytes));
    assert.equal(doc.mediaType, 'application/vnd.cyclonedx+json');
  },
};
