export { AliasGroups, displayId } from './alias-groups.js';
export { DependencyPaths } from './dependency-paths.js';
export type {
  MatchExplanation,
  ScanSummary,
  UncheckedComponent,
  VulnerabilityFinding,
  VulnerabilityScan,
} from './finding.js';
export { componentOsvPackage, purlToOsvPackage, type OsvPackageRef, type PurlPackage } from './purl-package.js';
export { scanSbom, type ScanContext } from './scan.js';
export { VulnerabilityIndex, type IndexStats, type IndexedAffected } from './vulnerability-index.js';
export { findingSeverity, RATING_ORDER, type FindingSeverity } from './vulnerability-severity.js';
export { FAIL_ON, failsGate, type FailOn } from './fail-on.js';
export { applyVex, type VexConflict } from './apply-vex.js';
export { findingsAsVex } from './findings-as-vex.js';
