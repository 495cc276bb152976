// SBOM quality results as text: one line per check with its coverage and clause, failing components
// named (the first few), one verdict line per profile.
import type { CheckDefinition, ProfileResult, QualityProfile } from '../cra/profiles/index.js';

const SHOWN_FAILURES = 5;

function coverageText(def: CheckDefinition | undefined, covered: number, total: number, isDocument: boolean): string {
  const what = def?.coverage ?? '';
  if (isDocument) return total === 0 ? `not applicable (${what})` : what;
  return `${covered}/${total} components ${what}`;
}

export function renderQualityText(
  results: readonly ProfileResult[],
  profiles: readonly QualityProfile[],
  file: string,
): string {
  const lines: string[] = [];
  for (const result of results) {
    const profile = profiles.find((p) => p.id === result.profile);
    const failedRequired = result.checks.filter((c) => !c.pass && c.level === 'required').length;
    lines.push(
      `${file}: ${profile?.title ?? result.profile} [${result.profile}]: ${result.pass ? 'PASS' : `FAIL (${failedRequired} required check${failedRequired === 1 ? '' : 's'} failed)`}`,
    );
    for (const check of result.checks) {
      const def = profile?.checks.find((c) => c.id === check.id);
      const isDocument = def?.probe.startsWith('document.') ?? check.failing.length === 0;
      const verdict = check.pass ? 'pass' : 'FAIL';
      lines.push(
        `  ${verdict.padEnd(4)} ${check.level.padEnd(10)} ${check.id}: ${coverageText(def, check.covered, check.total, isDocument)} — ${check.clause}`,
      );
      if (!check.pass && check.failing.length > 0) {
        const shown = check.failing.slice(0, SHOWN_FAILURES).join(', ');
        const more = check.failing.length > SHOWN_FAILURES ? ` (+${check.failing.length - SHOWN_FAILURES} more)` : '';
        lines.push(`         failing: ${shown}${more}`);
      }
      if (!check.pass && def) lines.push(`         fix: ${def.help}`);
    }
  }
  return lines.join('\n') + '\n';
}
