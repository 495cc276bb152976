// The SPDX licence ids nearest to a misspelt one ("MTI" → MIT, "BSD-3-Clase" → BSD-3-Clause), for
// the "did you mean" of an error message. Pure: the list is the bundled SPDX License List.
import { allLicenses } from './list.js';

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Non-deprecated licence ids within a small edit distance of `id` (case ignored): at most two edits,
 * and one for ids of three letters or fewer, nearest first.
 */
export function nearestLicenseIds(id: string, limit = 3): string[] {
  const key = id.toLowerCase();
  const allowed = key.length <= 3 ? 1 : 2;
  return allLicenses()
    .filter((l) => !l.deprecated && Math.abs(l.id.length - key.length) <= allowed)
    .map((l) => ({ id: l.id, distance: editDistance(key, l.id.toLowerCase()) }))
    .filter((c) => c.distance <= allowed)
    .sort((x, y) => x.distance - y.distance || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((c) => c.id);
}
