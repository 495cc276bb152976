import { compare as comparePep440, valid as validPep440 } from '@renovatebot/pep440';
import { compareText, memoize, type VersionScheme } from './scheme.js';

/**
 * PyPI: PEP 440 order (with its normalisation: `1.0RC1` = `1.0rc1`, `1.0-1` = `1.0.post1`…) for
 * valid versions. Versions PEP 440 rejects still exist on PyPI; like pip's old `LegacyVersion`
 * they sort before every valid version and among themselves by setuptools' legacy key.
 */
const LEGACY_REPLACE: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

function legacyKey(version: string): string[] {
  const parts: string[] = [];
  for (const raw of version.toLowerCase().split(/(\d+|[a-z]+|\.|-)/)) {
    const part = LEGACY_REPLACE[raw] ?? raw;
    if (part === '' || part === '.') continue;
    if (/^[0-9]/.test(part)) {
      parts.push(part.padStart(8, '0'));
    } else {
      if (part < '*final') {
        while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      }
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
      parts.push(`*${part}`);
    }
  }
  while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
  parts.push('*final');
  return parts;
}

function compareLegacy(a: string, b: string): number {
  const ka = legacyKey(a);
  const kb = legacyKey(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compareText(ka[i]!, kb[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(ka.length - kb.length);
}

const isValid = memoize((v) => validPep440(v) !== null);
// The library parses both sides on every call; a scan asks for the same pairs many times.
let pairs = new Map<string, number>();

function compareValid(a: string, b: string): number {
  const key = `${a}\n${b}`;
  let c = pairs.get(key);
  if (c === undefined) {
    if (pairs.size >= 200_000) pairs = new Map();
    c = Math.sign(comparePep440(a, b));
    pairs.set(key, c);
  }
  return c;
}

export const pep440: VersionScheme = {
  id: 'pypi',
  title: 'PEP 440 (legacy versions before valid ones)',
  compare: (a, b) => {
    const va = isValid(a);
    const vb = isValid(b);
    if (va && vb) return compareValid(a, b);
    if (va !== vb) return va ? 1 : -1;
    return compareLegacy(a, b);
  },
};
