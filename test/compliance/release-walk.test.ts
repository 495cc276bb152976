// The six steps on a real release (dropwizard 1.3.15's CycloneDX SBOM), walked from step 0 to 6 by
// recording decisions one at a time; each decision must clear exactly the blockers it matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  snapshotFromSbom,
  validateRelease,
  type Blocker,
  type ReleaseSnapshot,
  type StepNumber,
} from '../../src/compliance/index.js';
import type { Decision } from '../../src/model/decision.js';
import { DROPWIZARD, choice, confirmation, corpusSbom, curation, derogation, policy } from './fixtures.js';
import { needsCorpora } from '../support/corpora.js';

const POLICY = policy({
  always: ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'BSD-2-Clause'],
  context: ['EPL-1.0', 'MPL-2.0', 'CDDL-1.0', 'CDDL-1.1', 'LGPL-2.1-only'],
  never: ['GPL-2.0-only'],
});

// What the organisation's legal team concluded for each string found (read from the projects' sites).
const CURATIONS: Record<string, string> = {
  'GNU General Public License, version 2 (GPL2), with the classpath exception AND MIT':
    'GPL-2.0-only WITH Classpath-exception-2.0 AND MIT',
  'EPL-1.0 AND GNU Lesser General Public License': 'EPL-1.0 OR LGPL-2.1-only',
  'Apache Software Licenses': 'Apache-2.0',
  'GNU Lesser General Public License': 'LGPL-2.1-only',
  'EPL-1.0 AND Eclipse Distribution License (EDL), Version 1.0': 'EPL-1.0 OR BSD-3-Clause',
  'BSD License': 'BSD-3-Clause',
  '(Common Development and Distribution License) AND GNU General Public License, Version 2 with the Classpath Exception':
    'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0',
  'BSD licence': 'BSD-3-Clause',
  'ASL 2.0 AND GPL v2 AND MPL-1.1': 'Apache-2.0 OR GPL-2.0-only OR MPL-1.1',
};

function componentLicence(key: string): string {
  if (key.includes('/io.dropwizard/')) return 'Apache-2.0';
  if (key.includes('/org.antlr/')) return 'BSD-3-Clause';
  return 'CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0';
}

const id = (b: Blocker) =>
  `${b.kind}|${b.componentKey}|${b.version}|${b.license}|${b.project}|${b.scope}|${b.usageIds.join(',')}`;
const blockersOf = (s: ReleaseSnapshot, step: StepNumber) => validateRelease(s).steps[step - 1].blockers;

/** Records one decision and checks that exactly the blockers `clears` selects went away at that step. */
function record(
  s: ReleaseSnapshot,
  step: StepNumber,
  d: Decision | (() => void),
  clears: (b: Blocker) => boolean,
): void {
  const before = blockersOf(s, step);
  const expected = before.filter((b) => !clears(b)).map(id);
  assert.ok(expected.length < before.length, `the decision should clear something at step ${step}`);
  if (typeof d === 'function') d();
  else s.decisions.push(d);
  assert.deepEqual(blockersOf(s, step).map(id), expected);
}

function walk(): ReleaseSnapshot {
  const s = snapshotFromSbom(corpusSbom(DROPWIZARD), {
    outboundLicenses: ['Apache-2.0'],
    policy: POLICY,
    productId: 7,
    releaseId: 70,
  });
  assert.equal(s.usages.length, 167, 'dropwizard bom.json lists 167 components');
  assert.equal(validateRelease(s).validationStep, 0);

  // Step 1: one global curation per string found, one component-level curation per component without
  // licence; what the normaliser read is offered as a one-click curation, never taken silently.
  let proposalsAccepted = 0;
  for (let b: Blocker | undefined; (b = blockersOf(s, 1)[0]);) {
    const found = b;
    if (b.kind === 'normalised-needs-curation') {
      const proposal = b.fix.proposal!;
      assert.equal(proposal.fromExpression, b.license);
      assert.equal(proposal.toExpression, b.fix.suggestions[0]);
      assert.ok(['exact', 'high', 'medium', 'low'].includes(proposal.confidence));
      record(s, 1, curation(proposal.fromExpression, proposal.toExpression), (x) => x.license === found.license);
      proposalsAccepted++;
    } else if (b.kind === 'invalid-expression') {
      const to = CURATIONS[b.license!];
      assert.ok(to, `no curation prepared for '${b.license}'`);
      record(s, 1, curation(b.license, to), (x) => x.kind === 'invalid-expression' && x.license === found.license);
    } else {
      assert.equal(b.kind, 'no-license');
      record(
        s,
        1,
        curation(null, componentLicence(b.componentKey!), { component: b.componentKey! }),
        (x) => x.componentKey === found.componentKey,
      );
    }
  }
  assert.ok(proposalsAccepted > 0, 'some strings were only normalised');
  let v = validateRelease(s);
  assert.equal(v.validationStep, 1);

  // Step 2 (issue 8 item 7): the AND the legal team wrote in a curation (the checker framework mixes
  // GPL-with-Classpath and MIT files: a real AND) is not asked again.
  assert.ok(!blockersOf(s, 2).some((b) => b.license!.includes(' AND MIT')), 'a curated AND is not asked again');
  const checker = validateRelease(s).usages.find(
    (u) => u.expression === 'GPL-2.0-only WITH Classpath-exception-2.0 AND MIT',
  );
  assert.ok(checker, 'the curated AND is kept');
  assert.match(checker.expressionOrigin, /the AND was stated there/);
  // The ANDs found in the SBOM are confirmed, or rewritten to the OR the project really offers:
  // jetty, javassist, the CDDL+GPL javax artefacts are dual or triple licensed.
  for (let b: Blocker | undefined; (b = blockersOf(s, 2)[0]);) {
    const found = b;
    const to = b.fix.suggestions.find((x) => !x.includes(' AND '));
    assert.ok(to, `an all-OR rewrite is offered for '${b.license}'`);
    if (to !== b.license) assert.deepEqual(to.split(' OR ').sort(), b.license!.split(' AND ').sort());
    record(s, 2, confirmation(b.license!, to), (x) => x.license === found.license);
  }
  v = validateRelease(s);
  assert.equal(v.validationStep, 2);
  assert.equal(v.steps[2].blockers.length, 1, 'one (project, scope) without exploitation');

  // Step 3: one rule for the whole release.
  record(
    s,
    3,
    () => s.exploitationRules.push({ id: 1, releaseId: 70, scope: null, project: null, exploitation: 'distribution' }),
    () => true,
  );
  assert.equal(validateRelease(s).validationStep, 3);

  // Step 4: choices for every product (no product, release or component in their scope).
  for (let b: Blocker | undefined; (b = blockersOf(s, 4)[0]);) {
    const found = b;
    const to = b.fix.suggestions.find((alt) => !/GPL/.test(alt));
    assert.ok(to, `a non-GPL alternative exists in '${b.license}'`);
    record(s, 4, choice(b.license!, to), (x) => x.license === found.license);
  }
  v = validateRelease(s);
  assert.equal(v.validationStep, 4);

  // Step 5: context-allowed licences get authorised contexts; the GPL with Classpath exception
  // (never allowed as plain GPL-2.0) gets a derogation for each component, in this product only.
  for (let b: Blocker | undefined; (b = blockersOf(s, 5)[0]);) {
    const found = b;
    if (b.kind === 'context-allowed-uncovered') {
      assert.equal(b.fix.action, 'add-derogation');
      record(s, 5, derogation(b.license!), (x) => x.license === found.license);
    } else if (b.kind === 'not-reviewed') {
      assert.equal(b.fix.action, 'review-policy');
      const entry = {
        license: b.license!,
        allowed: 'always' as const,
        reviewStatus: 'checked' as const,
        comment: 'reviewed during the walk',
        categories: [],
      };
      record(
        s,
        5,
        () => s.policy.entries.push(entry),
        (x) => x.license === found.license,
      );
    } else {
      assert.equal(b.kind, 'never-allowed', b.message);
      record(
        s,
        5,
        derogation(b.license!, { productId: 7, component: b.componentKey }),
        (x) => x.license === found.license && x.componentKey === found.componentKey,
      );
    }
  }
  v = validateRelease(s);
  assert.ok(v.validationStep >= 5, v.steps[4].blockers.map((b) => b.message).join('\n'));

  // Step 6 needs an outbound licence: without one (release, product, categories) it blocks.
  const outbound = s.release.outboundLicenses;
  s.release.outboundLicenses = [];
  v = validateRelease(s);
  assert.deepEqual(
    v.steps[5].blockers.map((b) => b.kind),
    ['no-outbound-license'],
  );
  assert.match(v.steps[5].blockers[0].fix.hint, /--outbound/);
  assert.equal(v.validationStep, 5);
  // Nothing is checked, and nothing waits on an earlier step: steps 1-5 pass ("pending" counts only
  // usages an earlier step blocks; it once counted every usage here, and the CLI said they were
  // "waiting on earlier steps").
  assert.equal(v.steps[5].checked, 0);
  assert.equal(v.steps[5].pending, 0);
  // With an earlier step blocking some usages, exactly those wait.
  const exploitation = s.exploitationRules;
  s.exploitationRules = [];
  const blocked = validateRelease(s);
  assert.ok(blocked.steps[2].blockers.length > 0, 'without exploitation rules step 3 blocks');
  assert.equal(blocked.steps[5].pending, s.usages.length);
  s.exploitationRules = exploitation;
  s.release.outboundLicenses = outbound;

  // Step 6: a verdict that depends on a linking nobody recorded is never assumed. The first such
  // usage gets an authorised context for dynamic linking (it matches nothing while the linking is
  // unknown), then its linking is recorded and the context matches it.
  let linkingRecorded = 0;
  for (let b: Blocker | undefined; (b = blockersOf(s, 6)[0]);) {
    const found = b;
    if (b.kind === 'linking-unknown') {
      assert.equal(b.fix.action, 'set-linking');
      const usage = s.usages.find((u) => u.usage.id === found.usageIds[0])!.usage;
      if (linkingRecorded === 0) {
        const context = derogation(b.license!, { component: b.componentKey }, 'dynamic');
        s.decisions.push(context);
        assert.ok(
          blockersOf(s, 6).some((x) => id(x) === id(found)),
          'a context for dynamic linking does not cover an unknown linking',
        );
        record(
          s,
          6,
          () => (usage.linking = 'dynamic'),
          (x) => x.usageIds[0] === found.usageIds[0],
        );
        assert.equal(context.linking, 'dynamic');
        usage.linking = 'static';
        assert.ok(
          blockersOf(s, 6).some((x) => x.usageIds[0] === found.usageIds[0] && x.license === found.license),
          'the dynamic-only context does not cover static linking',
        );
        usage.linking = 'dynamic';
      } else {
        record(
          s,
          6,
          () => (usage.linking = 'dynamic'),
          (x) => x.usageIds[0] === found.usageIds[0],
        );
      }
      linkingRecorded++;
    } else {
      // Whatever compatibility cannot confirm is reviewed and derogated per licence.
      record(s, 6, derogation(b.license!, { productId: 7 }), (x) => x.license === found.license);
    }
  }
  assert.ok(linkingRecorded > 0, 'some verdict depends on the linking');
  v = validateRelease(s);
  assert.equal(
    v.validationStep,
    6,
    v.steps
      .flatMap((x) => x.blockers)
      .map((b) => b.message)
      .join('\n'),
  );
  // No decision rewrites licences it does not name: every curation names the string or the component.
  for (const d of s.decisions)
    if (d.type === 'curation')
      assert.ok(d.fromExpression !== null || d.component !== null, `curation #${d.id} names what it corrects`);
  return s;
}

test('dropwizard: walking the six steps by recording decisions one at a time', needsCorpora, () => {
  const s = walk();
  const v = validateRelease(s);
  assert.ok(v.steps.every((x) => x.passed && x.blockers.length === 0 && x.pending === 0));
  // Spot checks against the SBOM itself: jetty declares "Apache-2.0" and "EPL-1.0" (a dual licence).
  const jetty = s.usages.find((u) => u.component.name === 'jetty-server')!;
  const r = v.usages.find((u) => u.usageId === jetty.usage.id)!;
  assert.equal(r.expression, 'Apache-2.0 OR EPL-1.0');
  assert.equal(r.effective, 'Apache-2.0');
  // h2 declares "MPL 2.0 or EPL 1.0": the normaliser's reading, recorded as a curation, then chosen.
  const h2 = v.usages.find((u) => u.usageId === s.usages.find((x) => x.component.name === 'h2')!.usage.id)!;
  assert.equal(h2.expression, 'MPL-2.0 OR EPL-1.0');
  assert.equal(h2.curated, 'MPL-2.0 OR EPL-1.0');
  assert.deepEqual(h2.normalised, { expression: 'MPL-2.0 OR EPL-1.0', confidence: 'high' });
  assert.match(h2.expressionOrigin, /curation #\d+/);
});

test(
  'normalised licences pass step 1 only through a curation or the recorded acceptNormaliser setting',
  needsCorpora,
  () => {
    const sbom = corpusSbom(DROPWIZARD);
    const h2Of = (s: ReleaseSnapshot) => {
      const v = validateRelease(s);
      const usageId = s.usages.find((x) => x.component.name === 'h2')!.usage.id;
      return {
        resolved: v.usages.find((u) => u.usageId === usageId)!,
        blocker: v.steps[0].blockers.find((b) => b.usageIds.includes(usageId)),
        v,
      };
    };
    const off = h2Of(snapshotFromSbom(sbom, { policy: POLICY }));
    assert.equal(off.blocker?.kind, 'normalised-needs-curation');
    assert.equal(off.blocker?.license, 'MPL 2.0 or EPL 1.0');
    assert.equal(off.blocker?.fix.proposal?.toExpression, 'MPL-2.0 OR EPL-1.0');
    assert.equal(off.blocker?.fix.proposal?.confidence, 'high');
    assert.match(off.blocker!.message, /high confidence/);
    assert.equal(off.resolved.expression, null);
    assert.deepEqual(off.v.settings, { acceptNormaliser: 'off' });
    // "exact" does not let a high-confidence answer through, and says why.
    const exact = h2Of(snapshotFromSbom(sbom, { policy: POLICY, settings: { acceptNormaliser: 'exact' } }));
    assert.equal(exact.blocker?.kind, 'normalised-needs-curation');
    assert.match(exact.blocker!.message, /acceptNormaliser=exact accepts exact answers only/);
    // "high" does, and the origin names the setting.
    const high = h2Of(snapshotFromSbom(sbom, { policy: POLICY, settings: { acceptNormaliser: 'high' } }));
    assert.equal(high.blocker, undefined);
    assert.equal(high.resolved.expression, 'MPL-2.0 OR EPL-1.0');
    assert.equal(high.resolved.curated, null);
    assert.match(high.resolved.expressionOrigin, /accepted by the setting acceptNormaliser=high/);
    assert.deepEqual(high.v.settings, { acceptNormaliser: 'high' });
    // Exact SPDX as written never needs a curation: jetty's "Apache-2.0" passes whatever the setting.
    const jettyId = off.v.usages.find((u) => u.usageId === sbomUsage(snapshotFromSbom(sbom), 'jetty-server'));
    assert.equal(jettyId?.blockedAt === 1, false);
  },
);

function sbomUsage(s: ReleaseSnapshot, name: string): number {
  return s.usages.find((x) => x.component.name === name)!.usage.id;
}

test(
  'decisions for all versions of a component and for all products are reused by the next release',
  needsCorpora,
  () => {
    const first = walk();
    const sbom = corpusSbom(DROPWIZARD);
    // The next release: every dropwizard module moves to 1.3.16 (purls too); everything else is unchanged.
    for (const c of sbom.components) {
      if (c.group === 'io.dropwizard') {
        c.version = '1.3.16';
        c.purl = c.purl?.replace('@1.3.15', '@1.3.16');
      }
    }
    // The next release is imported with dynamic linking as its default (what the walk recorded).
    const next = snapshotFromSbom(sbom, {
      outboundLicenses: ['Apache-2.0'],
      policy: POLICY,
      productId: 7,
      releaseId: 71,
      decisions: first.decisions,
      linking: 'dynamic',
    });
    next.exploitationRules.push({ id: 2, releaseId: 71, scope: null, project: null, exploitation: 'distribution' });
    const v = validateRelease(next);
    assert.equal(
      v.validationStep,
      6,
      v.steps
        .flatMap((x) => x.blockers)
        .map((b) => b.message)
        .join('\n'),
    );
    const util = next.usages.find((u) => u.component.name === 'dropwizard-util')!;
    assert.equal(util.version.number, '1.3.16');
    assert.match(v.usages.find((u) => u.usageId === util.usage.id)!.expressionOrigin, /curation #\d+/);

    // A different product gets the all-products curations, choices and authorised contexts, but not
    // the derogations recorded for product 7 only: exactly the components they covered block step 5.
    const other = snapshotFromSbom(corpusSbom(DROPWIZARD), {
      outboundLicenses: ['Apache-2.0'],
      policy: POLICY,
      productId: 8,
      releaseId: 80,
      decisions: first.decisions,
      exploitation: 'distribution',
    });
    const ov = validateRelease(other);
    assert.equal(ov.validationStep, 4);
    const product7Only = first.decisions.filter((d) => d.type === 'derogation' && d.productId === 7) as {
      component: string | null;
      license: string;
    }[];
    assert.ok(product7Only.length > 0);
    assert.deepEqual(
      ov.steps[4].blockers.map((b) => `${b.kind} ${b.componentKey} ${b.license}`).sort(),
      product7Only.map((d) => `never-allowed ${d.component} ${d.license}`).sort(),
    );
  },
);
