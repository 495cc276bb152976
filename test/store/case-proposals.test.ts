// Issue 12 item 4 on both dialects: a KEV-listed or EUVD-exploited vulnerability that matches a
// published release with no not_affected analysis proposes an Art. 14 case (per product on request);
// "Open case" turns the proposal into a case with the awareness time given, after which the proposal
// is gone and a second open is refused naming the case.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets } from './support/databases.js';
import { runContract, type ContractCase } from './support/contract.js';
import type { Store } from '../../src/store/index.js';
import {
  importDocument,
  importVulnDatabase,
  openCaseFromProposal,
  reportingCaseProposals,
  setVexAnalysis,
} from '../../src/services/index.js';

const bom = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', name: 'shop', version: '1.0', 'bom-ref': 'shop' } },
  components: [
    { type: 'library', 'bom-ref': 'm', name: 'minimist', version: '1.2.5', purl: 'pkg:npm/minimist@1.2.5' },
    { type: 'library', 'bom-ref': 'y', name: 'pyyaml', version: '5.3', purl: 'pkg:pypi/PyYAML@5.3' },
  ],
  dependencies: [{ ref: 'shop', dependsOn: ['m', 'y'] }],
});

async function load(store: Store, files: Record<string, unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-proposals-'));
  try {
    const paths = Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(content));
      return path;
    });
    await importVulnDatabase(store, paths, { now: '2026-12-04T08:00:00.000Z' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const osv = [
  {
    schema_version: '1.6.0',
    id: 'GHSA-xvch-5gv4-984h',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2021-44906'],
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
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'pyyaml' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.4' }] }],
      },
    ],
  },
];
const kev = {
  catalogVersion: '2026.12.01',
  dateReleased: '2026-12-01T00:00:00Z',
  vulnerabilities: [
    { cveID: 'CVE-2021-44906', dateAdded: '2026-11-30', dueDate: '2026-12-21', knownRansomwareCampaignUse: 'Unknown' },
  ],
};
const euvd = [
  {
    id: 'EUVD-2020-1234',
    aliases: 'CVE-2020-14343',
    exploitedSince: 'Nov 2, 2026, 10:00:00 AM',
    dateUpdated: '2026-11-02T10:00:00Z',
  },
];

const cases: Record<string, ContractCase> = {
  async 'KEV and EUVD-exploited matches in a published release are proposed; opening one makes a case and the proposal goes'(
    store,
  ) {
    const product = await store.createProduct({
      name: 'shop',
      description: null,
      owner: null,
      categoryIds: [],
      outboundLicenses: [],
    });
    const other = await store.createProduct({
      name: 'other',
      description: null,
      owner: null,
      categoryIds: [],
      outboundLicenses: [],
    });
    const release = await store.createRelease({ productId: product.id, number: '1.0' });
    const otherRelease = await store.createRelease({ productId: other.id, number: '9.0' });
    await load(store, { 'osv.json': osv, 'kev.json': kev, 'euvd.json': euvd });
    for (const r of [release, otherRelease]) await importDocument(store, r.id, { content: bom, fileName: 'bom.json' });
    assert.deepEqual(await reportingCaseProposals(store), [], 'releases in development propose nothing');

    for (const r of [release, otherRelease]) await store.updateRelease(r.id, { shipStatus: 'published' });
    const all = await reportingCaseProposals(store);
    assert.deepEqual(
      all.map((p) => [p.product, p.vulnerability, p.kev !== null, p.euvdExploited]),
      [
        ['other', 'CVE-2020-14343', false, 'EUVD-2020-1234'],
        ['other', 'CVE-2021-44906', true, null],
        ['shop', 'CVE-2020-14343', false, 'EUVD-2020-1234'],
        ['shop', 'CVE-2021-44906', true, null],
      ],
    );
    assert.match(all[0]!.reason, /is marked exploited in the EUVD \(EUVD-2020-1234\)/);
    const mine = await reportingCaseProposals(store, { productId: product.id });
    assert.deepEqual(
      mine.map((p) => [p.product, p.release, p.vulnerability]),
      [
        ['shop', '1.0', 'CVE-2020-14343'],
        ['shop', '1.0', 'CVE-2021-44906'],
      ],
    );
    assert.equal(typeof mine[1]!.findingId, 'number');

    await setVexAnalysis(store, {
      product: 'shop',
      release: '1.0',
      component: 'pkg:pypi/pyyaml',
      vulnerability: 'CVE-2020-14343',
      state: 'not_affected',
      justification: 'code_not_reachable',
      author: 'alice',
      now: '2026-12-04T08:10:00.000Z',
    });
    assert.deepEqual(
      (await reportingCaseProposals(store, { productId: product.id })).map((p) => p.vulnerability),
      ['CVE-2021-44906'],
      'not_affected withdraws the proposal',
    );

    const awareAt = new Date('2026-12-04T09:15:00Z');
    const opened = await openCaseFromProposal(store, {
      productId: product.id,
      release: '1.0',
      vulnerability: 'ghsa-xvch-5gv4-984h',
      actor: 'Olivia Officer',
      awareAt,
    });
    assert.equal(opened.vulnerabilityId, 'CVE-2021-44906');
    assert.equal(opened.awareAt, '2026-12-04T09:15:00Z');
    assert.equal(opened.type, 'vulnerability');
    assert.equal(opened.createdBy, 'Olivia Officer');
    assert.match(opened.title, /^CVE-2021-44906 exploited in pkg:npm\/minimist@1\.2\.5$/);
    assert.equal(opened.facts.affectedVersions, 'shop 1.0 (pkg:npm/minimist@1.2.5)');
    assert.deepEqual(await reportingCaseProposals(store, { productId: product.id }), []);
    assert.equal((await reportingCaseProposals(store)).length, 2, 'the other product keeps its proposals');
    const log = await store.listEvidence({ subject: 'product:shop' });
    assert.deepEqual(
      log.map((e) => [e.kind, e.actor]),
      [['reporting-case.opened', 'Olivia Officer']],
    );

    await assert.rejects(
      openCaseFromProposal(store, {
        productId: product.id,
        release: '1.0',
        vulnerability: 'CVE-2021-44906',
        actor: 'x',
        awareAt,
      }),
      new RegExp(`case #${opened.id} already names CVE-2021-44906 for shop`),
    );
    await assert.rejects(
      openCaseFromProposal(store, {
        productId: product.id,
        release: '1.0',
        vulnerability: 'CVE-2020-14343',
        actor: 'x',
        awareAt,
      }),
      /no current case proposal for CVE-2020-14343 in shop 1\.0/,
    );
    assert.equal((await store.listReportingCases(product.id)).length, 1, 'nothing half-written');
  },
};

runContract(targets(), { 'case proposals': cases });
