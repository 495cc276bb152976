import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import {
  openReportingCase,
  reportingCaseView,
  updateReportingCase,
  listReportingCases,
  ServiceError,
} from '../../../src/services/index.js';
import { productWithRelease } from '../support/fixtures.js';

export const reportingCaseCases: Record<string, ContractCase> = {
  async 'a vulnerability case: stored in UTC, clocks from awareness and from the fix, forms name what is missing'(
    store,
  ) {
    await productWithRelease(store, 'Gateway');
    const opened = await openReportingCase(store, {
      product: 'Gateway',
      type: 'vulnerability',
      title: 'RCE in the update agent',
      vulnerabilityId: 'CVE-2026-12345',
      awareAt: '2026-10-31T11:17+01:00',
      memberStates: ['fr', 'DE', 'FR'],
      facts: { affectedVersions: '2.0.0 to 2.3.1' },
      createdBy: 'psirt',
    });
    assert.equal(opened.awareAt, '2026-10-31T10:17:00Z');
    assert.deepEqual(opened.memberStates, ['DE', 'FR']);
    assert.equal(opened.status, 'open');
    assert.deepEqual(await store.getReportingCase(opened.id), opened);

    let view = await reportingCaseView(store, opened.id, new Date('2026-11-01T05:00:00Z'));
    assert.deepEqual(
      view.deadlines.map((d) => [d.stage, d.state, d.msLeft]),
      [
        ['early-warning', 'due-soon', 5 * 3_600_000 + 17 * 60_000],
        ['notification', 'open', 53 * 3_600_000 + 17 * 60_000],
        ['final-report', 'pending', null],
      ],
    );
    const notification = view.forms.find((f) => f.stage === 'notification')!;
    assert.deepEqual(notification.missing, [
      'General nature of the exploit and of the vulnerability',
      'Corrective or mitigating measures taken',
      'Corrective or mitigating measures users can take',
      'How sensitive the notified information is',
    ]);
    assert.match(
      notification.text,
      /General information about the product concerned \[CRA Art\. 14\(2\)\(b\)\]:\nGateway, versions 2\.0\.0 to 2\.3\.1/,
    );
    assert.match(notification.text, /MISSING \(fact exploitNature\)/);
    assert.deepEqual(view.forms.find((f) => f.stage === 'early-warning')!.missing, []);

    const updated = await updateReportingCase(store, opened.id, {
      earlyWarningSubmittedAt: '2026-11-01T06:00Z',
      fixAvailableAt: '2026-12-20T09:00+01:00',
      facts: {
        exploitNature: 'Unauthenticated RCE via crafted update manifest',
        measuresTaken: 'Update server hardened',
        userMeasures: 'Install 2.3.2',
        sensitivity: 'TLP:AMBER',
        affectedVersions: '',
      },
    });
    assert.equal(updated.fixAvailableAt, '2026-12-20T08:00:00Z');
    assert.equal(updated.facts.affectedVersions, undefined);
    view = await reportingCaseView(store, opened.id, new Date('2026-11-04T00:00:00Z'));
    assert.deepEqual(
      view.deadlines.map((d) => [d.stage, d.state]),
      [
        ['early-warning', 'submitted'],
        ['notification', 'overdue'],
        ['final-report', 'open'],
      ],
    );
    assert.equal(view.deadlines[2]!.due, Date.parse('2027-01-03T08:00:00Z'));
    assert.deepEqual(view.forms.find((f) => f.stage === 'notification')!.missing, []);
    assert.deepEqual(view.forms.find((f) => f.stage === 'final-report')!.missing, [
      'Description of the vulnerability, including its severity and impact',
      'Details of the security update or other corrective measures',
    ]);

    const closed = await updateReportingCase(store, opened.id, { status: 'closed' });
    assert.equal(closed.status, 'closed');
    assert.deepEqual(
      (await listReportingCases(store, 'Gateway')).map((c) => [c.id, c.productName, c.status]),
      [[opened.id, 'Gateway', 'closed']],
    );
  },

  async 'an incident case: final report one month after the notification; bad input changes nothing'(store) {
    await productWithRelease(store, 'Meter');
    const c = await openReportingCase(store, {
      product: 'Meter',
      type: 'incident',
      title: 'Signing key stolen',
      awareAt: '2026-10-30T22:00Z',
    });
    await updateReportingCase(store, c.id, { notificationSubmittedAt: '2026-10-31T10:17Z' });
    const view = await reportingCaseView(store, c.id, new Date('2026-11-29T10:17:00Z'));
    assert.equal(view.deadlines[2]!.due, Date.parse('2026-11-30T10:17:00Z'));
    assert.equal(view.deadlines[2]!.legalLatest, Date.parse('2026-12-01T00:00:00Z'));
    assert.deepEqual(
      view.deadlines.map((d) => d.state),
      ['overdue', 'submitted', 'open'],
    );

    const before = await store.getReportingCase(c.id);
    const refused = async (changes: Parameters<typeof updateReportingCase>[2], message: RegExp) => {
      await assert.rejects(
        updateReportingCase(store, c.id, changes),
        (e: unknown) => e instanceof ServiceError && e.code === 'invalid-input' && message.test(e.message),
      );
    };
    await refused({ finalReportSubmittedAt: '2026-11-20T10:00' }, /no time-zone offset/);
    await refused({ fixAvailableAt: '2026-11-20T10:00Z' }, /vulnerability cases only/);
    await refused({ earlyWarningSubmittedAt: '2026-10-01T00:00Z' }, /before awareness/);
    await refused({ memberStates: ['DE', 'US'] }, /not EU Member State codes: US/);
    await refused({ facts: { colour: 'red' } }, /unknown fact "colour"/);
    await refused({ status: 'done' }, /status must be/);
    assert.deepEqual(await store.getReportingCase(c.id), before);
    await assert.rejects(
      openReportingCase(store, { product: 'Meter', type: 'outage', title: 'x', awareAt: '2026-10-30T22:00Z' }),
      /type must be/,
    );
    await assert.rejects(
      openReportingCase(store, { product: 'Nope', type: 'incident', title: 'x', awareAt: '2026-10-30T22:00Z' }),
      /product "Nope" not found/,
    );
    assert.equal(await store.updateReportingCase(999_999, { title: 'x' }), null);
  },

  async 'cases go with their product'(store) {
    await productWithRelease(store, 'Doomed');
    const c = await openReportingCase(store, {
      product: 'Doomed',
      type: 'incident',
      title: 'x',
      awareAt: '2026-10-30T22:00Z',
    });
    const product = await store.findProductByName('Doomed');
    assert.equal(await store.deleteProduct(product!.id), true);
    assert.equal(await store.getReportingCase(c.id), null);
  },
};
