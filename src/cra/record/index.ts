export {
  ANNEX_I_REQUIREMENTS,
  ANNEX_STATUSES,
  emptyEntry,
  entryProblem,
  findRequirement,
  summariseMatrix,
  type AnnexEntry,
  type AnnexPart,
  type AnnexRequirement,
  type AnnexStatus,
  type MatrixSummary,
} from './annex-i.js';
export {
  INFORMATION_KEYS,
  INFORMATION_KEY_NAMES,
  findInformationKey,
  missingInformation,
  type DocumentId,
  type InformationKey,
} from './information.js';
export {
  STEWARD_POLICY_ELEMENTS,
  STEWARD_ELEMENT_KEYS,
  STEWARD_REPORTING_NOTE,
  authorityContactsProblem,
  type StewardElement,
} from './steward.js';
export {
  contactProblem,
  emptyRecord,
  httpsProblem,
  recordProblems,
  type CraRecord,
  type CvdContact,
  type RecordProblem,
  type StewardRecord,
} from './record.js';
export { assessRecord, type ChecklistItem, type RecordAssessment } from './assess.js';
export {
  COMPUTED_REQUIREMENT_IDS,
  DEFAULT_EXPLOITABLE_THRESHOLD,
  EXPLOITABLE_THRESHOLDS,
  SETTLED_STATES,
  blockingReason,
  isComputedRequirement,
  matrixStatusOf,
  noKnownExploitableVulnerabilities,
  sbomCoversTopLevelDependencies,
  type BlockingFinding,
  type ComputedEntry,
  type ComputedFindingInput,
  type ComputedRequirementId,
  type ComputedStatus,
  type ExploitableThreshold,
  type FailingCheck,
  type SbomDocumentQuality,
} from './annex-i-computed.js';
