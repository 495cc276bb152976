/**
 * One version scheme: how an ecosystem orders its version strings. `compare` is total over any
 * string (each scheme says how it orders text it cannot parse, the way its reference tool does),
 * so that a range check never throws on odd data.
 */
export interface VersionScheme {
  /** Stable id, also used in vers (`vers:<id>/…`) where vers has a name for it. */
  id: string;
  /** What the ordering follows, shown in match explanations. */
  title: string;
  /** Negative when a < b, 0 when equal, positive when a > b. */
  compare(a: string, b: string): number;
}

/** Sign of a number as -1, 0 or 1. */
export function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares two digit strings of any length numerically (no Number overflow). */
export function compareDigits(a: string, b: string): -1 | 0 | 1 {
  let i = 0;
  while (i < a.length - 1 && a[i] === '0') i++;
  let j = 0;
  while (j < b.length - 1 && b[j] === '0') j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la < lb ? -1 : 1;
  for (; i < a.length; i++, j++) {
    if (a[i] !== b[j]) return a[i]! < b[j]! ? -1 : 1;
  }
  return 0;
}

/** Plain code-unit ordering of two strings (C `strcmp`, Go string comparison). */
export function compareText(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isDigitString = (s: string): boolean => /^[0-9]+$/.test(s);

/**
 * Memoises a pure function of a string, forgetting everything once `limit` entries are held: a
 * scan compares the same few thousand version strings over and over, and parsing dominates.
 */
export function memoize<T>(fn: (s: string) => T, limit = 100_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= limit) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}
