import { compareDigits, type VersionScheme } from './scheme.js';

/**
 * Debian (dpkg `verrevcmp`): `[epoch:]upstream[-revision]`. Within a part, non-digit runs compare
 * character by character where `~` sorts before everything (even the end), letters before other
 * symbols; digit runs compare numerically. A missing epoch is 0 and a missing revision is "0".
 */
function split(version: string): [string, string, string] {
  let s = version.trim();
  let epoch = '0';
  const colon = s.indexOf(':');
  if (colon !== -1 && /^[0-9]*$/.test(s.slice(0, colon))) {
    epoch = s.slice(0, colon) || '0';
    s = s.slice(colon + 1);
  }
  const dash = s.lastIndexOf('-');
  return dash === -1 ? [epoch, s, ''] : [epoch, s.slice(0, dash), s.slice(dash + 1)];
}

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (/[0-9]/.test(c)) return 0;
  return c.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(i < a.length && !isDigit(a[i]) ? a[i] : undefined);
      const bc = order(j < b.length && !isDigit(b[j]) ? b[j] : undefined);
      if (ac !== bc) return ac - bc;
      if (i < a.length && !isDigit(a[i])) i++;
      if (j < b.length && !isDigit(b[j])) j++;
    }
    const si = i;
    while (isDigit(a[i])) i++;
    const sj = j;
    while (isDigit(b[j])) j++;
    const c = compareDigits(a.slice(si, i) || '0', b.slice(sj, j) || '0');
    if (c !== 0) return c;
  }
  return 0;
}

export const dpkg: VersionScheme = {
  id: 'deb',
  title: 'Debian dpkg (epoch, upstream, revision, ~)',
  compare: (a, b) => {
    const [ea, ua, ra] = split(a);
    const [eb, ub, rb] = split(b);
    return compareDigits(ea, eb) || Math.sign(verrevcmp(ua, ub)) || Math.sign(verrevcmp(ra, rb));
  },
};
