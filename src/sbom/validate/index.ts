export { checkSbomSemantics, validationIssues } from './semantic-checks.js';
export { summarizeSbom, type SbomSummary } from './summary.js';
export { renderSummaryText } from './render-summary.js';
