// Classification from the core function (Annexes III/IV), Art. 32 routes, support period and retention.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PRODUCT_CATEGORIES,
  checkSupportPeriod,
  classify,
  decideRole,
  conformityRoutes,
  documentationRetention,
  securityUpdateRetention,
  suggestCategories,
} from './index.js';

test("classification table: the issue's three products and a default one", () => {
  const table: Array<[string, string, string]> = [
    ['a password manager for teams', 'important-class-i', 'CRA Annex III Class I (3)'],
    ['OCI container runtime', 'important-class-ii', 'CRA Annex III Class II (1)'],
    ['smart meter gateway for the electricity grid', 'critical', 'CRA Annex IV (2)'],
    ['open-source web browser', 'important-class-i', 'CRA Annex III Class I (2)'],
    ['tamper-resistant microcontroller', 'important-class-ii', 'CRA Annex III Class II (4)'],
  ];
  for (const [coreFunction, cls, clause] of table) {
    const [best] = suggestCategories(coreFunction);
    assert.ok(best, coreFunction);
    const result = classify(best.id);
    assert.deepEqual([result.class, result.category?.clause], [cls, clause], coreFunction);
  }
  assert.deepEqual(suggestCategories('photo editing application'), []);
  assert.equal(classify(null).class, 'default');
  assert.throws(() => classify('toaster'), /unknown product category/);
});

test('the category data covers Annex III (19 + 4) and Annex IV (3) with unique ids', () => {
  const count = (cls: string) => PRODUCT_CATEGORIES.filter((c) => c.class === cls).length;
  assert.deepEqual([count('important-class-i'), count('important-class-ii'), count('critical')], [19, 4, 3]);
  assert.equal(new Set(PRODUCT_CATEGORIES.map((c) => c.id)).size, PRODUCT_CATEGORIES.length);
});

test('Art. 32 routes: module A by class, and the open-source route of Art. 32(5)', () => {
  const moduleA = (...args: Parameters<typeof conformityRoutes>) =>
    conformityRoutes(...args).find((r) => r.route === 'module-a')!;
  assert.equal(moduleA('default').allowed, true);
  assert.equal(moduleA('important-class-i').allowed, false);
  assert.equal(moduleA('important-class-i', { standardsAppliedInFull: true }).allowed, true);
  // An open-source class II product may use module A only with a public technical documentation.
  const hidden = moduleA('important-class-ii', { openSource: true, technicalDocumentationPublic: false });
  assert.deepEqual([hidden.allowed, hidden.clause], [false, 'CRA Art. 32(3)']);
  assert.match(hidden.reason, /public technical documentation/);
  const published = moduleA('important-class-ii', { openSource: true, technicalDocumentationPublic: true });
  assert.deepEqual([published.allowed, published.clause], [true, 'CRA Art. 32(5)']);
  assert.equal(moduleA('important-class-ii', { standardsAppliedInFull: true }).allowed, false);
  assert.equal(moduleA('critical').allowed, false);
  const critical = conformityRoutes('critical', { certificationRequiredByDelegatedAct: true });
  assert.deepEqual(
    critical.filter((r) => r.allowed).map((r) => r.route),
    ['eu-certification'],
  );
  assert.deepEqual(
    conformityRoutes('important-class-ii')
      .filter((r) => r.allowed)
      .map((r) => r.route),
    ['module-b-c', 'module-h', 'eu-certification'],
  );
});

test('support period: shorter than five years without justification, core component ending first', () => {
  const codes = (input: Parameters<typeof checkSupportPeriod>[0]) =>
    checkSupportPeriod(input).map((f) => `${f.severity}:${f.code}`);
  assert.deepEqual(codes({ start: '2028-01-15', endMonth: '2032-12', factors: { expectedUseTime: '5 years' } }), [
    'warning:shorter-than-five-years',
  ]);
  assert.deepEqual(
    codes({
      start: '2028-01-15',
      endMonth: '2032-12',
      factors: { expectedUseTime: '3 years' },
      shortExpectedUse: 'a trade-fair kiosk used for one season',
    }),
    [],
  );
  assert.deepEqual(codes({ start: '2028-01-15', endMonth: '2033-01', factors: { expectedUseTime: '5 years' } }), []);
  assert.deepEqual(
    codes({
      start: '2028-01-15',
      endMonth: '2033-12',
      factors: { operatingEnvironment: 'Linux LTS' },
      coreComponents: [
        { name: 'kernel 6.12', endOfSupport: '2030-12' },
        { name: 'openssl', endOfSupport: '2035-01' },
      ],
    }),
    ['warning:core-component-ends-first'],
  );
  assert.deepEqual(codes({ start: '2028-01-15', endMonth: '2034-01', factors: {} }), ['warning:factors-missing']);
  assert.deepEqual(codes({ start: '2028-02-30', endMonth: '2034-13', factors: {} }), [
    'error:invalid-date',
    'error:invalid-date',
  ]);
  assert.deepEqual(codes({ start: '2028-01-15', endMonth: '2027-12', factors: {} }), ['error:end-before-start']);
});

test('retention: ten years after issue or the end of support, whichever is later', () => {
  assert.equal(securityUpdateRetention('2030-06-01', '2034-12'), '2040-06-01');
  assert.equal(securityUpdateRetention('2030-06-01', '2041-03'), '2041-03-31');
  assert.equal(securityUpdateRetention('2028-02-29', '2030-01'), '2038-02-28');
  assert.equal(documentationRetention('2028-01-15', '2039-06'), '2039-06-30');
  assert.throws(() => securityUpdateRetention('soon', '2030-01'), /YYYY-MM-DD/);
});

test("operator role: the reference note's scope examples, each with its reasons", () => {
  const d1 = decideRole({ marketsUnderOwnName: false, openSource: true, monetised: false });
  assert.deepEqual([d1.role, d1.inScope, d1.duties], ['non-commercial-open-source', false, []]);
  const d2 = decideRole({ marketsUnderOwnName: true, openSource: true, monetised: true });
  assert.deepEqual([d2.role, d2.inScope], ['manufacturer', true]);
  assert.match(d2.reasons[0]!, /monetised/);
  const d3 = decideRole({ marketsUnderOwnName: true, legacyUnmodified: true });
  assert.deepEqual(d3.duties, ['Art. 14 reporting']);
  assert.equal(
    decideRole({ marketsUnderOwnName: false, openSource: true, monetised: false, sustainsForCommercialUse: true }).role,
    'open-source-steward',
  );
  assert.equal(decideRole({ marketsUnderOwnName: false, importsFromOutsideUnion: true }).role, 'importer');
  assert.equal(decideRole({ marketsUnderOwnName: false, makesAvailableUnchanged: true }).role, 'distributor');
});
