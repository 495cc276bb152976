/** How sure the normaliser is: exact (a valid SPDX expression as written) > high > medium > low. */
export type Confidence = 'exact' | 'high' | 'medium' | 'low';

export interface NormalizedLicense {
  input: string | string[];
  /** The SPDX expression, or null when the input is too vague or unknown to map without a human. */
  expression: string | null;
  confidence: Confidence;
  /** Plausible SPDX answers, most likely first (the expression itself when there is one). */
  candidates: string[];
  /** Why: which table matched, what was assumed, what was rewritten. */
  notes: string[];
}

const RANK: Record<Confidence, number> = { exact: 3, high: 2, medium: 1, low: 0 };

export function weakest(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

export function confidenceRank(c: Confidence): number {
  return RANK[c];
}
