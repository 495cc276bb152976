/**
 * Whether a component version is one a VEX statement is limited to (CycloneDX
 * `affects[].versions[]`): an exact version is compared as written, a range by the vers
 * containment rules in the scheme the range names. Ranges are read leniently (whitespace dropped,
 * constraints sorted), as documents in the wild write `vers:nuget/>= 4.0.0|< 4.3.1`.
 */
import { parseVers, versContains, type VersParse } from '../versions/vers.js';
import type { VersionLimit } from './analysis.js';

const parsed = new Map<string, VersParse>();

function readRange(range: string): VersParse {
  let p = parsed.get(range);
  if (!p) {
    p = parseVers(range, { canonical: false });
    if (parsed.size > 1000) parsed.clear();
    parsed.set(range, p);
  }
  return p;
}

/** Why a range cannot be used (unknown scheme, no constraint …), or undefined when it can. */
export function rangeProblem(range: string): string | undefined {
  const p = readRange(range);
  return 'error' in p ? p.error : undefined;
}

/** Whether `version` is within the limit; a version-less component is within none. */
export function withinLimit(limit: VersionLimit, version: string | undefined): boolean {
  if (version === undefined || version === '') return false;
  if ('version' in limit) return limit.version === version;
  const p = readRange(limit.range);
  return !('error' in p) && versContains(p.range, p.versionScheme, version);
}
