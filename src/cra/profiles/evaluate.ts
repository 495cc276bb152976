// Runs profiles over one document: each check counts the items it applies to and names the failures.
import type { Sbom } from '../../model/index.js';
import { PROBES } from './probes/index.js';
import type { CheckDefinition, CheckResult, ProfileResult, QualityProfile } from './profile.js';
import { buildView, kindOf, type SbomView } from './view.js';

function runCheck(check: CheckDefinition, view: SbomView): CheckResult {
  const base = { id: check.id, title: check.title, clause: check.clause, level: check.level };
  const probe = PROBES[check.probe];
  if (probe.scope === 'document') {
    const verdict = probe.test(view);
    if (verdict === 'not-applicable') return { ...base, pass: true, covered: 0, total: 0, failing: [] };
    return { ...base, pass: verdict, covered: verdict ? 1 : 0, total: 1, failing: [] };
  }
  let covered = 0;
  let total = 0;
  const failing: string[] = [];
  for (const c of view.components) {
    if (check.kinds && !check.kinds.includes(kindOf(c, view))) continue;
    if (probe.appliesTo && !probe.appliesTo(c, view)) continue;
    total++;
    if (probe.test(c, view)) covered++;
    else failing.push(c.ref);
  }
  return { ...base, pass: failing.length === 0, covered, total, failing };
}

export function evaluateProfile(profile: QualityProfile, sbom: Sbom, view: SbomView = buildView(sbom)): ProfileResult {
  const checks = profile.checks.map((check) => runCheck(check, view));
  return { profile: profile.id, pass: checks.every((c) => c.pass || c.level !== 'required'), checks };
}

/** Scores one document against several profiles, sharing one view of it. */
export function evaluateProfiles(profiles: readonly QualityProfile[], sbom: Sbom): ProfileResult[] {
  const view = buildView(sbom);
  return profiles.map((p) => evaluateProfile(p, sbom, view));
}
