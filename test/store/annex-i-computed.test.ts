// Issue 12 item 3 on both dialects: CRA Annex I Part I (2)(a) and Part II (1) computed per release
// from what the store holds (findings with their VEX analyses; the cra-annex-i result an import
// keeps of its document), shown by the record view, refused as hand-set values, and used by the
// release gate (CRA Art. 13(12)).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets } from './support/databases.js';
import { runContract, type ContractCase } from './support/contract.js';
import type { Store } from '../../src/store/index.js';
import {
  approveRelease,
  craRecordView,
  recordValidationRun,
  shipRelease,
  craShipBlockers,
  importDocument,
  importVulnDatabase,
  setAnnexRequirement,
  setVexAnalysis,
  updateCraRecord,
} from '../../src/services/index.js';

const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const LOW = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';

function bom(options: { primary: boolean }): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: options.primary
      ? { component: { type: 'application', name: 'shop', version: '1.0', 'bom-ref': 'shop' } }
      : {},
    components: [
      { type: 'library', 'bom-ref': 'm', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' },
      { type: 'library', 'bom-ref': 'y', name: 'pyyaml', version: '5.3', purl: 'pkg:pypi/PyYAML@5.3' },
    ],
    dependencies: options.primary ? [{ ref: 'shop', dependsOn: ['m', 'y'] }] : [],
  });
}

async function loadDatabase(store: Store, withKev: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-annex-'));
  try {
    const osv = join(dir, 'osv.json');
    writeFileSync(
      osv,
      JSON.stringify([
        {
          schema_version: '1.6.0',
          id: 'GHSA-xvch-5gv4-984h',
          modified: '2024-01-01T00:00:00Z',
          aliases: ['CVE-2021-44906'],
          severity: [{ type: 'CVSS_V3', score: CRITICAL }],
          affected: [
            {
              package: { ecosystem: 'npm', name: 'minimist' },
              ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
            },
          ],
        },
        {
          schema_version: '1.6.0',
          id: 'PYSEC-2021-142',
          modified: '2024-01-01T00:00:00Z',
          aliases: ['CVE-2020-14343'],
          severity: [{ type: 'CVSS_V3', score: LOW }],
          affected: [
            {
              package: { ecosystem: 'PyPI', name: 'pyyaml' },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.4' }] }],
            },
          ],
        },
      ]),
    );
    const paths = [osv];
    if (withKev) {
      const kev = join(dir, 'kev.json');
      writeFileSync(
        kev,
        JSON.stringify({
          catalogVersion: '2026.12.01',
          dateReleased: '2026-12-01T00:00:00Z',
          vulnerabilities: [
            {
              cveID: 'CVE-2020-14343',
              dateAdded: '2026-11-30',
              dueDate: '2026-12-21',
              knownRansomwareCampaignUse: 'Unknown',
            },
          ],
        }),
      );
      paths.push(kev);
    }
    await importVulnDatabase(store, paths, { now: '2026-12-04T08:00:00.000Z' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function shop(store: Store) {
  const product = await store.createProduct({
    name: 'shop',
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: [],
  });
  const release = await store.createRelease({ productId: product.id, number: '1.0' });
  return { product, release };
}

const row = async (store: Store, id: string, release?: string) =>
  (await craRecordView(store, 'shop', { release })).requirements.find((r) => r.id === id)!;

const cases: Record<string, ContractCase> = {
  async 'I.a: an unsettled critical finding blocks, named; not_affected settles it; the threshold and KEV decide what else counts'(
    store,
  ) {
    const { release } = await shop(store);
    assert.equal((await row(store, 'I.a')).computed?.status, 'not-evaluated', 'not scanned yet');
    await loadDatabase(store, false);
    await importDocument(store, release.id, { content: bom({ primary: true }), fileName: 'shop.cdx.json' });

    let ia = (await row(store, 'I.a')).computed!;
    assert.equal(ia.status, 'not-met');
    assert.deepEqual(
      ia.findings.map((f) => [f.vulnerability, f.component, f.rating]),
      [['CVE-2021-44906', 'pkg:npm/minimist', 'critical']],
      'the low-rated pyyaml flaw is below the default threshold (high)',
    );
    assert.match(ia.findings[0]!.why, /rated critical \(threshold high\); not triaged/);
    assert.match(ia.reasons[0]!, /1 finding of release 1\.0 may be exploitable.*CVE-2021-44906 in pkg:npm\/minimist/);
    assert.equal(typeof ia.findings[0]!.id, 'number', 'links to the stored finding');

    await setVexAnalysis(store, {
      product: 'shop',
      release: '1.0',
      component: 'pkg:npm/minimist',
      vulnerability: 'CVE-2021-44906',
      state: 'in_triage',
      author: 'alice',
      now: '2026-12-04T08:10:00.000Z',
    });
    assert.equal((await row(store, 'I.a')).computed!.status, 'not-met', 'in_triage does not settle it');
    await setVexAnalysis(store, {
      product: 'shop',
      release: '1.0',
      component: 'pkg:npm/minimist',
      vulnerability: 'CVE-2021-44906',
      state: 'not_affected',
      justification: 'code_not_reachable',
      author: 'alice',
      now: '2026-12-04T08:20:00.000Z',
    });
    ia = (await row(store, 'I.a')).computed!;
    assert.equal(ia.status, 'met');
    assert.match(ia.reasons[0]!, /none of the 2 findings of release 1\.0 is known exploitable/);
    const view = await craRecordView(store, 'shop');
    assert.equal(view.release?.number, '1.0');
    assert.equal(
      view.requirements.find((r) => r.id === 'I.a')!.status,
      'met',
      'the matrix status follows the computed value',
    );

    await updateCraRecord(store, 'shop', { exploitableThreshold: 'low' }, 'alice');
    ia = (await row(store, 'I.a')).computed!;
    assert.equal(ia.status, 'not-met');
    assert.deepEqual(
      ia.findings.map((f) => f.vulnerability),
      ['CVE-2020-14343'],
      'at threshold low the pyyaml flaw counts',
    );
    await assert.rejects(
      updateCraRecord(store, 'shop', { exploitableThreshold: 'severe' }, 'alice'),
      /exploitableThreshold: must be one of low, medium, high, critical/,
    );

    await updateCraRecord(store, 'shop', { exploitableThreshold: null }, 'alice');
    await loadDatabase(store, true);
    await importDocument(store, release.id, { content: bom({ primary: true }), fileName: 'shop.cdx.json' });
    ia = (await row(store, 'I.a')).computed!;
    assert.equal(ia.status, 'not-met');
    assert.deepEqual(
      ia.findings.map((f) => [f.vulnerability, f.kev]),
      [['CVE-2020-14343', true]],
      'KEV-listed: counts whatever its rating',
    );
    assert.match(ia.findings[0]!.why, /listed in CISA KEV/);
  },

  async 'II.1: the import keeps its cra-annex-i result; a document without top-level dependencies fails, named; a merge adds to the current documents'(
    store,
  ) {
    const { release } = await shop(store);
    assert.equal((await row(store, 'II.1')).computed?.status, 'not-met', 'no SBOM imported');
    const good = await importDocument(store, release.id, {
      content: bom({ primary: true }),
      fileName: 'good.cdx.json',
    });
    const stored = await store.listImportQuality([good.import.id]);
    assert.deepEqual(
      stored.filter((q) => q.result.profile === 'cra-annex-i').map((q) => [q.importId, q.result.pass]),
      [[good.import.id, true]],
    );
    assert.equal(stored.length, 5, 'every quality profile is kept (issue 12 item 1)');
    let ii1 = (await row(store, 'II.1')).computed!;
    assert.equal(ii1.status, 'met');
    assert.match(
      ii1.reasons[0]!,
      /passes every required check of the cra-annex-i profile \(import #\d+ \(good\.cdx\.json\)\)/,
    );

    const bare = await importDocument(store, release.id, {
      content: bom({ primary: false }),
      fileName: 'bare.cdx.json',
    });
    ii1 = (await row(store, 'II.1')).computed!;
    assert.equal(ii1.status, 'not-met');
    assert.deepEqual(
      ii1.failingChecks.map((f) => [f.importId, f.check]),
      [[bare.import.id, 'cra.top-level-dependencies']],
      'only the replacing import counts',
    );
    assert.match(
      ii1.reasons[0]!,
      /cra\.top-level-dependencies "Top-level dependencies covered" in import #\d+ \(bare\.cdx\.json\) \(0\/1\)/,
    );

    await importDocument(store, release.id, {
      content: bom({ primary: true }),
      fileName: 'more.cdx.json',
      mode: 'merge',
    });
    assert.equal(
      (await row(store, 'II.1')).computed!.status,
      'not-met',
      'the bare document is still part of the inventory',
    );
    await importDocument(store, release.id, { content: bom({ primary: true }), fileName: 'good.cdx.json' });
    assert.equal((await row(store, 'II.1')).computed!.status, 'met');

    assert.equal(await store.deleteRelease(release.id), true);
    assert.deepEqual(
      await store.listImportQuality([good.import.id, bare.import.id]),
      [],
      'results go with their imports',
    );
  },

  async 'computed requirements cannot be set by hand; the release gate uses their computed value'(store) {
    const { release } = await shop(store);
    await assert.rejects(
      setAnnexRequirement(store, 'shop', 'I.a', { status: 'met', evidence: ['https://x.example/e'] }, 'bob'),
      /I\.a \(CRA Annex I Part I \(2\)\(a\)\) is computed per release .* cannot be set by hand/,
    );
    await assert.rejects(
      setAnnexRequirement(store, 'shop', 'ii.1', { status: 'not-applicable', note: 'n/a' }, 'bob'),
      /II\.1 .* is computed per release/,
    );
    await assert.rejects(
      updateCraRecord(store, 'shop', { shipRequires: ['I.a', 'I.z'] }, 'bob'),
      /shipRequires\.1: unknown requirement "I\.z"/,
    );

    assert.deepEqual(await craShipBlockers(store, release), [], 'no gate: nothing blocks');
    await updateCraRecord(store, 'shop', { shipRequires: ['i.a', 'II.1', 'II.5'] }, 'bob');
    assert.deepEqual((await craRecordView(store, 'shop')).record.shipRequires, ['I.a', 'II.1', 'II.5']);
    await loadDatabase(store, false);
    await importDocument(store, release.id, { content: bom({ primary: true }), fileName: 'shop.cdx.json' });
    let blockers = await craShipBlockers(store, release);
    assert.equal(blockers.length, 2);
    assert.match(blockers[0]!, /^I\.a \(computed\) is not-met: .*CVE-2021-44906/);
    assert.match(blockers[1]!, /^II\.5 is not-assessed/);

    await setVexAnalysis(store, {
      product: 'shop',
      release: '1.0',
      component: 'pkg:npm/minimist',
      vulnerability: 'CVE-2021-44906',
      state: 'resolved',
      author: 'alice',
      now: '2026-12-04T08:20:00.000Z',
    });
    await setAnnexRequirement(store, 'shop', 'II.5', { status: 'met', evidence: ['https://shop.example/cvd'] }, 'bob');
    blockers = await craShipBlockers(store, release);
    assert.deepEqual(blockers, []);
  },

  async 'shipping a release: refused with the gate blockers, computed ones by their computed value; ships once they are settled'(
    store,
  ) {
    const product = await store.createProduct({
      name: 'kiosk',
      description: null,
      owner: null,
      categoryIds: [],
      outboundLicenses: ['MIT'],
    });
    const release = await store.createRelease({ productId: product.id, number: '2.0' });
    await recordValidationRun(store, release.id, 'release');
    await approveRelease(store, release.id, { actor: 'lea', reason: 'all six steps pass' });
    await updateCraRecord(store, 'kiosk', { shipRequires: ['II.1', 'I.b'] }, 'lea');
    await assert.rejects(
      shipRelease(store, release.id, { actor: 'pm' }),
      (err: Error & { details?: { blockers?: string[] } }) => {
        assert.match(err.message, /release 2\.0 does not pass the product's CRA release gate .*CRA Art\. 13\(12\)/);
        assert.deepEqual(
          err.details?.blockers?.map((b) => b.split(':')[0]),
          ['II.1 (computed) is not-met', 'I.b is not-assessed'],
        );
        assert.match(err.details!.blockers![0]!, /no SBOM has been imported into release 2\.0/);
        return true;
      },
    );
    assert.equal((await store.getRelease(release.id))?.shipStatus, 'in-development', 'nothing shipped');
    await setAnnexRequirement(
      store,
      'kiosk',
      'I.b',
      { status: 'not-applicable', note: 'no configuration at all' },
      'lea',
    );
    await updateCraRecord(store, 'kiosk', { shipRequires: ['I.b'] }, 'lea');
    const shipped = await shipRelease(store, release.id, { actor: 'pm' });
    assert.equal(shipped.release.shipStatus, 'published');
  },
};

runContract(targets(), { 'annex i computed': cases });
