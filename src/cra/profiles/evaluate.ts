// Runs profiles over one document: each check counts the items it applies to and names the failures.
import type { Component, Sbom } from '../../model/index.js';
import { PROBES, type ComponentProbe } from './probes/index.js';
import type { CheckDefinition, CheckResult, ComponentKind, ProfileResult, QualityProfile } from './profile.js';
import { buildView, kindOf, type SbomView } from './view.js';
import type { RefGraph } from '../../sbom/graph.js';

export interface EvaluateOptions {
  /**
   * Failing refs kept per check (the first ones, in document order); `covered` and `total` still
   * count every component. Default: all of them.
   */
  failingLimit?: number;
  /** The document's refGraph, when the caller made it already (an import plans with it too). */
  graph?: RefGraph;
}

const KINDS: readonly ComponentKind[] = ['full', 'identified', 'referenced'];
/** Components settled between two pauses of evaluateProfilesInSlices (a few milliseconds of work). */
const SETTLE_SLICE = 2_048;

/**
 * What the checks of several profiles share over one view: profiles name the same probes (the
 * component name, version, identifier…) and the same narrowing (a kind, models only), so each probe
 * is run at most once per component and each narrowing computed once, however many checks use them.
 * Probes are pure, so a remembered verdict is the verdict.
 */
class SharedVerdicts {
  private kinds: Uint8Array | undefined;
  private readonly subjects = new Map<ComponentProbe['appliesTo'] | null, Map<string, Uint32Array>>();
  private readonly verdicts = new Map<ComponentProbe['test'], Uint8Array>();

  private readonly applies = new Map<NonNullable<ComponentProbe['appliesTo']>, Uint8Array>();

  constructor(readonly view: SbomView) {}

  /**
   * Every verdict the profiles' checks will ask for, worked out component by component: each
   * component is read once for all its probes instead of once per probe (a pass over 100k
   * components per probe missed the cache on every component). A probe with `appliesTo` runs only
   * where it applies, as it would in the check. Pauses (yields) after every SETTLE_SLICE components.
   */
  *settleInSlices(profiles: readonly QualityProfile[]): Generator<void, void, undefined> {
    const probes = new Set<ComponentProbe>();
    for (const profile of profiles)
      for (const check of profile.checks) {
        const probe = PROBES[check.probe];
        if (probe.scope === 'component') probes.add(probe);
      }
    const list = [...probes];
    const tests = list.map((p) => p.test);
    const verdicts = list.map((p) => this.verdictsOf(p));
    const masks = list.map((p) => (p.appliesTo ? this.appliesMask(p.appliesTo) : null));
    const { components } = this.view;
    for (let i = 0; i < components.length; i++) {
      if (i > 0 && i % SETTLE_SLICE === 0) yield;
      const c = components[i]!;
      for (let k = 0; k < tests.length; k++) {
        const mask = masks[k];
        if (mask && mask[i] !== 1) continue;
        const own = verdicts[k]!;
        if (own[i] === 0) own[i] = tests[k]!(c, this.view, i) ? 1 : 2;
      }
    }
  }

  /** Per component: 1 when the narrowing applies to it, 2 when not (worked out once per narrowing). */
  private appliesMask(appliesTo: NonNullable<ComponentProbe['appliesTo']>): Uint8Array {
    let mask = this.applies.get(appliesTo);
    if (mask) return mask;
    const { components } = this.view;
    mask = new Uint8Array(components.length);
    for (let i = 0; i < components.length; i++) mask[i] = appliesTo(components[i]!, this.view, i) ? 1 : 2;
    this.applies.set(appliesTo, mask);
    return mask;
  }

  /** Indexes (into view.components) of the components a check counts, in document order. */
  subjectsOf(check: CheckDefinition, probe: ComponentProbe): Uint32Array {
    const appliesTo = probe.appliesTo ?? null;
    const kindsKey = check.kinds ? check.kinds.join(',') : '';
    let byKinds = this.subjects.get(appliesTo);
    if (!byKinds) this.subjects.set(appliesTo, (byKinds = new Map()));
    let found = byKinds.get(kindsKey);
    if (found) return found;
    const { components } = this.view;
    const wanted = check.kinds ? KINDS.map((k) => check.kinds!.includes(k)) : null;
    const kinds = wanted ? this.kindCodes() : null;
    const mask = appliesTo ? this.appliesMask(appliesTo) : null;
    const out = new Uint32Array(components.length);
    let n = 0;
    for (let i = 0; i < components.length; i++) {
      if (wanted && !wanted[kinds![i]!]) continue;
      if (mask && mask[i] !== 1) continue;
      out[n++] = i;
    }
    found = out.slice(0, n);
    byKinds.set(kindsKey, found);
    return found;
  }

  /** Per component: 0 not asked yet, 1 passes, 2 fails. */
  verdictsOf(probe: ComponentProbe): Uint8Array {
    let found = this.verdicts.get(probe.test);
    if (!found) this.verdicts.set(probe.test, (found = new Uint8Array(this.view.components.length)));
    return found;
  }

  private kindCodes(): Uint8Array {
    if (this.kinds) return this.kinds;
    const { components } = this.view;
    const codes = new Uint8Array(components.length);
    for (let i = 0; i < components.length; i++) codes[i] = KINDS.indexOf(kindOf(components[i]!, this.view));
    return (this.kinds = codes);
  }
}

function runCheck(check: CheckDefinition, shared: SharedVerdicts, failingLimit: number): CheckResult {
  const { view } = shared;
  const base = { id: check.id, title: check.title, clause: check.clause, level: check.level };
  const probe = PROBES[check.probe];
  if (probe.scope === 'document') {
    const verdict = probe.test(view);
    if (verdict === 'not-applicable') return { ...base, pass: true, covered: 0, total: 0, failing: [] };
    return { ...base, pass: verdict, covered: verdict ? 1 : 0, total: 1, failing: [] };
  }
  const components: Component[] = view.components;
  const subjects = shared.subjectsOf(check, probe);
  const verdicts = shared.verdictsOf(probe);
  let covered = 0;
  const failing: string[] = [];
  for (let k = 0; k < subjects.length; k++) {
    const i = subjects[k]!;
    let verdict = verdicts[i]!;
    if (verdict === 0) verdicts[i] = verdict = probe.test(components[i]!, view, i) ? 1 : 2;
    if (verdict === 1) covered++;
    else if (failing.length < failingLimit) failing.push(components[i]!.ref);
  }
  const total = subjects.length;
  return { ...base, pass: covered === total, covered, total, failing };
}

function evaluateWith(profile: QualityProfile, shared: SharedVerdicts, failingLimit: number): ProfileResult {
  const checks = profile.checks.map((check) => runCheck(check, shared, failingLimit));
  return { profile: profile.id, pass: checks.every((c) => c.pass || c.level !== 'required'), checks };
}

export function evaluateProfile(
  profile: QualityProfile,
  sbom: Sbom,
  view: SbomView = buildView(sbom),
  options: EvaluateOptions = {},
): ProfileResult {
  return evaluateWith(profile, new SharedVerdicts(view), options.failingLimit ?? Infinity);
}

/** Scores one document against several profiles, sharing one view of it and the probes' verdicts. */
export function evaluateProfiles(
  profiles: readonly QualityProfile[],
  sbom: Sbom,
  options: EvaluateOptions = {},
): ProfileResult[] {
  const slices = evaluateProfilesInSlices(profiles, sbom, options);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * evaluateProfiles as a generator that pauses between slices of its work (after the view is built,
 * then every SETTLE_SLICE components): a caller that has other things to do meanwhile (an import
 * waiting on its database server) resumes it when it is free. The results are evaluateProfiles'.
 */
export function* evaluateProfilesInSlices(
  profiles: readonly QualityProfile[],
  sbom: Sbom,
  options: EvaluateOptions = {},
): Generator<void, ProfileResult[], undefined> {
  const shared = new SharedVerdicts(buildView(sbom, options.graph));
  yield;
  yield* shared.settleInSlices(profiles);
  return profiles.map((p) => evaluateWith(p, shared, options.failingLimit ?? Infinity));
}
