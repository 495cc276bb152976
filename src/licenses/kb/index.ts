export * from './types.js';
export { builtinKnowledgeBase } from './builtin-knowledge-base.js';
export { findLicense, obligationsOfLicense, findAction, danglingActionReferences } from './lookup.js';
export { defaultPolicy, policyFor, ALLOWED_VALUES, type LicensePolicyTable } from './policy.js';
export { COMPLIANCE_ACTIONS } from './compliance-actions.js';
