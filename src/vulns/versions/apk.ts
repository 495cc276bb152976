import { compareDigits, compareText, type VersionScheme } from './scheme.js';

/**
 * Alpine apk: `number{.number}[letter]{_suffix[number]}[~hash][-rN]` (apk-package(5)), ordered
 * part by part as OSV tooling does for the Alpine ecosystem:
 * - numbers numerically, except that after the first one a leading zero makes the part compare
 *   as text (`1.01` < `1.1`);
 * - no letter < a letter; suffixes rank alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p,
 *   then by their number;
 * - the commit hash is ignored; the `-r` build number decides next;
 * - text left over that fits nowhere makes a version invalid: two invalid versions compare as plain
 *   strings, and a version with leftovers sorts below the same version without.
 */
interface ApkVersion {
  original: string;
  invalid: boolean;
  numbers: string[];
  letter: string;
  suffixes: [number, string][];
  build: string;
  remainder: string;
}

const SUFFIX_RANK = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const NO_SUFFIX: [number, string] = [SUFFIX_RANK.indexOf(''), '0'];

function parse(original: string): ApkVersion {
  let s = original;
  const numbers: string[] = [];
  const head = /^(?:\d+\.?)*/.exec(s)![0];
  for (const part of head.split('.')) {
    if (part === '') break; // a dot not followed by a digit ends the numbers, as apk allows
    numbers.push(part);
  }
  s = s.slice(head.length);
  let letter = '';
  if (/^[a-z]/.test(s)) {
    letter = s[0]!;
    s = s.slice(1);
  }
  const suffixes: [number, string][] = [];
  for (const m of s.matchAll(/_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\d*)/g)) {
    suffixes.push([SUFFIX_RANK.indexOf(m[1]!), m[2] || '0']);
    if (s.startsWith(m[0])) s = s.slice(m[0].length);
  }
  const hash = /^~[0-9a-f]+/.exec(s);
  if (hash) s = s.slice(hash[0].length);
  let build = '0';
  let invalid = false;
  if (s !== '') {
    const m = /^-r(\d*)/.exec(s);
    if (m) {
      build = m[1] || '0';
      s = s.slice(m[0].length);
    } else {
      invalid = true;
    }
  }
  return { original, invalid, numbers, letter, suffixes, build, remainder: s };
}

function compareNumber(a: string, ai: number, b: string, bi: number): number {
  if (ai !== 0 && bi !== 0 && (a.startsWith('0') || b.startsWith('0'))) return compareText(a, b);
  return compareDigits(a, b);
}

export function compareApk(x: string, y: string): number {
  const a = parse(x.trim());
  const b = parse(y.trim());
  if (a.invalid && b.invalid) return compareText(a.original, b.original);
  for (let i = 0; i < Math.max(a.numbers.length, b.numbers.length); i++) {
    const ia = i < a.numbers.length ? i : 0;
    const ib = i < b.numbers.length ? i : 0;
    const c = compareNumber(a.numbers[i] ?? '0', ia, b.numbers[i] ?? '0', ib);
    if (c !== 0) return c;
  }
  if (a.letter !== b.letter) return a.letter === '' ? -1 : b.letter === '' ? 1 : compareText(a.letter, b.letter);
  for (let i = 0; i < Math.max(a.suffixes.length, b.suffixes.length); i++) {
    const [wa, na] = a.suffixes[i] ?? NO_SUFFIX;
    const [wb, nb] = b.suffixes[i] ?? NO_SUFFIX;
    if (wa !== wb) return wa < wb ? -1 : 1;
    const c = compareDigits(na, nb);
    if (c !== 0) return c;
  }
  const c = compareDigits(a.build, b.build);
  if (c !== 0) return c;
  if ((a.remainder === '') !== (b.remainder === '')) return a.remainder === '' ? 1 : -1;
  return 0;
}

export const apk: VersionScheme = {
  id: 'apk',
  title: 'Alpine apk (number, letter, suffixes, -r build)',
  compare: compareApk,
};
