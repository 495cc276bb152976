import { compareDigits, compareText, type VersionScheme } from './scheme.js';

/**
 * RPM (`rpmvercmp`, with `~` sorting before anything and `^` after the end but before more
 * segments): `[epoch:]version[-release]`. Epochs compare with the same algorithm (a missing one is
 * "0"); a release present on one side only makes that side greater, as OSV tooling does.
 */
const isAlnum = (c: string) => /[A-Za-z0-9]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isAlnum(a[i]!) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]!) && b[j] !== '~' && b[j] !== '^') j++;
    if (i >= a.length && j >= b.length) return 0;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const si = i;
    const sj = j;
    const numeric = isDigit(a[i]);
    const inRun = numeric ? isDigit : isAlpha;
    while (i < a.length && inRun(a[i])) i++;
    while (j < b.length && inRun(b[j])) j++;
    if (j === sj) return numeric ? 1 : -1;
    const c = numeric ? compareDigits(a.slice(si, i), b.slice(sj, j)) : compareText(a.slice(si, i), b.slice(sj, j));
    if (c !== 0) return c;
  }
  return i >= a.length ? -1 : 1;
}

function split(version: string): { epoch: string; version: string; release: string | undefined } {
  let s = version.trim();
  let epoch = '0';
  const colon = s.indexOf(':');
  if (colon !== -1) {
    epoch = s.slice(0, colon);
    s = s.slice(colon + 1);
  }
  const dash = s.lastIndexOf('-');
  return dash === -1
    ? { epoch, version: s, release: undefined }
    : { epoch, version: s.slice(0, dash), release: s.slice(dash + 1) };
}

export const rpm: VersionScheme = {
  id: 'rpm',
  title: 'RPM rpmvercmp (epoch, version, release, ~ and ^)',
  compare: (a, b) => {
    const pa = split(a);
    const pb = split(b);
    const c = rpmvercmp(pa.epoch, pb.epoch) || rpmvercmp(pa.version, pb.version);
    if (c !== 0) return c;
    if (pa.release === undefined || pb.release === undefined) {
      return pa.release === pb.release ? 0 : pa.release === undefined ? -1 : 1;
    }
    return rpmvercmp(pa.release, pb.release);
  },
};
