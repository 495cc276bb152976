import type { VersionScheme } from './scheme.js';

/** vers `lexicographic`: Unicode code point order, no normalisation (`e` + U+0301 < `é`). */
export const lexicographic: VersionScheme = {
  id: 'lexicographic',
  title: 'Unicode code point order',
  compare: (a, b) => {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
      if (d !== 0) return Math.sign(d);
    }
    return Math.sign(x.length - y.length);
  },
};

/** Instant of an RFC 3339 timestamp in ms, with the fraction kept to the nanosecond as a tie-break. */
function instant(text: string): [number, number] {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(text.trim());
  if (!m) return [Number.NaN, 0];
  const fraction = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  return [Date.parse(`${m[1]}${m[3]!.toUpperCase()}`), Number(fraction)];
}

/** vers `datetime`: RFC 3339 timestamps ordered by the instant they name (offsets applied). */
export const datetime: VersionScheme = {
  id: 'datetime',
  title: 'RFC 3339 instants',
  compare: (a, b) => {
    const [ta, fa] = instant(a);
    const [tb, fb] = instant(b);
    if (Number.isNaN(ta) || Number.isNaN(tb)) return lexicographic.compare(a, b);
    return Math.sign(ta - tb) || Math.sign(fa - fb);
  },
};
