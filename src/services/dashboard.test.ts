// Open obligations on the dashboard: a real CycloneDX SBOM (CERN's VdM editor, four permissive
// licences) walked past the policy step, and dropped again when the policy no longer allows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { corpus, needsCorpora, whenCorpora, HAS_CORPORA } from '../../test/support/corpora.js';
import * as services from './index.js';

const FILE = corpus('sboms', 'cyclonedx', 'bom-examples', 'SBOM', 'cern-lhc-vdm-editor-e564943', 'bom.json');
const components = whenCorpora(
  () =>
    (JSON.parse(readFileSync(FILE, 'utf8')) as { components: { licenses: { license: { id: string } }[] }[] })
      .components,
);
const licenseOf = whenCorpora(() => components.map((c) => c.licenses[0]!.license.id));
const LICENSES = whenCorpora(() => [...new Set(licenseOf)].sort());

let dir: string;
let store: Store;
let releaseId: number;
before(async () => {
  if (!HAS_CORPORA) return;
  dir = mkdtempSync(join(tmpdir(), 'vigie-dashboard-service-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
  const product = await services.createProduct(store, { name: 'VdM editor', outboundLicenses: ['MIT'] });
  releaseId = (await services.createRelease(store, { productId: product.id, number: 'e564943' })).id;
  await services.importDocument(store, releaseId, {
    content: readFileSync(FILE),
    fileName: 'bom.json',
    author: 'test',
  });
  await services.setExploitationRule(store, releaseId, { scope: null, exploitation: 'distribution' });
});
after(async () => {
  if (!HAS_CORPORA) return;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('no open obligations while the release stops before the policy step', needsCorpora, async () => {
  const validation = await services.validateRelease(store, releaseId);
  assert.ok(validation.validationStep < services.POLICY_STEP, `step ${validation.validationStep}`);
  const summary = await services.dashboardSummary(store);
  assert.deepEqual(summary.counts, { categories: 0, products: 1, releases: 1, decisions: 0 });
  assert.deepEqual(summary.openObligations, []);
});

test(
  'past the policy step, each triggered action counts the usages under the licences that call for it',
  needsCorpora,
  async () => {
    for (const license of LICENSES) await services.setLicensePolicy(store, { license, allowed: 'always' });
    assert.ok((await services.validateRelease(store, releaseId)).validationStep >= services.POLICY_STEP);
    const [open, ...others] = (await services.dashboardSummary(store)).openObligations;
    assert.equal(others.length, 0);
    assert.equal(open!.release.id, releaseId);
    assert.equal(open!.productName, 'VdM editor');
    assert.ok(open!.actions.length > 0);
    for (const action of open!.actions) {
      // Every component is one usage with one licence, all distributed unmodified.
      const expected = licenseOf.filter((l) => action.licenses.includes(l)).length;
      assert.equal(action.usages, expected, action.name);
    }
    // Apache-2.0 alone asks for its NOTICE file to be reproduced (section 4d).
    const notice = open!.actions.find((a) => /NOTICE/.test(a.name));
    assert.deepEqual(notice?.licenses, ['Apache-2.0']);
    assert.equal(notice?.usages, licenseOf.filter((l) => l === 'Apache-2.0').length);
  },
);

test(
  'the actions are kept by run: asked again they are the same, and the product and release shown are current',
  needsCorpora,
  async () => {
    const first = (await services.dashboardSummary(store)).openObligations;
    const product = (await services.getRelease(store, releaseId)).productId;
    await services.updateProduct(store, product, { name: 'VdM editor (renamed)' });
    const again = (await services.dashboardSummary(store)).openObligations;
    assert.equal(again[0]!.productName, 'VdM editor (renamed)');
    assert.deepEqual(again[0]!.actions, first[0]!.actions);
    await services.updateProduct(store, product, { name: 'VdM editor' });
  },
);

test(
  'a policy change records a new run: the release falls back before the policy step and leaves the list',
  needsCorpora,
  async () => {
    await services.setLicensePolicy(store, { license: 'MIT', allowed: 'never' });
    assert.ok(
      (await services.getRelease(store, releaseId)).validationStep < services.POLICY_STEP,
      'the policy change validated the release again',
    );
    assert.equal((await store.latestValidationRun(releaseId))?.reason, 'policy');
    assert.deepEqual((await services.dashboardSummary(store)).openObligations, []);
  },
);
