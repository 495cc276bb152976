import { compareDigits, type VersionScheme } from './scheme.js';

/**
 * Composer/Packagist, after PHP's `version_compare`: strip a leading `v`, treat `-`, `_` and `+`
 * as `.`, cut between digits and letters; numbers compare numerically, words by their rank
 * (anything unknown < dev < alpha = a < beta = b < RC = rc < # (a number) < pl = p). When one side
 * runs out, its next part decides against "#": a number makes it greater, a pre-release word less.
 */
function parts(version: string): string[] {
  const s = version.trim().replace(/^[vV]/, '').replace(/[-_+]/g, '.');
  return s
    .replace(/([0-9])(?=[^0-9.])|([^0-9.])(?=[0-9])/g, '$1$2.')
    .split('.')
    .filter((p) => p !== '');
}

const FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function rank(word: string): number {
  for (const [form, r] of FORMS) if (word.startsWith(form)) return r;
  return -6;
}

const isNum = (p: string) => p.charCodeAt(0) >= 48 && p.charCodeAt(0) <= 57;

function comparePart(x: string, y: string): number {
  if (isNum(x) && isNum(y)) return compareDigits(x, y);
  return Math.sign(rank(isNum(x) ? '#' : x) - rank(isNum(y) ? '#' : y));
}

function compareTail(rest: string[]): number {
  for (const p of rest) {
    if (isNum(p)) return 1;
    const c = Math.sign(rank(p) - rank('#'));
    if (c !== 0) return c;
  }
  return 0;
}

export const composer: VersionScheme = {
  id: 'composer',
  title: 'Composer / PHP version_compare',
  compare: (a, b) => {
    const pa = parts(a);
    const pb = parts(b);
    const n = Math.min(pa.length, pb.length);
    for (let i = 0; i < n; i++) {
      const c = comparePart(pa[i]!, pb[i]!);
      if (c !== 0) return c;
    }
    if (pa.length > n) return compareTail(pa.slice(n));
    if (pb.length > n) return -compareTail(pb.slice(n));
    return 0;
  },
};
