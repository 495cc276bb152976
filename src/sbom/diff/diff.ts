import type { Component, LicenseRole, LicenseStatement, Sbom } from '../../model/index.js';
import { allComponents } from '../graph.js';
import { componentIdentity } from './identity.js';
import { pairComponents } from './pairing.js';

export interface DiffComponent {
  /** Package identity (versionless purl, or type:group/name). */
  identity: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
}

export interface VersionChange {
  identity: string;
  name: string;
  group?: string;
  from?: string;
  to?: string;
}

export interface LicenseChange {
  identity: string;
  name: string;
  /** The version in the second document. */
  version?: string;
  role: LicenseRole;
  /** The statement (SPDX expression when there is one, else raw text); absent when there was none. */
  from?: string;
  to?: string;
}

/** A dependency edge between two package identities. */
export interface EdgeChange {
  from: string;
  to: string;
}

export interface SbomDiff {
  added: DiffComponent[];
  removed: DiffComponent[];
  versionChanged: VersionChange[];
  licenseChanged: LicenseChange[];
  dependenciesAdded: EdgeChange[];
  dependenciesRemoved: EdgeChange[];
  hasDifferences: boolean;
}

const ROLES: LicenseRole[] = ['declared', 'concluded', 'effective'];

/**
 * What changed from `a` to `b`, whatever their formats: components are matched by package identity
 * (primary components included), so refs that differ between documents do not matter. Deterministic:
 * every list is sorted.
 */
export function diffSboms(a: Sbom, b: Sbom): SbomDiff {
  const groupsA = groupByIdentity(allComponents(a, true));
  const groupsB = groupByIdentity(allComponents(b, true));
  const added: DiffComponent[] = [];
  const removed: DiffComponent[] = [];
  const versionChanged: VersionChange[] = [];
  const licenseChanged: LicenseChange[] = [];

  for (const identity of new Set([...groupsA.keys(), ...groupsB.keys()])) {
    const { pairs, onlyA, onlyB } = pairComponents(groupsA.get(identity) ?? [], groupsB.get(identity) ?? []);
    removed.push(...onlyA.map((c) => describe(identity, c)));
    added.push(...onlyB.map((c) => describe(identity, c)));
    for (const [x, y] of pairs) {
      if ((x.version ?? '') !== (y.version ?? '')) {
        versionChanged.push(
          withoutUndefined({ identity, name: y.name, group: y.group, from: x.version, to: y.version }),
        );
      }
      for (const role of ROLES) {
        const from = x.licenses[role];
        const to = y.licenses[role];
        if (!sameLicense(from, to)) {
          licenseChanged.push(
            withoutUndefined({ identity, name: y.name, version: y.version, role, from: shown(from), to: shown(to) }),
          );
        }
      }
    }
  }

  const edgesA = edgesByIdentity(a);
  const edgesB = edgesByIdentity(b);
  const dependenciesAdded = [...edgesB]
    .filter((e) => !edgesA.has(e))
    .sort()
    .map(splitEdge);
  const dependenciesRemoved = [...edgesA]
    .filter((e) => !edgesB.has(e))
    .sort()
    .map(splitEdge);

  const byIdentityThenVersion = (x: { identity: string; version?: string; from?: string }, y: typeof x) =>
    compare(x.identity, y.identity) || compare(x.version ?? x.from ?? '', y.version ?? y.from ?? '');
  added.sort(byIdentityThenVersion);
  removed.sort(byIdentityThenVersion);
  versionChanged.sort(byIdentityThenVersion);
  licenseChanged.sort((x, y) => byIdentityThenVersion(x, y) || ROLES.indexOf(x.role) - ROLES.indexOf(y.role));

  const hasDifferences =
    added.length +
      removed.length +
      versionChanged.length +
      licenseChanged.length +
      dependenciesAdded.length +
      dependenciesRemoved.length >
    0;
  return { added, removed, versionChanged, licenseChanged, dependenciesAdded, dependenciesRemoved, hasDifferences };
}

function groupByIdentity(components: Component[]): Map<string, Component[]> {
  const map = new Map<string, Component[]>();
  for (const c of components) {
    const id = componentIdentity(c);
    const list = map.get(id);
    if (list) list.push(c);
    else map.set(id, [c]);
  }
  return map;
}

function describe(identity: string, c: Component): DiffComponent {
  return withoutUndefined({ identity, name: c.name, group: c.group, version: c.version, purl: c.purl });
}

/** Expressions are compared when both sides have one (spacing and operator case ignored), else raw text. */
function sameLicense(a: LicenseStatement | undefined, b: LicenseStatement | undefined): boolean {
  // NOASSERTION says nothing, exactly like an absent statement (SPDX writes it where CycloneDX writes nothing).
  const x = isNoAssertion(a) ? undefined : a;
  const y = isNoAssertion(b) ? undefined : b;
  if (!x || !y) return x === y;
  if (x.expression !== undefined && y.expression !== undefined) {
    return normalizeExpression(x.expression) === normalizeExpression(y.expression);
  }
  return x.raw.trim() === y.raw.trim();
}

function isNoAssertion(s: LicenseStatement | undefined): boolean {
  return s !== undefined && s.raw.trim().toUpperCase() === 'NOASSERTION';
}

function normalizeExpression(e: string): string {
  return e
    .replace(/\s+/g, ' ')
    .replace(/\(\s*/g, '(')
    .replace(/\s*\)/g, ')')
    .replace(/ (and|or|with) /gi, (m) => m.toUpperCase())
    .trim();
}

function shown(s: LicenseStatement | undefined): string | undefined {
  return s ? (s.expression ?? s.raw) : undefined;
}

const EDGE_SEPARATOR = '\u0000';

/** Edges between package identities; a ref that names no component stands for itself. */
function edgesByIdentity(sbom: Sbom): Set<string> {
  const identityOfRef = new Map<string, string>();
  for (const c of allComponents(sbom, true))
    if (!identityOfRef.has(c.ref)) identityOfRef.set(c.ref, componentIdentity(c));
  const idOf = (ref: string) => identityOfRef.get(ref) ?? `ref:${ref}`;
  const edges = new Set<string>();
  for (const d of sbom.dependencies) for (const t of d.dependsOn) edges.add(idOf(d.ref) + EDGE_SEPARATOR + idOf(t));
  return edges;
}

function splitEdge(edge: string): EdgeChange {
  const [from, to] = edge.split(EDGE_SEPARATOR);
  return { from, to };
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
