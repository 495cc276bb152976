/**
 * Stored records looked up by id, and lists of ids put in order, for the lists of a large release
 * (100k usages, versions and components). A Map keyed by id cost ~40 ms to build per 100k records,
 * and an import built several (issue 13 item 5); ids are positive integers handed out in sequence,
 * so an array indexed from the smallest id holds them densely at a fraction of that.
 */

export interface RecordsById<T> {
  get(id: number): T | undefined;
}

/** The records by id; of two records with one id, the later one (as a Map built from them). */
export function recordsById<T extends { id: number }>(records: readonly T[]): RecordsById<T> {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    if (r.id < low) low = r.id;
    if (r.id > high) high = r.id;
  }
  // Ids far apart (a few records of an old store and many new ones) would make a sparse array,
  // which is a slower dictionary underneath: a Map then.
  if (!(high - low < 4 * records.length + 1024) || !Number.isSafeInteger(low)) {
    const byId = new Map<number, T>();
    for (const r of records) byId.set(r.id, r);
    return byId;
  }
  const table: (T | undefined)[] = new Array<T | undefined>(high - low + 1);
  for (const r of records) table[r.id - low] = r;
  return {
    get: (id) => (Number.isInteger(id) && id >= low && id <= high ? table[id - low] : undefined),
  };
}

/** The distinct numbers among ids, in increasing order. */
export function distinctAscending(ids: readonly number[]): number[] {
  // A typed array sorts numbers natively, in numeric order, without a comparison function.
  const sorted = Float64Array.from(ids).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}
