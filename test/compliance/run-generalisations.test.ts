// A stored run keeps a blocker's generalisations as the name of the recipe that makes them (ADR 42).
// What a reader gets back must be the engine's report exactly — same values, same key order — on
// real releases, and a report with its lists written out must be stored and read as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  snapshotFromSbom,
  validateRelease,
  placesOf,
  curationGeneralisationsOf,
  usageGeneralisationsOf,
  type ReleaseValidation,
  type ReleaseSnapshot,
} from '../../src/compliance/index.js';
import { joinReport, reportOfParts, splitReport } from '../../src/services/run-report.js';
import type { Category } from '../../src/model/portfolio.js';
import { DROPWIZARD, corpusSbom, policy } from './fixtures.js';
import { needsCorpora } from '../support/corpora.js';
import { libraryComponent } from '../support/components.js';
import { emptySbom } from '../../src/model/sbom.js';
import { licenseFromExpression } from '../../src/model/license-statement.js';

const POLICY = policy({ always: ['Apache-2.0', 'MIT'], context: ['EPL-1.0', 'MPL-2.0'], never: ['GPL-2.0-only'] });

const CATEGORIES: Category[] = [
  { id: 4, name: 'Embedded "devices"', outboundLicenses: [] } as unknown as Category,
  { id: 9, name: 'Cloud', outboundLicenses: [] } as unknown as Category,
];

/** Through the store's path: split, each part to JSON text and back, joined. */
function roundTrip(report: ReleaseValidation, snapshot: ReleaseSnapshot) {
  const { summary, details } = splitReport(report, placesOf(snapshot));
  const detailsText = JSON.stringify(details);
  const joined = joinReport(JSON.parse(JSON.stringify(summary)), () => JSON.parse(detailsText));
  return { joined, detailsText };
}

for (const [name, path, categories] of [
  ['dropwizard, no category', DROPWIZARD, []],
  ['dropwizard, two categories', DROPWIZARD, CATEGORIES],
  ['keycloak, one category', 'sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json', CATEGORIES.slice(0, 1)],
] as const) {
  test(
    `stored run of ${name}: named in the details, read back as the engine's lists, text for text`,
    needsCorpora,
    () => {
      const snapshot = snapshotFromSbom(corpusSbom(path), {
        exploitation: 'distribution',
        policy: POLICY,
        categories: [...categories],
        productName: 'Fleet <manager> & "co"',
      });
      const built = validateRelease(snapshot);
      const lists = built.steps.flatMap((s) => s.blockers).filter((b) => b.fix.generalisations.length > 0);
      assert.ok(lists.length > 10, 'the release has blockers with generalisations');
      const { joined, detailsText } = roundTrip(validateRelease(snapshot, { namedGeneralisations: true }), snapshot);
      assert.equal(JSON.stringify(joined), JSON.stringify(built));
      assert.deepEqual(joined, built);
      // Every list here comes from a recipe, so none is written out in the details.
      assert.equal(detailsText.includes('"generalisations":[{'), false);
      const full = JSON.stringify({ blockers: built.steps.map((s) => s.blockers), usages: built.usages });
      assert.ok(detailsText.length < full.length * 0.8, `details ${detailsText.length} vs ${full.length} chars`);
    },
  );
}

test('a report with its lists written out, any lists, is stored and read back as it is', needsCorpora, () => {
  const snapshot = snapshotFromSbom(corpusSbom(DROPWIZARD), { exploitation: 'distribution', policy: POLICY });
  const report = validateRelease(snapshot);
  const blockers = report.steps.flatMap((s) => s.blockers).filter((b) => b.fix.generalisations.length > 0);
  assert.ok(blockers.length >= 2);
  const [a, b] = blockers as [(typeof blockers)[0], (typeof blockers)[0]];
  a.fix.generalisations = [...a.fix.generalisations, { level: 'extra', scope: {}, description: 'one more' }];
  b.fix.generalisations = [];
  const { joined, detailsText } = roundTrip(report, snapshot);
  assert.equal(JSON.stringify(joined), JSON.stringify(report));
  assert.deepEqual(joined, report);
  assert.equal(detailsText.split('"generalisations":[{').length - 1, blockers.length - 1);
});

test('details stored before ADR 42 (lists written out, no places) read back unchanged', needsCorpora, () => {
  const snapshot = snapshotFromSbom(corpusSbom(DROPWIZARD), { exploitation: 'distribution', policy: POLICY });
  const report = validateRelease(snapshot);
  const { summary } = splitReport(report, placesOf(snapshot));
  const before = JSON.stringify({ blockers: report.steps.map((s) => s.blockers), usages: report.usages });
  const joined = joinReport(JSON.parse(JSON.stringify(summary)), () => JSON.parse(before));
  assert.equal(JSON.stringify(joined), JSON.stringify(report));
});

test(
  'named mode: the engine names recipes instead of building lists, and the stored run reads back as the lists the engine builds',
  needsCorpora,
  () => {
    for (const categories of [[], CATEGORIES]) {
      const snapshot = snapshotFromSbom(corpusSbom(DROPWIZARD), {
        exploitation: 'distribution',
        policy: POLICY,
        categories: [...categories],
      });
      const built = validateRelease(snapshot);
      const named = validateRelease(snapshot, { namedGeneralisations: true });
      const names = new Set(named.steps.flatMap((s) => s.blockers).map((b) => String(b.fix.generalisations)));
      assert.ok(names.has('usage') && names.has('curation'), [...names].join(', '));
      const parts = splitReport(named, placesOf(snapshot));
      // What the caller that stored the run reads, and what a later reader of the stored text reads.
      assert.equal(JSON.stringify(reportOfParts(parts)), JSON.stringify(built));
      const again = joinReport(JSON.parse(JSON.stringify(parts.summary)), () =>
        JSON.parse(JSON.stringify(parts.details)),
      );
      assert.equal(JSON.stringify(again), JSON.stringify(built));
      assert.deepEqual(again, built);
    }
  },
);

test('the recipes are part of the stored format (ADR 42): their output is pinned here', () => {
  // Stored runs keep only a recipe's name and are read back through these functions. A change to
  // what they build changes every run stored before it: give the new lists a new recipe name instead.
  const places = { releaseId: 3, productId: 2, productName: 'Shop', categories: [{ id: 5, name: 'Cloud' }] };
  assert.deepEqual(curationGeneralisationsOf('pkg:npm/a', '1.0.0', 'a@1.0.0'), [
    { level: 'version', scope: { component: 'pkg:npm/a', version: '1.0.0' }, description: 'only a@1.0.0' },
    { level: 'component', scope: { component: 'pkg:npm/a' }, description: 'all versions of pkg:npm/a' },
    { level: 'everything', scope: {}, description: 'every component where the same string is found' },
  ]);
  assert.deepEqual(usageGeneralisationsOf('pkg:npm/a', '1.0.0', 'a@1.0.0', places), [
    {
      level: 'release-version',
      scope: { releaseId: 3, component: 'pkg:npm/a', version: '1.0.0' },
      description: 'a@1.0.0 in this release only',
    },
    {
      level: 'release',
      scope: { releaseId: 3, component: 'pkg:npm/a' },
      description: 'any version of pkg:npm/a in this release',
    },
    {
      level: 'product',
      scope: { productId: 2, component: 'pkg:npm/a' },
      description: 'pkg:npm/a in every release of Shop',
    },
    {
      level: 'category',
      scope: { categoryId: 5, component: 'pkg:npm/a' },
      description: 'pkg:npm/a in every product of category Cloud',
    },
    { level: 'all-products', scope: { component: 'pkg:npm/a' }, description: 'pkg:npm/a in every product' },
    { level: 'all', scope: {}, description: 'every component in every product' },
  ]);
});

test('blockers of one licence or expression named by recipe: as listed, and each reader owns its fix', () => {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  for (let i = 0; i < 6; i++)
    sbom.components.push(
      libraryComponent(`c${i}`, {
        name: `c${i}`,
        version: '1.0.0',
        purl: `pkg:npm/c${i}@1.0.0`,
        licenses: { declared: licenseFromExpression(i % 2 === 0 ? 'Zlib' : 'MIT OR Zlib') },
      }),
    );
  const snapshot = snapshotFromSbom(sbom, { exploitation: 'distribution' });
  const named = validateRelease(snapshot, { namedGeneralisations: true });
  const blockers = named.steps.flatMap((s) => s.blockers);
  assert.ok(blockers.filter((b) => b.kind === 'not-reviewed').length >= 3, 'unreviewed licence blockers');
  assert.ok(blockers.filter((b) => b.kind === 'unresolved-choice').length >= 3, 'choice blockers');
  const parts = splitReport(named, placesOf(snapshot));
  const listed = validateRelease(snapshot);
  assert.deepEqual(reportOfParts(parts), listed);
  // A reader changing a fix it was given changes no other blocker's, and the next run is untouched.
  const read = reportOfParts(parts).steps.flatMap((s) => s.blockers);
  for (const b of read) {
    b.fix.suggestions.push('changed');
    b.fix.suggestions.sort();
  }
  const again = reportOfParts(
    splitReport(validateRelease(snapshot, { namedGeneralisations: true }), placesOf(snapshot)),
  );
  assert.deepEqual(again, listed);
  for (const b of listed.steps.flatMap((s) => s.blockers)) b.fix.suggestions.sort();
  assert.deepEqual(validateRelease(snapshot), validateRelease(snapshot));
});
