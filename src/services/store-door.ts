/**
 * The store as the API and the CLI see it: services are their only door to it (docs/decisions/0004),
 * so the handle, its opener and the record shapes they pass along are re-exported from here and
 * `server/` and `cli/` never import `store/` (a lint rule says so).
 */
export { openStore, isForeignKeyViolation, type StoreOptions } from '../store/index.js';
export type {
  ApiToken,
  DecisionFilter,
  DecisionType,
  FillPolicy,
  ImportMode,
  ImportRecord,
  LicenseRole,
  NewDecision,
  NewProduct,
  ReleaseData,
  ReleasePatch,
  Store,
  StoreDialect,
} from '../store/index.js';
export { ROLES, isRole, type Role } from '../model/access.js';
export {
  JOB_KINDS,
  JOB_STATES,
  isFinished,
  type Job,
  type JobKind,
  type JobState,
  type JobProgress,
  type JobError,
} from '../model/job.js';
