import { compareDigits, compareText, isDigitString, type VersionScheme } from './scheme.js';

/**
 * RubyGems (`Gem::Version#<=>`): `-` means `.pre.`; segments are digit runs and letter runs; the
 * numeric head and the text tail each lose trailing zeros; a letter segment sorts before a
 * number (so `1.2.4.beta < 1.2.4`), letters compare as text, numbers numerically.
 */
function segments(version: string): string[] {
  const s = version.trim().replace(/-/g, '.pre.');
  const all = s.match(/[0-9]+|[a-z]+/gi) ?? [];
  const firstText = all.findIndex((x) => !isDigitString(x));
  const head = firstText === -1 ? all : all.slice(0, firstText);
  const tail = firstText === -1 ? [] : all.slice(firstText);
  const trim = (xs: string[]) => {
    let n = xs.length;
    while (n > 0 && isDigitString(xs[n - 1]!) && /^0+$/.test(xs[n - 1]!)) n--;
    return xs.slice(0, n);
  };
  return [...trim(head), ...trim(tail)];
}

export const rubygems: VersionScheme = {
  id: 'gem',
  title: 'RubyGems Gem::Version',
  compare: (a, b) => {
    const sa = segments(a);
    const sb = segments(b);
    const n = Math.max(sa.length, sb.length);
    for (let i = 0; i < n; i++) {
      const x = sa[i] ?? '0';
      const y = sb[i] ?? '0';
      const xn = isDigitString(x);
      const yn = isDigitString(y);
      const c = xn && yn ? compareDigits(x, y) : !xn && yn ? -1 : xn && !yn ? 1 : compareText(x, y);
      if (c !== 0) return c;
    }
    return 0;
  },
};
