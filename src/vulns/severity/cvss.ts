import calculators from 'ae-cvss-calculator';

// The package is minified CommonJS: Node's ESM loader cannot see its named exports.
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = calculators;

/**
 * CVSS vectors: parsed and checked here (every base metric present once, every value one the
 * version defines), scored by ae-cvss-calculator (FIRST's formulas for 2.0, 3.0, 3.1 and 4.0).
 * The calculator alone accepts incomplete vectors and scores them 0, so the check comes first.
 */
export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';
export type SeverityRating = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface CvssScore {
  version: CvssVersion;
  /** The vector as given (trimmed). */
  vector: string;
  baseScore: number;
  rating: SeverityRating;
}

export type CvssResult = CvssScore | { error: string };

type MetricTable = Record<string, readonly string[]>;

const V2_BASE: MetricTable = {
  AV: ['L', 'A', 'N'],
  AC: ['H', 'M', 'L'],
  Au: ['M', 'S', 'N'],
  C: ['N', 'P', 'C'],
  I: ['N', 'P', 'C'],
  A: ['N', 'P', 'C'],
};
const V2_OTHER: MetricTable = {
  E: ['U', 'POC', 'F', 'H', 'ND'],
  RL: ['OF', 'TF', 'W', 'U', 'ND'],
  RC: ['UC', 'UR', 'C', 'ND'],
  CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'],
  TD: ['N', 'L', 'M', 'H', 'ND'],
  CR: ['L', 'M', 'H', 'ND'],
  IR: ['L', 'M', 'H', 'ND'],
  AR: ['L', 'M', 'H', 'ND'],
};
const CIA3 = ['N', 'L', 'H'];
const V3_BASE: MetricTable = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: CIA3,
  I: CIA3,
  A: CIA3,
};
const V3_OTHER: MetricTable = {
  E: ['X', 'U', 'P', 'F', 'H'],
  RL: ['X', 'O', 'T', 'W', 'U'],
  RC: ['X', 'U', 'R', 'C'],
  CR: ['X', 'L', 'M', 'H'],
  IR: ['X', 'L', 'M', 'H'],
  AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'R'],
  MS: ['X', 'U', 'C'],
  MC: ['X', ...CIA3],
  MI: ['X', ...CIA3],
  MA: ['X', ...CIA3],
};
const V4_BASE: MetricTable = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  AT: ['N', 'P'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'],
  VI: ['H', 'L', 'N'],
  VA: ['H', 'L', 'N'],
  SC: ['H', 'L', 'N'],
  SI: ['H', 'L', 'N'],
  SA: ['H', 'L', 'N'],
};
const V4_OTHER: MetricTable = {
  E: ['X', 'A', 'P', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MAT: ['X', 'N', 'P'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', 'H', 'L', 'N'],
  MVI: ['X', 'H', 'L', 'N'],
  MVA: ['X', 'H', 'L', 'N'],
  MSC: ['X', 'H', 'L', 'N'],
  MSI: ['X', 'S', 'H', 'L', 'N'],
  MSA: ['X', 'S', 'H', 'L', 'N'],
  S: ['X', 'N', 'P'],
  AU: ['X', 'N', 'Y'],
  R: ['X', 'A', 'U', 'I'],
  V: ['X', 'D', 'C'],
  RE: ['X', 'L', 'M', 'H'],
  U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

function checkMetrics(parts: string[], base: MetricTable, other: MetricTable): string | undefined {
  const seen = new Set<string>();
  for (const part of parts) {
    const colon = part.indexOf(':');
    const name = colon === -1 ? part : part.slice(0, colon);
    const value = colon === -1 ? '' : part.slice(colon + 1);
    const allowed = Object.hasOwn(base, name) ? base[name] : Object.hasOwn(other, name) ? other[name] : undefined;
    if (allowed === undefined) return `unknown metric "${name}"`;
    if (!allowed.includes(value)) return `metric ${name} cannot be "${value}" (one of ${allowed.join(', ')})`;
    if (seen.has(name)) return `metric ${name} appears twice`;
    seen.add(name);
  }
  const missing = Object.keys(base).filter((m) => !seen.has(m));
  return missing.length > 0 ? `base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing` : undefined;
}

/** Qualitative rating: CVSS v3/v4 scale (FIRST), and for v2 the NVD low/medium/high bands. */
export function ratingOf(version: CvssVersion, score: number): SeverityRating {
  if (version === '2.0') return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score === 0) return 'none';
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

// A scan scores the same few hundred vectors for thousands of findings: remember them.
const scored = new Map<string, CvssResult>();

/** Parses and scores a CVSS vector of any version; a bad vector gives an error naming the problem. */
export function scoreCvss(vector: string): CvssResult {
  let result = scored.get(vector);
  if (!result) {
    if (scored.size >= 50_000) scored.clear();
    result = computeCvss(vector);
    scored.set(vector, result);
  }
  return result;
}

function computeCvss(vector: string): CvssResult {
  const text = vector.trim();
  const prefix = /^CVSS:(\d\.\d)\//.exec(text);
  const version = (prefix ? prefix[1] : '2.0') as CvssVersion;
  const body = prefix ? text.slice(prefix[0].length) : text.replace(/^\(|\)$/g, '');
  const parts = body.split('/');
  let problem: string | undefined;
  if (version === '2.0') problem = checkMetrics(parts, V2_BASE, V2_OTHER);
  else if (version === '3.0' || version === '3.1') problem = checkMetrics(parts, V3_BASE, V3_OTHER);
  else if (version === '4.0') problem = checkMetrics(parts, V4_BASE, V4_OTHER);
  else return { error: `CVSS version ${String(prefix?.[1])} is not supported (2.0, 3.0, 3.1, 4.0)` };
  if (problem) return { error: `CVSS ${version} vector "${text}": ${problem}` };
  const calculator =
    version === '2.0'
      ? new Cvss2(body)
      : version === '3.0'
        ? new Cvss3P0(text)
        : version === '3.1'
          ? new Cvss3P1(text)
          : new Cvss4P0(text);
  const scores = calculator.calculateScores() as { base?: number };
  const baseScore = Number(scores.base);
  if (!Number.isFinite(baseScore)) return { error: `CVSS ${version} vector "${text}": no base score` };
  return { version, vector: text, baseScore, rating: ratingOf(version, baseScore) };
}
