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
  // Indexed loops: a for-of loop's iterator results outlived young collections while the code was cold.
  for (let i = 0; i < records.length; i++) {
    const id = records[i]!.id;
    if (id < low) low = id;
    if (id > high) high = id;
  }
  // Ids far apart (a few records of an old store and many new ones) would make a sparse array,
  // which is a slower dictionary underneath: a Map then.
  if (!(high - low < 4 * records.length + 1024) || !Number.isSafeInteger(low)) {
    const byId = new Map<number, T>();
    for (let i = 0; i < records.length; i++) byId.set(records[i]!.id, records[i]!);
    return byId;
  }
  const table: (T | undefined)[] = new Array<T | undefined>(high - low + 1);
  for (let i = 0; i < records.length; i++) table[records[i]!.id - low] = records[i];
  return {
    get: (id) => (Number.isInteger(id) && id >= low && id <= high ? table[id - low] : undefined),
  };
}

/** The distinct numbers among ids, in increasing order. */
export function distinctAscending(ids: readonly number[]): number[] {
  // Ids that come in order already (an import's new records, each list of its inventory) are only
  // passed over once.
  let ordered = true;
  for (let i = 1; i < ids.length && ordered; i++) ordered = ids[i - 1]! <= ids[i]!;
  if (ordered) {
    const out: number[] = [];
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) out.push(ids[i]!);
    return out;
  }
  // A typed array sorts numbers natively, in numeric order, without a comparison function.
  const sorted = Float64Array.from(ids).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

/** Largest id the text order below handles by numbers (ten digits); beyond it, texts are compared. */
const TEN_DIGITS = 9_999_999_999;

/**
 * Distinct ids in the order their decimal texts sort in (`String(id)` compared as JavaScript
 * compares strings: 1, 10, 100, 11, 2), as the lines "id<TAB>…" of a fingerprint sort. Each id
 * becomes a number that sorts the same way: its digits padded to ten with zeros on the right (so
 * that 2 → 2000000000 comes after 11 → 1100000000), then its length, since a shorter id is a
 * prefix of the longer ones with the same padding and sorts first. A typed array sorts these
 * natively, where sorting 100k texts took ~80 ms.
 */
export function inTextOrder(ids: readonly number[]): number[] {
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isInteger(id) || id < 1 || id > TEN_DIGITS) return [...ids].sort(byText);
    let digits = 1;
    let scale = 1_000_000_000;
    for (let bound = 10; bound <= id; bound *= 10) {
      digits++;
      scale /= 10;
    }
    keys[i] = id * scale * 16 + digits;
  }
  keys.sort();
  const out: number[] = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const digits = key % 16;
    out[i] = (key - digits) / 16 / 10 ** (10 - digits);
  }
  return out;
}

function byText(a: number, b: number): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
