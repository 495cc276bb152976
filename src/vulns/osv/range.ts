import { schemeForEcosystem, VERSION_SCHEMES, type VersionScheme } from '../versions/index.js';
import { splitEcosystem } from './ecosystem.js';
import { eventKind, eventValue, type OsvAffected, type OsvEventKind, type OsvRange } from './record.js';

/**
 * Evaluation of one `affected[]` entry of an OSV record against a version, following the OSV
 * schema's algorithm: events sorted by version, `introduced` opens, `fixed` (at or above) and
 * `last_affected` (above) close, `limit` caps the range. Ranges are compiled once (events sorted
 * with the scheme) so a scan of many components pays the sort once per record.
 */
export interface CompiledEvent {
  kind: OsvEventKind;
  value: string;
}

export interface CompiledRange {
  /** Index of the range in `affected[].ranges`. */
  index: number;
  type: 'SEMVER' | 'ECOSYSTEM';
  scheme: VersionScheme;
  events: CompiledEvent[];
  limits: string[];
}

export interface CompiledAffected {
  ranges: CompiledRange[];
  /** Exact versions listed by the record. */
  versions: Set<string>;
  /** Every `fixed` version across the ranges, in record order. */
  fixed: string[];
  /** Ranges that cannot be evaluated here, with why (GIT ranges, unknown schemes). */
  skipped: { index: number; reason: string }[];
}

/** How a version was found inside an affected entry. */
export type AffectedHit =
  | {
      via: 'range';
      range: { index: number; type: 'SEMVER' | 'ECOSYSTEM' };
      scheme: { id: string; title: string };
      /** The event that opened the range for this version (`0` = from the first version). */
      introduced: string;
      /** The event that closes it above this version, when there is one. */
      closedBy?: { kind: 'fixed' | 'last_affected' | 'limit'; version: string };
    }
  | { via: 'versions'; version: string };

export const GIT_RANGE_REASON = 'GIT ranges name commits, not versions: not matched against components';

export function compileAffected(affected: OsvAffected): CompiledAffected {
  const out: CompiledAffected = { ranges: [], versions: new Set(affected.versions ?? []), fixed: [], skipped: [] };
  const ecosystem = affected.package?.ecosystem ?? '';
  (affected.ranges ?? []).forEach((range: OsvRange, index) => {
    for (const e of range.events ?? []) if ('fixed' in e && range.type !== 'GIT') out.fixed.push(e.fixed);
    if (range.type === 'GIT') return void out.skipped.push({ index, reason: GIT_RANGE_REASON });
    let scheme: VersionScheme | undefined;
    if (range.type === 'SEMVER') scheme = VERSION_SCHEMES.semver;
    else if (range.type === 'ECOSYSTEM') {
      const found = schemeForEcosystem(splitEcosystem(ecosystem).base);
      if ('unknown' in found) return void out.skipped.push({ index, reason: found.unknown });
      scheme = found.scheme;
    }
    if (!scheme)
      return void out.skipped.push({ index, reason: `range type "${String(range.type)}" is not one OSV defines` });
    const cmp = scheme.compare;
    const rank = (k: OsvEventKind) => (k === 'introduced' ? 0 : 1);
    const events = (range.events ?? [])
      .map((e) => ({ kind: eventKind(e), value: eventValue(e) }))
      .filter((e) => e.kind !== 'limit');
    events.sort((a, b) => {
      const zeroA = a.kind === 'introduced' && a.value === '0';
      const zeroB = b.kind === 'introduced' && b.value === '0';
      if (zeroA || zeroB) return zeroA === zeroB ? 0 : zeroA ? -1 : 1;
      return cmp(a.value, b.value) || rank(a.kind) - rank(b.kind);
    });
    const limits = (range.events ?? []).filter((e) => 'limit' in e).map(eventValue);
    out.ranges.push({ index, type: range.type, scheme, events, limits });
  });
  return out;
}

function inRange(range: CompiledRange, version: string): AffectedHit | undefined {
  const cmp = range.scheme.compare;
  if (range.limits.length > 0 && !range.limits.some((l) => l === '*' || cmp(version, l) < 0)) return undefined;
  let open: string | undefined;
  let at = -1;
  for (let i = 0; i < range.events.length; i++) {
    const e = range.events[i]!;
    if (e.kind === 'introduced' && e.value === '0') {
      open = '0';
      at = i;
      continue;
    }
    const d = cmp(version, e.value);
    if (d < 0) break; // every later event is above the version
    if (e.kind === 'introduced') {
      open = e.value;
      at = i;
    } else if (e.kind === 'fixed' || (e.kind === 'last_affected' && d > 0)) open = undefined;
  }
  if (open === undefined) return undefined;
  const hit: AffectedHit = {
    via: 'range',
    range: { index: range.index, type: range.type },
    scheme: { id: range.scheme.id, title: range.scheme.title },
    introduced: open,
  };
  const close = range.events.slice(at + 1).find((e) => e.kind === 'fixed' || e.kind === 'last_affected');
  if (close) hit.closedBy = { kind: close.kind as 'fixed' | 'last_affected', version: close.value };
  else if (range.limits.length > 0) hit.closedBy = { kind: 'limit', version: range.limits[0]! };
  return hit;
}

/** Whether `version` is affected by the entry, and how: a range first, else the version list. */
export function affectedHit(compiled: CompiledAffected, version: string, listed = version): AffectedHit | undefined {
  for (const range of compiled.ranges) {
    const hit = inRange(range, version);
    if (hit) return hit;
  }
  if (compiled.versions.has(listed)) return { via: 'versions', version: listed };
  return undefined;
}
