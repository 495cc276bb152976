// CycloneDX enumerations and how they map onto the Vigie model, per spec version where they differ.
import {
  COMPONENT_TYPES,
  HASH_ALGORITHMS,
  type Completeness,
  type ComponentScope,
  type ComponentType,
  type HashAlgorithm,
} from '../../../model/index.js';
import type { EncodeVersion } from './versions.js';

const componentTypes: ReadonlySet<string> = new Set(COMPONENT_TYPES);

export function asComponentType(value: unknown): ComponentType | undefined {
  return typeof value === 'string' && componentTypes.has(value) ? (value as ComponentType) : undefined;
}

const scopes: ReadonlySet<string> = new Set(['required', 'optional', 'excluded']);

export function asScope(value: unknown): ComponentScope | undefined {
  return typeof value === 'string' && scopes.has(value) ? (value as ComponentScope) : undefined;
}

/** Upper-cased spelling → the model's spelling (CycloneDX 1.7 writes "Streebog-256", the model "STREEBOG-256"). */
const hashByUpper = new Map<string, HashAlgorithm>(HASH_ALGORITHMS.map((a) => [a.toUpperCase(), a]));

export function asHashAlgorithm(value: string): HashAlgorithm | undefined {
  return hashByUpper.get(value.toUpperCase());
}

const BASE_HASHES = [
  'MD5',
  'SHA-1',
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
];
const HASHES_BY_VERSION: Record<EncodeVersion, ReadonlyMap<string, string>> = {
  '1.6': new Map(BASE_HASHES.map((a) => [a.toUpperCase(), a])),
  '1.7': new Map([...BASE_HASHES, 'Streebog-256', 'Streebog-512'].map((a) => [a.toUpperCase(), a])),
};

/** The spelling the target version's schema accepts, or undefined when it has no such algorithm. */
export function hashAlgorithmFor(version: EncodeVersion, alg: string): string | undefined {
  return HASHES_BY_VERSION[version].get(alg.toUpperCase());
}

/** The schemas accept only digests of these hex lengths. */
export function isSchemaHashContent(content: string): boolean {
  const n = content.length;
  if (n !== 32 && n !== 40 && n !== 64 && n !== 96 && n !== 128) return false;
  for (let i = 0; i < n; i++) {
    const c = content.charCodeAt(i);
    const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!hex) return false;
  }
  return true;
}

const EXTERNAL_REFERENCE_TYPES_1_6 = [
  'vcs',
  'issue-tracker',
  'website',
  'advisories',
  'bom',
  'mailing-list',
  'social',
  'chat',
  'documentation',
  'support',
  'source-distribution',
  'distribution',
  'distribution-intake',
  'license',
  'build-meta',
  'build-system',
  'release-notes',
  'security-contact',
  'model-card',
  'log',
  'configuration',
  'evidence',
  'formulation',
  'attestation',
  'threat-model',
  'adversary-model',
  'risk-assessment',
  'vulnerability-assertion',
  'exploitability-statement',
  'pentest-report',
  'static-analysis-report',
  'dynamic-analysis-report',
  'runtime-analysis-report',
  'component-analysis-report',
  'maturity-report',
  'certification-report',
  'codified-infrastructure',
  'quality-metrics',
  'poam',
  'electronic-signature',
  'digital-signature',
  'rfc-9116',
  'other',
];
export const EXTERNAL_REFERENCE_TYPES: Record<EncodeVersion, ReadonlySet<string>> = {
  '1.6': new Set(EXTERNAL_REFERENCE_TYPES_1_6),
  '1.7': new Set([...EXTERNAL_REFERENCE_TYPES_1_6, 'patent', 'patent-family', 'patent-assertion', 'citation']),
};

export function isExternalReferenceType(version: EncodeVersion, type: string): boolean {
  return EXTERNAL_REFERENCE_TYPES[version].has(type);
}

export const LIFECYCLE_PHASES: ReadonlySet<string> = new Set([
  'design',
  'pre-build',
  'build',
  'post-build',
  'operations',
  'discovery',
  'decommission',
]);

/**
 * CycloneDX 1.5 split "incomplete first/third party" by proprietary/open source; the model keeps the
 * coarser 1.3 words, which still tell whether the graph can be trusted.
 */
export function asCompleteness(aggregate: unknown): Completeness | undefined {
  switch (aggregate) {
    case 'complete':
    case 'incomplete':
    case 'unknown':
    case 'not_specified':
    case 'incomplete_first_party_only':
    case 'incomplete_third_party_only':
      return aggregate;
    case 'incomplete_first_party_proprietary_only':
    case 'incomplete_first_party_opensource_only':
      return 'incomplete_first_party_only';
    case 'incomplete_third_party_proprietary_only':
    case 'incomplete_third_party_opensource_only':
      return 'incomplete_third_party_only';
    default:
      return undefined;
  }
}
