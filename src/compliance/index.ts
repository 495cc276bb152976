export * from './snapshot.js';
export * from './finding.js';
export { validateRelease, validationInSteps, type ReleaseValidation, type ResolvedUsage } from './validate-release.js';
export {
  releaseObligations,
  type ReleaseObligations,
  type ObligationGroup,
  type TriggeringUsage,
} from './obligations.js';
export { snapshotFromSbom, type SnapshotOptions } from './snapshot-from-sbom.js';
export {
  scopeMatches,
  specificity,
  pickMostSpecific,
  describeScope,
  type UsageFacts,
  type MatchPick,
} from './scope-match.js';
export { decisionLabel } from './decision-index.js';
export { parsePolicyFile, PolicyFileError, type PolicyFile } from './policy-file.js';
export { declaredOutboundLicenses } from './outbound-from-sbom.js';
export {
  curationGeneralisationsOf,
  usageGeneralisationsOf,
  placesOf,
  type GeneralisationPlaces,
  type GeneralisationRecipe,
} from './generalisations.js';
