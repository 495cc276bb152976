// Decision matching on a real SBOM (cern-lhc-vdm-editor: 43 npm components, MIT/ISC/Apache-2.0/BSD-2-Clause).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  releaseObligations,
  snapshotFromSbom,
  validateRelease,
  type ReleaseSnapshot,
} from '../../src/compliance/index.js';
import { CERN, choice, corpusSbom, curation, derogation, policy } from './fixtures.js';
import { needsCorpora } from '../support/corpora.js';
import { undeclaredUse } from '../../src/model/use-declaration.js';

const PERMISSIVE = policy({ always: ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause'] });

function cern(extra: Partial<Parameters<typeof snapshotFromSbom>[1]> = {}): ReleaseSnapshot {
  return snapshotFromSbom(corpusSbom(CERN), {
    exploitation: 'distribution',
    outboundLicenses: ['MIT'],
    policy: PERMISSIVE,
    ...extra,
  });
}

const byName = (s: ReleaseSnapshot, name: string) => s.usages.find((u) => u.component.name === name)!;

test('the cern SBOM validates to step 6 with a permissive policy (control)', needsCorpora, () => {
  const s = cern();
  assert.equal(s.usages.length, 43);
  assert.equal(validateRelease(s).validationStep, 6);
});

test(
  'curations: version-level beats component-level beats global; same level, different answers, blocks',
  needsCorpora,
  () => {
    const s = cern();
    const target = s.usages.find((u) => u.version.declaredLicense === 'ISC')!;
    const key = target.component.purl!;
    const effective = () => validateRelease(s).usages.find((u) => u.usageId === target.usage.id)!.effective;
    s.decisions.push(curation('ISC', 'BSD-2-Clause'));
    assert.equal(effective(), 'BSD-2-Clause', 'global curation of the string');
    s.decisions.push(curation(null, 'Apache-2.0', { component: key }));
    assert.equal(effective(), 'Apache-2.0', 'component level beats global');
    s.decisions.push(curation(null, 'MIT', { component: key, version: target.version.number }));
    assert.equal(effective(), 'MIT', 'version level beats component level');
    // A second version-level curation with another answer: conflict, named in the blocker, nothing applied.
    const rival = curation(null, 'ISC', { component: key, version: target.version.number });
    s.decisions.push(rival);
    const v = validateRelease(s);
    const blockers = v.steps[0].blockers;
    assert.equal(blockers.length, 1);
    assert.equal(blockers[0].kind, 'conflicting-decisions');
    assert.deepEqual(blockers[0].usageIds, [target.usage.id]);
    assert.equal(blockers[0].decisions.length, 2);
    assert.ok(blockers[0].decisions.includes(rival.id));
    assert.match(blockers[0].message, new RegExp(`#${rival.id}`));
    assert.equal(v.validationStep, 0);
  },
);

test(
  'licence choices: conflicting answers at the same specificity block; a more specific one decides',
  needsCorpora,
  () => {
    const s = cern();
    const u = byName(s, s.usages[0].component.name);
    s.decisions.push(curation(null, 'MIT OR Apache-2.0', { component: u.component.purl! }));
    let v = validateRelease(s);
    assert.equal(v.validationStep, 3);
    assert.equal(v.steps[3].blockers[0].kind, 'unresolved-choice');
    assert.deepEqual(v.steps[3].blockers[0].fix.suggestions.sort(), ['Apache-2.0', 'MIT']);
    const a = choice('MIT OR Apache-2.0', 'MIT', { productId: 1 });
    const b = choice('Apache-2.0 OR MIT', 'Apache-2.0', { releaseId: 1 });
    s.decisions.push(a, b);
    v = validateRelease(s);
    assert.equal(v.validationStep, 3);
    const conflict = v.steps[3].blockers[0];
    assert.equal(conflict.kind, 'conflicting-decisions');
    assert.deepEqual(conflict.decisions.sort(), [a.id, b.id].sort());
    assert.match(conflict.message, new RegExp(`#${a.id}.*#${b.id}`));
    // Same answer at the same level is no conflict; a more specific decision wins outright.
    s.decisions.push(choice('MIT OR Apache-2.0', 'Apache-2.0', { releaseId: 1, component: u.component.purl! }));
    v = validateRelease(s);
    assert.equal(v.validationStep, 6);
    assert.equal(v.usages.find((x) => x.usageId === u.usage.id)!.effective, 'Apache-2.0');
  },
);

test(
  'step 5 reports never, context, out-of-FOSS-policy and unreviewed apart; out of FOSS policy blocks',
  needsCorpora,
  () => {
    const s = cern({
      policy: policy({ always: ['MIT', 'Apache-2.0'], never: ['ISC'], context: ['BSD-2-Clause'] }),
    });
    const unreviewed = byName(s, s.usages.find((u) => u.version.declaredLicense === 'MIT')!.component.name);
    s.decisions.push(curation(null, 'CC-BY-NC-4.0', { component: unreviewed.component.purl! }));
    const curated = s.usages.filter((u) => u.component.purl === unreviewed.component.purl).length;
    const isc = s.usages.filter((u) => u.version.declaredLicense === 'ISC').length;
    const bsd = s.usages.filter((u) => u.version.declaredLicense === 'BSD-2-Clause').length;
    let step5 = validateRelease(s).steps[4];
    const kinds = (k: string) => step5.blockers.filter((b) => b.kind === k).length;
    assert.equal(kinds('never-allowed'), isc);
    assert.equal(kinds('context-allowed-uncovered'), bsd);
    assert.equal(kinds('not-reviewed'), curated);
    assert.equal(kinds('out-of-foss-policy'), 0);

    // The same licence ruled out of the FOSS policy: a blocker of its own kind, and the step fails.
    // (The release declares itself non-commercial, so that only the policy speaks about the NC licence.)
    s.useDeclaration = { ...undeclaredUse(), commercial: false };
    s.policy.entries.push({
      license: 'CC-BY-NC-4.0',
      allowed: 'out-of-foss-policy',
      reviewStatus: 'checked',
      comment: 'non-commercial',
      categories: [],
    });
    s.policy.entries = s.policy.entries.filter((p) => p.license !== 'ISC' && p.license !== 'BSD-2-Clause');
    s.policy.entries.push(
      { license: 'ISC', allowed: 'always', reviewStatus: 'checked', comment: null, categories: [] },
      { license: 'BSD-2-Clause', allowed: 'always', reviewStatus: 'checked', comment: null, categories: [] },
    );
    let v = validateRelease(s);
    step5 = v.steps[4];
    assert.equal(step5.passed, false);
    assert.deepEqual(
      step5.blockers.map((b) => [b.kind, b.license, b.fix.action]),
      Array(curated).fill(['out-of-foss-policy', 'CC-BY-NC-4.0', 'add-derogation']),
    );
    assert.match(step5.blockers[0].message, /non-commercial/);
    assert.equal(v.validationStep, 4);
    // An authorised context for another linking does not cover it; one for this usage does.
    s.decisions.push(derogation('CC-BY-NC-4.0', { component: unreviewed.component.purl! }, 'static'));
    const uncovered = validateRelease(s).steps[4].blockers;
    assert.equal(uncovered.length, curated);
    // The blocker says why the existing decision does not cover this usage (issue 8 item 3).
    assert.match(
      uncovered.find((b) => b.componentKey === unreviewed.component.purl)!.message,
      /covers static linking, and this usage's linking is not recorded/,
    );
    const usage = s.usages.find((u) => u.component.purl === unreviewed.component.purl)!.usage;
    usage.linking = 'dynamic';
    assert.match(
      validateRelease(s).steps[4].blockers.find((b) => b.componentKey === unreviewed.component.purl)!.message,
      /covers static linking, not dynamic/,
    );
    usage.linking = null;
    s.decisions.push(
      derogation('CC-BY-NC-4.0', { component: unreviewed.component.purl!, exploitation: 'distribution' }),
    );
    v = validateRelease(s);
    assert.equal(v.steps[4].passed, true);
  },
);

test('exploitation rules: the most specific wins, equal-rank disagreement blocks with both rules', needsCorpora, () => {
  const sbom = corpusSbom(CERN);
  sbom.components[0].dependencyScope = 'dev';
  const s = snapshotFromSbom(sbom, {
    policy: PERMISSIVE,
    exploitationRules: [
      { scope: 'dev', project: null, exploitation: 'internal' },
      { scope: null, project: null, exploitation: 'distribution' },
    ],
  });
  let v = validateRelease(s);
  assert.equal(v.steps[2].passed, true);
  assert.equal(
    v.usages.find((u) => u.usageId === s.usages.find((x) => x.usage.scope === 'dev')!.usage.id)!.exploitation,
    'internal',
  );
  // A project-only rule: more specific than the catch-all for the '' scope, as specific as the dev
  // rule for the dev usage — where the two disagree.
  s.exploitationRules.push({ id: 9, releaseId: 1, scope: null, project: '', exploitation: 'network' });
  v = validateRelease(s);
  assert.equal(v.steps[2].blockers.length, 1);
  const blocker = v.steps[2].blockers[0];
  assert.equal(blocker.kind, 'conflicting-rules');
  assert.equal(blocker.scope, 'dev');
  assert.equal(blocker.usageIds.length, 1);
  assert.deepEqual(blocker.decisions.sort(), [1, 9]);
  assert.match(blocker.message, /rule #1 .*internal.*rule #9 .*network/);
  assert.equal(
    v.usages.find((u) => u.usageId === s.usages.find((x) => x.usage.scope === '')!.usage.id)!.exploitation,
    'network',
  );
});

test('obligations: AGPL offered over a network, modified, triggers the network source offer', needsCorpora, () => {
  const s = cern({ exploitation: 'network', modified: true });
  const target = s.usages[0];
  s.decisions.push(curation(null, 'AGPL-3.0-only', { component: target.component.purl! }));
  s.policy.entries.push({
    license: 'AGPL-3.0-only',
    allowed: 'always',
    reviewStatus: 'checked',
    comment: null,
    categories: [],
  });
  const v = validateRelease(s);
  const o = releaseObligations(s, v);
  const offer = o.groups.find((g) => g.name === 'Offer the source code to network users')!;
  assert.ok(offer, 'network source offer triggered');
  assert.deepEqual(
    offer.usages.map((u) => u.usageId),
    [target.usage.id],
  );
  assert.deepEqual(offer.usages[0].licenses, ['AGPL-3.0-only']);
  assert.equal(offer.usages[0].exploitation, 'network');
  assert.equal(o.unresolved.length, 0);
  // Core actions are flagged and listed first; every group is triggered by some usage, and the
  // core actions no usage triggers are listed apart (issue 8 item 10).
  const firstNonCore = o.groups.findIndex((g) => !g.core);
  assert.ok(o.groups.slice(0, firstNonCore).every((g) => g.core));
  assert.ok(o.groups.every((g) => g.usages.length > 0));
  const kbCore = s.knowledgeBase.actions
    .filter((a) => a.core)
    .map((a) => a.name)
    .sort();
  assert.ok(kbCore.length > 0);
  assert.deepEqual(
    [...o.groups.filter((g) => g.core).map((g) => g.name), ...o.coreActions.map((a) => a.name)].sort(),
    kbCore,
  );
  assert.ok(o.coreActions.every((a) => a.core && !o.groups.some((g) => g.name === a.name)));

  // Unmodified, the network clause is not set off (the KB ties it to modification).
  const unmodified = cern({ exploitation: 'network', modified: false });
  unmodified.decisions.push(curation(null, 'AGPL-3.0-only', { component: target.component.purl! }));
  const o2 = releaseObligations(unmodified, validateRelease(unmodified));
  assert.equal(
    o2.groups.find((g) => g.name === 'Offer the source code to network users'),
    undefined,
  );
});

test(
  'step 2 does not ask again about an AND a person wrote; an AND from the SBOM is asked (issue 8 item 7)',
  needsCorpora,
  () => {
    const s = cern();
    const [a, b] = s.usages;
    const step2 = () => validateRelease(s).steps[1];
    const blockedIds = () => step2().blockers.flatMap((x) => x.usageIds);
    // The same AND, found in the SBOM for one usage and written by a curation for the other.
    a.version.declaredLicense = 'MIT AND ISC';
    s.decisions.push(curation(null, 'ISC AND MIT', { component: b.component.purl! }));
    assert.deepEqual(blockedIds(), [a.usage.id], 'only the AND found in the SBOM is asked');
    const resolved = validateRelease(s).usages.find((u) => u.usageId === b.usage.id)!;
    assert.equal(resolved.expression, 'ISC AND MIT');
    assert.equal(resolved.curated, 'ISC AND MIT');
    assert.match(resolved.expressionOrigin, /^curation #\d+ .*; the AND was stated there, not inferred$/);
    // An AND confirmation that matches still has the last word over the curation.
    s.decisions.push({
      ...curation('ISC AND MIT', 'ISC OR MIT', { component: b.component.purl! }),
      kind: 'and-confirmation',
    });
    assert.equal(validateRelease(s).usages.find((u) => u.usageId === b.usage.id)!.expression, 'ISC OR MIT');
    // A version's corrected licence is a person's word too.
    a.version.correctedLicense = 'MIT AND ISC';
    assert.deepEqual(blockedIds(), []);
    assert.equal(step2().passed, true);
  },
);
