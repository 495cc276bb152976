/**
 * Simple semver ranges for portfolio queries: `>=2.0.0 <2.15.0`, `2.14.x`, `^1.2.0`, `~1.2.3`, `*`,
 * an exact version, and alternatives joined by `||`. Versions compare by their numeric parts; a
 * pre-release sorts before its release. Not a full node-semver: enough to find who ships what.
 */
export type VersionPredicate = (version: string) => boolean;

interface Parsed {
  parts: number[];
  pre: string | null;
}

/** The predicate, or a message saying what is wrong with the range. */
export function parseVersionRange(range: string): VersionPredicate | string {
  const alternatives = range.split('||').map((a) => a.trim());
  const sets: VersionPredicate[][] = [];
  for (const alt of alternatives) {
    if (alt === '' && alternatives.length > 1) return `empty alternative in "${range}"`;
    const tests: VersionPredicate[] = [];
    // ">= 2.0.0" is sometimes written with a space: the operator belongs to the version after it.
    for (const token of alt
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)) {
      const t = comparator(token);
      if (typeof t === 'string') return t;
      tests.push(t);
    }
    sets.push(tests);
  }
  return (version) => {
    const v = parseVersion(version);
    if (!v) return sets.some((tests) => tests.length === 0) || alternatives.includes(version);
    return sets.some((tests) => tests.every((t) => t(version)));
  };
}

function comparator(token: string): VersionPredicate | string {
  if (token === '') return () => true;
  if (token === '*' || token.toLowerCase() === 'x') return () => true;
  const m = /^(>=|<=|>|<|=|\^|~)?v?(.+)$/.exec(token)!;
  const op = m[1] ?? '';
  const text = m[2];
  const wildcard = /^(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/i.exec(text);
  if (!wildcard && !parseVersion(text)) return `"${token}" is not a version or a range`;
  if (
    wildcard &&
    (op === '' || op === '=') &&
    (wildcard[2] === undefined || /[x*]/i.test(wildcard[2]) || wildcard[3] === undefined || /[x*]/i.test(wildcard[3]))
  ) {
    // 2.14.x, 2.x, 2.14, 2: every version with those leading numbers.
    const fixed = [wildcard[1], wildcard[2], wildcard[3]]
      .filter((p) => p !== undefined && !/[x*]/i.test(p))
      .map(Number);
    return (v) => {
      const p = parseVersion(v);
      return !!p && fixed.every((n, i) => (p.parts[i] ?? 0) === n);
    };
  }
  const bound = parseVersion(text.replace(/\.[x*]/gi, '.0'))!;
  switch (op) {
    case '>=':
      return (v) => cmp(v, bound) >= 0;
    case '>':
      return (v) => cmp(v, bound) > 0;
    case '<=':
      return (v) => cmp(v, bound) <= 0;
    case '<':
      return (v) => cmp(v, bound) < 0;
    case '^': {
      // Up to the next change of the first non-zero number.
      const i = bound.parts.findIndex((n) => n !== 0);
      const upper = nextAt(bound, i < 0 ? bound.parts.length - 1 : Math.min(i, 2));
      return (v) => cmp(v, bound) >= 0 && cmp(v, upper) < 0;
    }
    case '~': {
      const upper = nextAt(bound, bound.parts.length > 1 ? 1 : 0);
      return (v) => cmp(v, bound) >= 0 && cmp(v, upper) < 0;
    }
    default:
      return (v) => cmp(v, bound) === 0;
  }
}

function nextAt(v: Parsed, index: number): Parsed {
  const parts = v.parts.slice(0, index + 1);
  parts[index] = (parts[index] ?? 0) + 1;
  return { parts, pre: '' };
}

export function parseVersion(text: string): Parsed | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  return { parts: m[1].split('.').map(Number), pre: m[2] ?? null };
}

function cmp(version: string, bound: Parsed): number {
  const v = parseVersion(version);
  if (!v) return NaN;
  const n = Math.max(v.parts.length, bound.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (v.parts[i] ?? 0) - (bound.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // '' marks an upper bound made by nextAt: every pre-release of it still sorts below.
  if (bound.pre === '') return v.pre === null ? 0 : -1;
  if (v.pre === bound.pre) return 0;
  if (v.pre === null) return 1;
  if (bound.pre === null) return -1;
  return comparePre(v.pre, bound.pre);
}

function comparePre(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]) ? Number(pa[i]) : NaN;
    const nb = /^\d+$/.test(pb[i]) ? Number(pb[i]) : NaN;
    if (!isNaN(na) && !isNaN(nb)) {
      if (na !== nb) return Math.sign(na - nb);
    } else if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}
