import { schemeForVers } from './index.js';
import type { VersionScheme } from './scheme.js';

/**
 * The vers range syntax (package-url/vers-spec): `vers:<scheme>/<constraint>|<constraint>…`, each
 * constraint an optional comparator (`=` `!=` `<` `<=` `>` `>=`) and a percent-encoded version, or
 * `*` alone for every version. Canonical form: no whitespace, no empty constraints, constraints
 * sorted by version with the scheme's own order.
 */
export type VersComparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '*';

export interface VersConstraint {
  comparator: VersComparator;
  version: string;
}

export interface VersRange {
  scheme: string;
  constraints: VersConstraint[];
}

export type VersParse = { range: VersRange; versionScheme: VersionScheme } | { error: string };

const COMPARATORS: VersComparator[] = ['>=', '<=', '!=', '<', '>', '='];

function decodeVersion(raw: string, scheme: string): string | { error: string } {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return { error: 'invalid percent-encoding in version' };
  if (/%[0-9A-F]?[a-f]/.test(raw)) return { error: 'percent-encoding in version is not canonical' };
  if (scheme === 'datetime') {
    if (/%3A/.test(raw)) return { error: 'datetime time colons must be unencoded' };
    if (/[tz]/.test(raw)) return { error: 'datetime must use uppercase T and Z' };
  }
  return decodeURIComponent(raw);
}

/**
 * Reads a vers string. With `canonical` (the default) every rule of the canonical form is
 * enforced and a violation is an error naming it; without, whitespace is dropped and the
 * constraints are sorted, giving the canonical range (`normalizeVers`).
 */
export function parseVers(text: string, options: { canonical?: boolean } = {}): VersParse {
  const canonical = options.canonical ?? true;
  const fail = (why: string): VersParse => ({ error: `non-canonical VERS: ${why}` });
  let s = text;
  if (/\s/.test(s)) {
    if (canonical) return fail('whitespace is not permitted');
    s = s.replace(/\s+/g, '');
  }
  const m = /^vers:([A-Za-z0-9.+-]+)\/(.*)$/.exec(s);
  if (!m) return { error: `not a vers range (expected vers:<scheme>/<constraints>): ${text}` };
  const scheme = m[1]!.toLowerCase();
  const found = schemeForVers(scheme);
  if ('unknown' in found) return { error: found.unknown };
  const body = m[2]!;
  if (body === '') return { error: 'a vers range needs at least one constraint' };
  if (body === '*')
    return { range: { scheme, constraints: [{ comparator: '*', version: '' }] }, versionScheme: found.scheme };
  if (canonical) {
    if (body.startsWith('|')) return fail('leading pipe is not permitted');
    if (body.endsWith('|')) return fail('trailing pipe is not permitted');
    if (body.includes('||')) return fail('consecutive pipes are not permitted');
  }
  const constraints: VersConstraint[] = [];
  for (const part of body.split('|')) {
    if (part === '') continue;
    const comparator = COMPARATORS.find((c) => part.startsWith(c)) ?? '=';
    const raw = part.slice(comparator === '=' && !part.startsWith('=') ? 0 : comparator.length);
    if (raw === '' || raw === '*') return { error: `constraint "${part}" has no version` };
    const version = decodeVersion(raw, scheme);
    if (typeof version !== 'string') return fail(version.error);
    constraints.push({ comparator, version });
  }
  const cmp = found.scheme.compare;
  for (let i = 1; i < constraints.length; i++) {
    if (cmp(constraints[i - 1]!.version, constraints[i]!.version) > 0) {
      if (canonical) return fail('constraints are not sorted by version');
      constraints.sort((a, b) => cmp(a.version, b.version));
      break;
    }
  }
  return { range: { scheme, constraints }, versionScheme: found.scheme };
}

/** The canonical text of a range: percent-encoding kept for `|`, `%` and whitespace only. */
export function formatVers(range: VersRange): string {
  const body = range.constraints
    .map((c) =>
      c.comparator === '*'
        ? '*'
        : `${c.comparator === '=' ? '' : c.comparator}${c.version.replace(/[%|\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`,
    )
    .join('|');
  return `vers:${range.scheme}/${body}`;
}

/** Whether `version` is inside the range, by the vers-spec containment algorithm. */
export function versContains(range: VersRange, scheme: VersionScheme, version: string): boolean {
  const cs = range.constraints;
  if (cs.length === 1 && cs[0]!.comparator === '*') return true;
  const cmp = (a: string) => scheme.compare(version, a);
  for (const c of cs) {
    if (c.comparator === '=' && cmp(c.version) === 0) return true;
    if (c.comparator === '!=' && cmp(c.version) === 0) return false;
  }
  const bounds = cs.filter((c) => c.comparator !== '=' && c.comparator !== '!=');
  if (bounds.length === 0) return false;
  const satisfies = (c: VersConstraint) => {
    const d = cmp(c.version);
    if (c.comparator === '<') return d < 0;
    if (c.comparator === '<=') return d <= 0;
    if (c.comparator === '>') return d > 0;
    return d >= 0;
  };
  const lower = (c: VersConstraint) => c.comparator === '>' || c.comparator === '>=';
  const first = bounds[0]!;
  const last = bounds[bounds.length - 1]!;
  if (!lower(first) && satisfies(first)) return true;
  if (lower(last) && satisfies(last)) return true;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const cur = bounds[i]!;
    const next = bounds[i + 1]!;
    if (lower(cur) && !lower(next) && satisfies(cur) && satisfies(next)) return true;
  }
  return false;
}
