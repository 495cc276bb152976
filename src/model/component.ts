import type { DatasetFacts, ModelCard } from './ai.js';
import type { LicenseRoles } from './license-statement.js';
import type { DeclaredUsage } from './usage-context.js';

/** Every CycloneDX 1.7 component type; other formats map onto these. */
export const COMPONENT_TYPES = [
  'application',
  'framework',
  'library',
  'container',
  'platform',
  'operating-system',
  'device',
  'device-driver',
  'firmware',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export const HASH_ALGORITHMS = [
  'MD5',
  'SHA-1',
  'SHA-224',
  'SHA-256',
  'SHA-384',
  'SHA-512',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'BLAKE2b-256',
  'BLAKE2b-384',
  'BLAKE2b-512',
  'BLAKE3',
  'MD2',
  'MD4',
  'MD6',
  'ADLER32',
  'SHA3-224',
  'STREEBOG-256',
  'STREEBOG-512',
] as const;
/** CycloneDX spelling of the algorithm; unknown algorithms are kept as found. */
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number] | (string & {});

export interface Hash {
  alg: HashAlgorithm;
  /** Lower-case hex digest. */
  content: string;
}

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}

/** Supplier, manufacturer or publisher organisation (or person, for SPDX `Person:` suppliers). */
export interface OrganizationalEntity {
  name?: string;
  urls?: string[];
  contacts?: Contact[];
  /** SPDX distinguishes `Organization:` from `Person:`; CycloneDX entities are organisations. */
  kind?: 'organization' | 'person';
}

export interface ExternalReference {
  /** CycloneDX external reference type (`website`, `vcs`, `distribution`, `issue-tracker`, …). */
  type: string;
  url: string;
  comment?: string;
  hashes?: Hash[];
}

export interface Property {
  name: string;
  value: string;
}

/** CycloneDX component scope: is it needed at run time? */
export type ComponentScope = 'required' | 'optional' | 'excluded';

/**
 * The package manager's dependency kind, in Hermine's "usage scope" vocabulary
 * (npm: dependencies, devDependencies, optionalDependencies, peerDependencies).
 */
export type DependencyScope = 'prod' | 'dev' | 'optional' | 'peer' | (string & {});

export interface Component {
  /** Identifier unique inside the document (CycloneDX bom-ref, SPDX SPDXID, SPDX 3 spdxId). */
  ref: string;
  type: ComponentType;
  name: string;
  /** Namespace / group as the purl namespace reads: CycloneDX group, Maven groupId, npm scope with its "@" (as cyclonedx-npm and cdxgen write it). */
  group?: string;
  version?: string;
  description?: string;
  /** Canonical purl string (see model/purl). */
  purl?: string;
  cpe?: string;
  /** SWID tag id or OmniBOR id when present; kept for identity matching. */
  otherIdentifiers?: string[];
  hashes: Hash[];
  supplier?: OrganizationalEntity;
  manufacturer?: OrganizationalEntity;
  authors?: Contact[];
  publisher?: string;
  copyright?: string;
  licenses: LicenseRoles;
  externalReferences: ExternalReference[];
  properties: Property[];
  scope?: ComponentScope;
  dependencyScope?: DependencyScope;
  /** Main programming language, when known (Hermine keeps it on the component). */
  language?: string;
  /** Where the component was found (file path inside a package, lockfile path, …). */
  evidence?: string[];
  /** Sub-components (CycloneDX nested components, assemblies). */
  components?: Component[];
  /** Model card of a `machine-learning-model` component. */
  modelCard?: ModelCard;
  /** Facts about a `data` component's dataset. */
  dataset?: DatasetFacts;
  /** The usages the document declares (project, scope, linking, modification), when it says. */
  usages?: DeclaredUsage[];
}

/** Homepage is kept as an external reference of type `website`; this reads it. */
export function homepageOf(c: Component): string | undefined {
  return c.externalReferences.find((r) => r.type === 'website')?.url;
}

export function propertyOf(c: { properties: Property[] }, name: string): string | undefined {
  return c.properties.find((p) => p.name === name)?.value;
}

/** A short human label for messages: `group/name@version`. */
export function componentLabel(c: Pick<Component, 'group' | 'name' | 'version'>): string {
  const base = c.group ? `${c.group}/${c.name}` : c.name;
  return c.version ? `${base}@${c.version}` : base;
}
