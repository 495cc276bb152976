import type { NormaliserAcceptance } from '../model/policy-settings.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';

const ACCEPTANCE_MEANING: Record<NormaliserAcceptance, string> = {
  off: 'every normalised licence needs a curation',
  exact: 'normaliser answers of exact confidence pass without a curation',
  high: 'normaliser answers of exact or high confidence pass without a curation',
};

/** The verdict for a terminal: each step, then its blockers with the fix. */
export function renderValidationText(v: ReleaseValidation, title: string, maxPerStep = 50): string {
  const out: string[] = [
    `${title}: validation step ${v.validationStep}/6${v.validationStep === 6 ? ' — compliant' : ''}`,
  ];
  if (v.settings)
    out.push(
      `  settings: acceptNormaliser=${v.settings.acceptNormaliser} (${ACCEPTANCE_MEANING[v.settings.acceptNormaliser]})`,
    );
  for (const s of v.steps) {
    const mark = s.passed ? 'ok  ' : 'FAIL';
    const extra = s.pending ? `, ${s.pending} waiting on earlier steps` : '';
    out.push(`  [${mark}] ${s.step}. ${s.name}: ${s.blockers.length} blocker(s)${extra}`);
    for (const b of s.blockers.slice(0, maxPerStep)) {
      out.push(
        `         - ${b.message}`,
        `           fix (${b.fix.action}): ${b.fix.hint}${b.fix.suggestions.length ? ` Suggestions: ${b.fix.suggestions.slice(0, 4).join(' | ')}` : ''}`,
      );
    }
    if (s.blockers.length > maxPerStep)
      out.push(`         … and ${s.blockers.length - maxPerStep} more (use --format json for all)`);
    for (const n of s.notes) out.push(`         note: ${n}`);
  }
  return out.join('\n') + '\n';
}
