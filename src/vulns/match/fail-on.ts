import type { VulnerabilityFinding } from './finding.js';
import { RATING_ORDER } from './vulnerability-severity.js';

/**
 * The scan gate (`--fail-on`): which findings make a scan fail. A finding triaged as not
 * affecting the product (VEX not_affected, false_positive, resolved…) never does. A finding with
 * no known severity counts as failing any rating threshold: an unscored flaw is not a safe one
 * (CRA Annex I Part I (2)(a): no known exploitable vulnerabilities).
 */
export const FAIL_ON = ['none', 'low', 'medium', 'high', 'critical', 'kev'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const CLEARED = new Set(['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree']);

export function failsGate(finding: VulnerabilityFinding, threshold: FailOn): boolean {
  if (threshold === 'none') return false;
  if (finding.analysis && CLEARED.has(finding.analysis.state)) return false;
  if (threshold === 'kev') return finding.vulnerability.kev !== null;
  const rating = finding.vulnerability.severity.rating;
  return rating === 'unknown' || RATING_ORDER.indexOf(rating) >= RATING_ORDER.indexOf(threshold);
}
