import { compareDigits, compareText, isDigitString, memoize, type VersionScheme } from './scheme.js';

/**
 * Versions that are only numbers joined by separators: CRAN (`1.0-2`, `0.3.2.0`: `.` and `-` are
 * the same separator) and Hackage (the Haskell PVP: `1.0.0.0`). Numbers compare numerically,
 * one by one; when one list is a prefix of the other, the longer is the greater (`1.0 < 1.0.0`,
 * as R's package_version and Cabal order them). A part that is not a number (odd data) sorts after
 * numbers and by its text, so that the order stays total.
 */
function dotted(id: string, title: string, separators: RegExp): VersionScheme {
  const parts = memoize((v: string) => v.trim().split(separators));
  return {
    id,
    title,
    compare: (a, b) => {
      const x = parts(a);
      const y = parts(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const p = x[i]!;
        const q = y[i]!;
        const pn = isDigitString(p);
        const qn = isDigitString(q);
        const c = pn && qn ? compareDigits(p, q) : pn ? -1 : qn ? 1 : compareText(p, q);
        if (c !== 0) return c;
      }
      return Math.sign(x.length - y.length);
    },
  };
}

export const cran = dotted('cran', 'CRAN package versions (numbers joined by . or -)', /[.-]/);
export const hackage = dotted('hackage', 'Haskell Package Versioning Policy (dotted numbers)', /\./);
