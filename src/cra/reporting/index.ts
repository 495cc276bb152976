export * from './clocks.js';
export { formatUtc, parseInstant, type InstantResult } from './instant.js';
export {
  FACT_KEYS,
  FORM_STAGES,
  formElements,
  stageForm,
  type FormElement,
  type FormStage,
  type StageForm,
} from './forms.js';
export { caseDeadlines, formatTimeLeft, DUE_SOON_MS, type CaseDeadline, type DeadlineState } from './case-clocks.js';
