import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ContractCase } from '../support/contract.js';
import type { FreshStore } from '../support/databases.js';
import {
  craRecordView,
  exportEvidence,
  openReportingCase,
  reportingCaseProposals,
  openStore,
  updateReportingCase,
  ServiceError,
  setAnnexRequirement,
  updateCraRecord,
  verifyEvidence,
} from '../../../src/services/index.js';
import { productWithRelease } from '../support/fixtures.js';
import type { VulnerabilityFinding } from '../../../src/vulns/match/finding.js';

const at = (iso: string) => new Date(iso);

/** Runs one SQL statement on the test database behind the store's back (a tamperer would). */
async function rawSql(fresh: FreshStore, statement: string): Promise<void> {
  if (fresh.options.sqlitePath) {
    const db = new Database(fresh.options.sqlitePath);
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: fresh.options.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${fresh.options.schema}`);
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const refused = (field: RegExp, message: RegExp) => (e: unknown) =>
  e instanceof ServiceError &&
  e.code === 'invalid-input' &&
  field.test(String(e.details?.field)) &&
  message.test(e.message);

export const craRecordCases: Record<string, ContractCase> = {
  async 'a CRA record: empty at first, changed field by field, assessed; each change is an evidence entry'(store) {
    await productWithRelease(store, 'Vault');
    let view = await craRecordView(store, 'Vault');
    assert.equal(view.updatedAt, null);
    assert.equal(view.requirements.length, 21);
    assert.deepEqual(view.assessment.progress, { done: 0, total: 1 });

    view = await updateCraRecord(
      store,
      'Vault',
      {
        roleAnswers: { marketsUnderOwnName: true, openSource: false },
        coreFunction: 'Password manager for teams',
        category: 'password-manager',
        route: 'module-a',
        support: { start: '2028-01-15', endMonth: '2032-12', factors: { expectedUseTime: 'customers renew yearly' } },
        cvd: { contacts: ['mailto:security@vault.example'], policyUrl: 'https://vault.example/cvd' },
      },
      'alice',
      at('2026-12-01T09:00:00Z'),
    );
    assert.equal(view.assessment.scope?.role, 'manufacturer');
    assert.equal(view.assessment.classification?.class, 'important-class-i');
    assert.match(view.assessment.routeProblem ?? '', /module-a is not allowed: class I/);
    assert.deepEqual(
      view.assessment.support.map((f) => f.code),
      ['shorter-than-five-years'],
    );
    assert.equal(view.assessment.retention?.documentation, '2038-01-15');
    const route = view.assessment.checklist.find((c) => c.id === 'route')!;
    assert.equal(route.done, false);

    view = await updateCraRecord(
      store,
      'Vault',
      { routeFacts: { standardsAppliedInFull: true }, support: { endMonth: '2033-01' } },
      'alice',
      at('2026-12-01T09:05:00Z'),
    );
    assert.equal(view.assessment.routeProblem, null);
    assert.deepEqual(view.assessment.support, []);
    assert.equal(view.record.support?.factors.expectedUseTime, 'customers renew yearly');

    const stored = await store.getCraRecord(view.product.id);
    assert.deepEqual(stored?.record, view.record);
    assert.equal(stored?.updatedBy, 'alice');

    const log = await store.listEvidence({ subject: 'product:Vault' });
    assert.deepEqual(
      log.map((e) => [e.seq, e.kind, e.actor]),
      [
        [1, 'cra-record.updated', 'alice'],
        [2, 'cra-record.updated', 'alice'],
      ],
    );
    assert.deepEqual((log[1]!.payload as { changed: string[] }).changed, ['routeFacts', 'support']);
    assert.equal(log[1]!.prevHash, log[0]!.hash);
  },

  async 'the Annex I matrix: met needs evidence, not applicable needs a reason; bad input writes nothing'(store) {
    await productWithRelease(store, 'Router');
    await assert.rejects(
      setAnnexRequirement(store, 'Router', 'I.g', { status: 'not-applicable' }, 'bob'),
      refused(/annexI\.I\.g/, /written reason/),
    );
    await assert.rejects(
      setAnnexRequirement(store, 'Router', 'II.5', { status: 'met' }, 'bob'),
      refused(/annexI\.II\.5/, /evidence/),
    );
    await assert.rejects(
      setAnnexRequirement(store, 'Router', 'I.z', { status: 'met' }, 'bob'),
      refused(/requirement/, /unknown Annex I requirement "I.z"/),
    );
    await assert.rejects(
      setAnnexRequirement(store, 'Router', 'I.b', { status: 'done' }, 'bob'),
      refused(/status/, /status must be one of/),
    );
    assert.equal(await store.getCraRecord((await store.findProductByName('Router'))!.id), null);
    assert.deepEqual(await store.listEvidence(), []);

    await setAnnexRequirement(
      store,
      'Router',
      'i.g',
      { status: 'not-applicable', note: 'The router stores no personal data' },
      'bob',
    );
    const view = await setAnnexRequirement(
      store,
      'Router',
      'II.5',
      { status: 'met', evidence: ['https://router.example/cvd', ' https://router.example/cvd '] },
      'bob',
    );
    const ii5 = view.requirements.find((r) => r.id === 'II.5')!;
    assert.deepEqual(
      [ii5.status, ii5.evidence, ii5.clause],
      ['met', ['https://router.example/cvd'], 'CRA Annex I Part II (5)'],
    );
    // I.a (release not scanned: not evaluated) and II.1 (no SBOM imported: not met, counted in progress) are computed.
    assert.deepEqual(view.assessment.matrix.byStatus, {
      'not-assessed': 18,
      'in-progress': 1,
      met: 1,
      'not-applicable': 1,
    });
    assert.equal(view.assessment.matrix.open.includes('I.g'), false);

    await assert.rejects(
      updateCraRecord(store, 'Router', { cvd: { contacts: ['security@router.example'] } }, 'bob'),
      refused(/cvd\.contacts\.0/, /write it as mailto:security@router.example/),
    );
    await assert.rejects(
      updateCraRecord(store, 'Router', { category: 'toaster' }, 'bob'),
      refused(/category/, /unknown product category "toaster"/),
    );
    await assert.rejects(
      updateCraRecord(store, 'Router', { support: { start: '2027-02-30', endMonth: '2032-13' } }, 'bob'),
      refused(/support\.start/, /not a date.*and 1 more: support\.endMonth/),
    );
    await assert.rejects(
      updateCraRecord(store, 'Router', { information: { colour: 'red' } }, 'bob'),
      refused(/information\.colour/, /unknown fact/),
    );
    await assert.rejects(
      updateCraRecord(store, 'Router', { coreFunction: 'x'.repeat(70_000) }, 'bob'),
      refused(/coreFunction/, /limit is 65536/),
    );
    await assert.rejects(updateCraRecord(store, 'Nope', { coreFunction: 'x' }, 'bob'), /product "Nope" not found/);
    assert.equal((await store.listEvidence()).length, 2);
  },

  async 'steward mode: the checklist is Art. 24 only'(store) {
    await productWithRelease(store, 'libfoo');
    const view = await updateCraRecord(
      store,
      'libfoo',
      {
        roleAnswers: { marketsUnderOwnName: false, openSource: true, monetised: false, sustainsForCommercialUse: true },
        steward: {
          policyElements: {
            secureDevelopment: 'https://foo.org/SECURITY.md#dev',
            remediation: 'https://foo.org/SECURITY.md#fix',
          },
          authorityContacts: ['mailto:security@foo.org'],
        },
        cvd: { contacts: ['https://foo.org/report'] },
      },
      'steward',
    );
    assert.equal(view.assessment.scope?.role, 'open-source-steward');
    assert.deepEqual(
      view.assessment.checklist.map((c) => [c.id, c.done]),
      [
        ['role', true],
        ['steward-policy', false],
        ['steward-contacts', true],
        ['cvd-contact', true],
      ],
    );
    assert.match(
      view.assessment.checklist[1]!.remaining!,
      /vulnerabilityHandling, voluntaryReporting, informationSharing/,
    );
  },

  async 'the evidence log: verify passes, then a tampered and a removed entry are named at the right place'(
    store,
    fresh,
  ) {
    await productWithRelease(store, 'Meter');
    for (const status of ['in-progress', 'in-progress', 'in-progress', 'in-progress'] as const) {
      await setAnnexRequirement(store, 'Meter', 'I.b', { status, note: `step at ${Math.random()}` }, 'carol');
    }
    const clean = await verifyEvidence(store);
    assert.deepEqual([clean.ok, clean.entries, clean.broken], [true, 4, null]);
    assert.equal(clean.head, (await store.listEvidence())[3]!.hash);

    await rawSql(fresh, `UPDATE evidence_log SET actor = 'mallory' WHERE seq = 3`);
    const tampered = await verifyEvidence(store);
    assert.equal(tampered.ok, false);
    assert.equal(tampered.broken?.seq, 3);
    assert.match(tampered.broken!.reason, /content no longer matches its hash/);
    await rawSql(fresh, `UPDATE evidence_log SET actor = 'carol' WHERE seq = 3`);
    assert.equal((await verifyEvidence(store)).ok, true);

    await rawSql(fresh, `DELETE FROM evidence_log WHERE seq = 2`);
    const removed = await verifyEvidence(store);
    assert.deepEqual(removed.broken, { seq: 3, reason: 'entry 2 is missing (found 3 in its place)' });

    const exported = await exportEvidence(store, 'product:Meter');
    assert.equal(exported.verdict.ok, false);
    assert.deepEqual(
      exported.entries.map((e) => e.seq),
      [1, 3, 4],
    );
  },

  async 'appends from two connections at once keep one unbroken chain'(store, fresh) {
    await productWithRelease(store, 'Busy');
    const other = await openStore(fresh.options);
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? store : other).appendEvidence({
            at: '2026-12-01T00:00:00.000Z',
            actor: `w${i}`,
            kind: 'test',
            subject: 'product:Busy',
            payload: { i },
          }),
        ),
      ).catch(async (e: unknown) => {
        // SQLite: a second connection may find the database busy; that is a refusal, never a fork.
        if (store.dialect !== 'sqlite') throw e;
      });
    } finally {
      await other.close();
    }
    const verdict = await verifyEvidence(store);
    assert.equal(verdict.ok, true, verdict.broken?.reason);
    assert.ok(verdict.entries >= 4);
  },

  async 'reporting cases opened and updated are evidence entries; a refused update adds none'(store) {
    await productWithRelease(store, 'Gateway');
    const opened = await openReportingCase(store, {
      product: 'Gateway',
      type: 'vulnerability',
      title: 'RCE',
      awareAt: '2026-10-31T10:17Z',
      createdBy: 'psirt',
    });
    await updateReportingCase(store, opened.id, { earlyWarningSubmittedAt: '2026-11-01T06:00Z', by: 'psirt' });
    await assert.rejects(
      updateReportingCase(store, opened.id, { memberStates: ['US'], by: 'psirt' }),
      /not EU Member State codes/,
    );
    const log = await store.listEvidence({ subject: 'product:Gateway' });
    assert.deepEqual(
      log.map((e) => [e.kind, e.actor]),
      [
        ['reporting-case.opened', 'psirt'],
        ['reporting-case.updated', 'psirt'],
      ],
    );
    assert.deepEqual((log[1]!.payload as { changed: string[]; earlyWarningSubmittedAt: string }).changed, [
      'earlyWarningSubmittedAt',
    ]);
    assert.equal(
      (log[1]!.payload as { earlyWarningSubmittedAt: string }).earlyWarningSubmittedAt,
      '2026-11-01T06:00:00Z',
    );
    assert.equal((await verifyEvidence(store)).ok, true);
  },

  async 'a KEV-listed finding in a published release proposes a case, until analysed not_affected or a case names it'(
    store,
  ) {
    const release = await productWithRelease(store, 'Portal', '3.0.0');
    const kev = { dateAdded: '2026-10-01', dueDate: '2026-10-22', knownRansomwareCampaignUse: false };
    const finding = (id: string, aliases: string[], name: string, withKev: boolean): VulnerabilityFinding => ({
      vulnerability: {
        id,
        aliases,
        severity: {
          rating: 'critical',
          score: 9.8,
          vector: null,
        } as unknown as VulnerabilityFinding['vulnerability']['severity'],
        kev: withKev ? kev : null,
        epss: null,
        fixed: ['9.9.9'],
      },
      component: { purl: `pkg:npm/${name}@1.0.0`, name, version: '1.0.0', ref: 'r' },
      match: {
        record: id,
        modified: '2026-01-01T00:00:00Z',
        ecosystem: 'npm',
        package: name,
        affectedIndex: 0,
        via: 'range',
        version: '1.0.0',
        path: [],
        alsoMatchedBy: [],
      },
      analysis: null,
    });
    const summary = {
      components: 2,
      checked: 2,
      unchecked: 0,
      uncheckedReasons: {},
      findings: 2,
      byRating: { critical: 2, high: 0, medium: 0, low: 0, none: 0, unknown: 0 },
      kev: 1,
      skippedRanges: {},
      database: { records: 2, withdrawn: 0, superseded: 0 },
    };
    await store.replaceReleaseFindings(
      {
        releaseId: release.id,
        scannedAt: '2026-12-04T06:00:00.000Z',
        reason: 'import',
        fingerprint: 'f',
        summary,
        unchecked: [],
      },
      [
        {
          versionId: 1,
          component: 'pkg:npm/exploited',
          finding: finding('CVE-2026-1111', ['GHSA-kev1-kev1-kev1'], 'exploited', true),
        },
        { versionId: 2, component: 'pkg:npm/quiet', finding: finding('CVE-2026-2222', [], 'quiet', false) },
      ],
    );
    assert.deepEqual(await reportingCaseProposals(store), [], 'an in-development release proposes nothing');
    await store.updateRelease(release.id, { shipStatus: 'published' });
    const proposals = await reportingCaseProposals(store);
    assert.deepEqual(
      proposals.map((p) => [p.product, p.release, p.vulnerability, p.component, p.analysis]),
      [['Portal', '3.0.0', 'CVE-2026-1111', 'pkg:npm/exploited@1.0.0', null]],
    );
    assert.match(proposals[0]!.reason, /in the CISA KEV catalogue since 2026-10-01 .*\(CRA Art\. 14\(1\)\)$/);

    await openReportingCase(store, {
      product: 'Portal',
      type: 'vulnerability',
      title: 'exploited',
      vulnerabilityId: 'ghsa-kev1-kev1-kev1',
      awareAt: '2026-12-04T06:00Z',
    });
    assert.deepEqual(await reportingCaseProposals(store), [], 'a case naming any alias settles it');
  },

  async 'a product deleted: its record goes, the evidence log stays whole'(store) {
    await productWithRelease(store, 'Gone');
    const view = await updateCraRecord(store, 'Gone', { coreFunction: 'a toaster' }, 'dan');
    assert.equal(await store.deleteProduct(view.product.id), true);
    assert.equal(await store.getCraRecord(view.product.id), null);
    const verdict = await verifyEvidence(store);
    assert.deepEqual([verdict.ok, verdict.entries], [true, 1]);
  },
};
