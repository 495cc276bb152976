// Word-for-word correspondences between the SPDX 3 vocabularies and Vigie's (CycloneDX-shaped) model.
import type { ComponentType, DependencyScope, HashAlgorithm, LifecyclePhase } from '../../../model/index.js';

export const SPEC_VERSIONS = ['3.0.0', '3.0.1'] as const;
export const WRITTEN_VERSION = '3.0.1';
export const CONTEXT_URL = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';

/** Prefix under which the SPDX licence list publishes its licences as elements. */
export const LICENSE_LIST_PREFIXES = ['https://spdx.org/licenses/', 'http://spdx.org/licenses/'];
export const NO_ASSERTION_LICENSE = 'expandedlicensing_NoAssertionLicense';
export const NONE_LICENSE = 'expandedlicensing_NoneLicense';

/** Statement prefix of the Annotation carrying the effective (chosen) licence of a component. */
export const EFFECTIVE_LICENSE_STATEMENT = 'vigie:license:effective=';

const HASHES: ReadonlyArray<[string, HashAlgorithm]> = [
  ['md2', 'MD2'],
  ['md4', 'MD4'],
  ['md5', 'MD5'],
  ['md6', 'MD6'],
  ['sha1', 'SHA-1'],
  ['sha224', 'SHA-224'],
  ['sha256', 'SHA-256'],
  ['sha384', 'SHA-384'],
  ['sha512', 'SHA-512'],
  ['sha3_224', 'SHA3-224'],
  ['sha3_256', 'SHA3-256'],
  ['sha3_384', 'SHA3-384'],
  ['sha3_512', 'SHA3-512'],
  ['blake2b256', 'BLAKE2b-256'],
  ['blake2b384', 'BLAKE2b-384'],
  ['blake2b512', 'BLAKE2b-512'],
  ['blake3', 'BLAKE3'],
  ['adler32', 'ADLER32'],
];
export const hashFromSpdx = new Map(HASHES);
export const hashToSpdx = new Map(HASHES.map(([s, m]) => [m, s]));

/** software_primaryPurpose → component type, for packages (files stay files, see decode). */
export const PURPOSE_TO_TYPE: Readonly<Record<string, ComponentType>> = {
  application: 'application',
  executable: 'application',
  framework: 'framework',
  library: 'library',
  module: 'library',
  container: 'container',
  platform: 'platform',
  operatingSystem: 'operating-system',
  device: 'device',
  deviceDriver: 'device-driver',
  firmware: 'firmware',
  model: 'machine-learning-model',
  data: 'data',
  file: 'file',
};

export const TYPE_TO_PURPOSE: Readonly<Partial<Record<ComponentType, string>>> = {
  application: 'application',
  framework: 'framework',
  library: 'library',
  container: 'container',
  platform: 'platform',
  'operating-system': 'operatingSystem',
  device: 'device',
  'device-driver': 'deviceDriver',
  firmware: 'firmware',
  'machine-learning-model': 'model',
  data: 'data',
  file: 'file',
};

export const SOFTWARE_PURPOSES = new Set([
  'application',
  'archive',
  'bom',
  'configuration',
  'container',
  'data',
  'device',
  'deviceDriver',
  'diskImage',
  'documentation',
  'evidence',
  'executable',
  'file',
  'filesystemImage',
  'firmware',
  'framework',
  'install',
  'library',
  'manifest',
  'model',
  'module',
  'operatingSystem',
  'other',
  'patch',
  'platform',
  'requirement',
  'source',
  'specification',
  'test',
]);

/** LifecycleScopeType → Hermine usage scope; runtime is the ordinary production dependency. */
export const SCOPE_FROM_SPDX: Readonly<Record<string, DependencyScope>> = {
  runtime: 'prod',
  development: 'dev',
  build: 'build',
  test: 'test',
  design: 'design',
  other: 'other',
};
export const SCOPE_TO_SPDX: Readonly<Record<string, string>> = {
  prod: 'runtime',
  dev: 'development',
  build: 'build',
  test: 'test',
  design: 'design',
};

/** software_sbomType (CISA SBOM types) ↔ CycloneDX lifecycle phases. */
export const SBOM_TYPE_TO_PHASE: Readonly<Record<string, LifecyclePhase>> = {
  design: 'design',
  source: 'pre-build',
  build: 'build',
  analyzed: 'post-build',
  deployed: 'operations',
  runtime: 'operations',
};
export const PHASE_TO_SBOM_TYPE: Readonly<Record<string, string>> = {
  design: 'design',
  'pre-build': 'source',
  build: 'build',
  'post-build': 'analyzed',
  operations: 'deployed',
  discovery: 'analyzed',
};

/** ExternalRef types with a CycloneDX external reference counterpart. */
const REF_TYPES: ReadonlyArray<[string, string]> = [
  ['vcs', 'vcs'],
  ['issueTracker', 'issue-tracker'],
  ['documentation', 'documentation'],
  ['mailingList', 'mailing-list'],
  ['chat', 'chat'],
  ['support', 'support'],
  ['releaseNotes', 'release-notes'],
  ['securityAdvisory', 'advisories'],
  ['license', 'license'],
  ['buildSystem', 'build-system'],
  ['buildMeta', 'build-meta'],
  ['socialMedia', 'social'],
  ['binaryArtifact', 'distribution'],
  ['sourceArtifact', 'source-distribution'],
  ['altWebPage', 'website'],
  ['vulnerabilityExploitabilityAssessment', 'exploitability-statement'],
  ['securityPenTestReport', 'pentest-report'],
  ['staticAnalysisReport', 'static-analysis-report'],
  ['dynamicAnalysisReport', 'dynamic-analysis-report'],
  ['runtimeAnalysisReport', 'runtime-analysis-report'],
  ['componentAnalysisReport', 'component-analysis-report'],
  ['certificationReport', 'certification-report'],
  ['qualityAssessmentReport', 'quality-metrics'],
  ['securityThreatModel', 'threat-model'],
  ['securityAdversaryModel', 'adversary-model'],
  ['riskAssessment', 'risk-assessment'],
  ['eolNotice', 'eol'],
  ['secureSoftwareAttestation', 'attestation'],
  ['releaseHistory', 'release-notes'],
];
export const REF_FROM_SPDX = new Map(REF_TYPES);
export const REF_TO_SPDX = new Map(REF_TYPES.filter(([s]) => s !== 'releaseHistory').map(([s, c]) => [c, s]));

export const EXTERNAL_REF_TYPES = new Set([
  'altDownloadLocation',
  'altWebPage',
  'binaryArtifact',
  'bower',
  'buildMeta',
  'buildSystem',
  'certificationReport',
  'chat',
  'componentAnalysisReport',
  'cwe',
  'documentation',
  'dynamicAnalysisReport',
  'eolNotice',
  'exportControlAssessment',
  'funding',
  'issueTracker',
  'license',
  'mailingList',
  'mavenCentral',
  'metrics',
  'npm',
  'nuget',
  'other',
  'privacyAssessment',
  'productMetadata',
  'purchaseOrder',
  'qualityAssessmentReport',
  'releaseHistory',
  'releaseNotes',
  'riskAssessment',
  'runtimeAnalysisReport',
  'secureSoftwareAttestation',
  'securityAdversaryModel',
  'securityAdvisory',
  'securityFix',
  'securityOther',
  'securityPenTestReport',
  'securityPolicy',
  'securityThreatModel',
  'socialMedia',
  'sourceArtifact',
  'staticAnalysisReport',
  'support',
  'vcs',
  'vulnerabilityDisclosureReport',
  'vulnerabilityExploitabilityAssessment',
]);
