import { OSADL_EXPLANATIONS, OSADL_LICENSES, OSADL_TEMPLATES, OSADL_VERDICTS } from './osadl-matrix.generated.js';

export type OsadlVerdict = 'yes' | 'no' | 'unknown' | 'check-dependency' | 'same';
const VERDICT: Record<string, OsadlVerdict> = { Y: 'yes', N: 'no', U: 'unknown', D: 'check-dependency', S: 'same' };

const indexOf = new Map(OSADL_LICENSES.map((id, i) => [id.toLowerCase(), i]));

export interface OsadlCell {
  leading: string;
  subordinate: string;
  verdict: OsadlVerdict;
  explanation: string;
}

/**
 * OSADL's answer to "may software under `subordinate` be used in a work released under `leading`?",
 * or undefined when the matrix does not cover the pair.
 */
export function osadlCompatibility(leading: string, subordinate: string): OsadlCell | undefined {
  const row = indexOf.get(leading.toLowerCase());
  const column = indexOf.get(subordinate.toLowerCase());
  if (row === undefined || column === undefined) return undefined;
  const verdict = VERDICT[OSADL_VERDICTS[row][column]];
  if (!verdict) return undefined;
  const l = OSADL_LICENSES[row];
  const s = OSADL_LICENSES[column];
  const explanation = OSADL_TEMPLATES[OSADL_EXPLANATIONS[row][column]]
    .split('{leading}')
    .map((p) => p.split('{subordinate}').join(s))
    .join(l);
  return { leading: l, subordinate: s, verdict, explanation };
}

export function osadlLicenses(): readonly string[] {
  return OSADL_LICENSES;
}
