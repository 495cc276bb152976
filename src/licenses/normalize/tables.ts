// The one lookup index behind the normaliser, built once on first use from (in this order of
// precedence) our own aliases, the SPDX list's ids and full names, and ORT's declared-licence
// mappings. An earlier source always wins over a later one for the same key.
import { ALIASES } from './aliases.js';
import { licenseKey } from './key.js';
import { ORT_MAPPINGS } from './ort-mappings.generated.js';
import type { Confidence } from './result.js';
import { allExceptions, allLicenses } from '../spdx-list/index.js';

export interface Mapping {
  expression: string | null;
  confidence: Confidence;
  candidates: readonly string[];
  note?: string;
}

let index: Map<string, Mapping> | undefined;
let exceptionIndex: Map<string, string> | undefined;

export function lookupName(text: string): Mapping | undefined {
  return nameIndex().get(licenseKey(text));
}

/** An exception by id or by name ("Classpath exception", "GCC Runtime Library exception 3.1"). */
export function lookupExceptionName(text: string): string | undefined {
  if (!exceptionIndex) {
    exceptionIndex = new Map();
    for (const e of allExceptions()) {
      if (e.deprecated) continue;
      exceptionIndex.set(licenseKey(e.id), e.id);
      exceptionIndex.set(licenseKey(e.name), e.id);
    }
    exceptionIndex.set(licenseKey('classpath exception'), 'Classpath-exception-2.0');
    exceptionIndex.set(licenseKey('gnu classpath exception'), 'Classpath-exception-2.0');
    exceptionIndex.set(licenseKey('classpath'), 'Classpath-exception-2.0');
    exceptionIndex.set(licenseKey('llvm exception'), 'LLVM-exception');
  }
  return exceptionIndex.get(licenseKey(text));
}

function nameIndex(): Map<string, Mapping> {
  if (index) return index;
  const map = new Map<string, Mapping>();
  for (const [raw, expression, confidence, candidates, note] of ALIASES) {
    const key = licenseKey(raw);
    if (!map.has(key))
      map.set(key, {
        expression,
        confidence,
        candidates: candidates ?? (expression ? [expression] : []),
        note: note ?? 'Vigie alias table',
      });
  }
  // Current ids before deprecated ones, so that a deprecated spelling never hides a current licence.
  const licenses = allLicenses().sort((a, b) => Number(a.deprecated) - Number(b.deprecated));
  const fromList = new Map<string, string[]>();
  for (const l of licenses) {
    for (const key of [licenseKey(l.id), licenseKey(l.name)]) {
      const ids = fromList.get(key);
      if (!ids) fromList.set(key, [l.id]);
      else if (!ids.includes(l.id) && !l.deprecated) ids.push(l.id);
    }
  }
  for (const [key, ids] of fromList) {
    if (map.has(key)) continue;
    map.set(
      key,
      ids.length === 1
        ? { expression: ids[0], confidence: 'high', candidates: ids, note: 'SPDX licence id or name' }
        : { expression: null, confidence: 'low', candidates: ids, note: 'matches several SPDX licences' },
    );
  }
  for (const [raw, expression, ambiguous] of ORT_MAPPINGS) {
    const key = licenseKey(raw);
    if (map.has(key)) continue;
    // ORT's ambiguous rows are educated guesses: we keep them, but say so.
    map.set(
      key,
      ambiguous
        ? {
            expression,
            confidence: 'low',
            candidates: [expression],
            note: 'ORT mapping it marks as ambiguous: confirm',
          }
        : { expression, confidence: 'high', candidates: [expression], note: 'ORT declared-licence mapping' },
    );
  }
  index = map;
  return map;
}
