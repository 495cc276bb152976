import type { Allowed, LicensePolicy } from '../licenses/kb/types.js';

const RANK: Record<Allowed, number> = { always: 0, context: 1, 'out-of-foss-policy': 2, 'not-reviewed': 3, never: 4 };

/** Alternatives of a choice, best for the policy first (then fewest licences), printed as AND. */
export function rankAlternatives(alternatives: readonly string[][], policyOf: (l: string) => LicensePolicy): string[] {
  const scored = alternatives.map((alt) => ({
    text: alt.length > 1 ? alt.join(' AND ') : (alt[0] ?? ''),
    worst: Math.max(0, ...alt.map((l) => RANK[policyOf(l).allowed])),
    size: alt.length,
  }));
  scored.sort((a, b) => a.worst - b.worst || a.size - b.size);
  return scored.map((s) => s.text).filter(Boolean);
}
