import { compareDigits, compareText, isDigitString, memoize, type VersionScheme } from './scheme.js';

/**
 * Semantic Versioning 2.0 precedence, read leniently the way OSV tooling does for npm, crates.io,
 * Hex and Go: an optional `v`, one to three numeric components (missing ones are 0, numbers of any
 * length), then `-prerelease` and `+build`. Anything after the third component that is not a
 * prerelease counts as build metadata (`1.1.3.4.5` is `1.1.3` with build `.4.5`). Go's
 * `+incompatible` is build metadata and pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`)
 * are prereleases, so both order correctly with no special case.
 */
export interface SemverParts {
  core: [string, string, string];
  prerelease: string[];
  build: string[];
}

export function parseSemver(version: string): SemverParts {
  let s = version.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  const core: [string, string, string] = ['0', '0', '0'];
  let i = 0;
  for (let n = 0; n < 3; n++) {
    const start = i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i > start) core[n] = s.slice(start, i);
    if (n < 2 && s[i] === '.' && /[0-9]/.test(s[i + 1] ?? '')) i++;
    else break;
  }
  let rest = s.slice(i);
  let prerelease: string[] = [];
  let build: string[] = [];
  const plus = rest.indexOf('+');
  if (rest.startsWith('-')) {
    const end = plus === -1 ? rest.length : plus;
    prerelease = rest.slice(1, end).split('.');
    rest = rest.slice(end);
  } else if (rest.length > 0 && !rest.startsWith('+') && !rest.startsWith('.')) {
    // Text glued to the core (`1.2.3abc`) is a prerelease: it sorts before the release.
    const end = plus === -1 ? rest.length : plus;
    prerelease = rest.slice(0, end).split('.');
    rest = rest.slice(end);
  }
  if (rest.length > 0) build = rest.slice(1).split('.');
  return { core, prerelease, build };
}

/** Identifier lists compared per SemVer §11: numbers numerically, numbers before text, longer wins. */
export function compareIdentifiers(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xn = isDigitString(x);
    const yn = isDigitString(y);
    const c = xn && yn ? compareDigits(x, y) : xn ? -1 : yn ? 1 : compareText(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareSemverParts(a: SemverParts, b: SemverParts): -1 | 0 | 1 {
  for (let i = 0; i < 3; i++) {
    const c = compareDigits(a.core[i]!, b.core[i]!);
    if (c !== 0) return c;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    if (a.prerelease.length === b.prerelease.length) return 0;
    return a.prerelease.length === 0 ? 1 : -1;
  }
  return compareIdentifiers(a.prerelease, b.prerelease);
}

const parsed = memoize(parseSemver);

export const semver: VersionScheme = {
  id: 'semver',
  title: 'Semantic Versioning 2.0 (build metadata ignored)',
  compare: (a, b) => compareSemverParts(parsed(a), parsed(b)),
};

/**
 * Dart's pub orders like SemVer except that build metadata counts: a version with a build sorts
 * after the same version without one, and builds compare like prerelease identifiers.
 */
export const pub: VersionScheme = {
  id: 'pub',
  title: 'Dart pub (SemVer with ordered build metadata)',
  compare: (a, b) => {
    const pa = parsed(a);
    const pb = parsed(b);
    const c = compareSemverParts(pa, pb);
    if (c !== 0) return c;
    if (pa.build.length === 0 || pb.build.length === 0) {
      return pa.build.length === pb.build.length ? 0 : pa.build.length === 0 ? -1 : 1;
    }
    return compareIdentifiers(pa.build, pb.build);
  },
};
