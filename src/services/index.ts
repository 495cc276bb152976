/**
 * Services: one module per use case, between the store / compliance / reports layers and the API and
 * CLI. A service takes a Store and plain inputs and returns plain results; it never speaks HTTP nor
 * prints. Problems the caller can fix are ServiceErrors with stable codes.
 */
export { ServiceError, isServiceError, type ServiceErrorCode } from './service-error.js';
export * from './portfolio.js';
export * from './vanished-reference.js';
export * from './import-release.js';
export * from './import-target.js';
export * from './dependency-paths.js';
export * from './decisions.js';
export * from './exploitation-rules.js';
export * from './validate-release.js';
export * from './validation-runs.js';
export * from './validation-pages.js';
export * from './release-outputs.js';
export * from './portfolio-queries.js';
export * from './license-policy.js';
export * from './policy-settings.js';
export * from './release-views.js';
export * from './stamped-cache.js';
export * from './api-tokens.js';
export * from './knowledge-base.js';
export * from './dashboard.js';
export * from './authentication.js';
export * from './health.js';
export { hashTokenSecret, isTokenActive, ADMIN_TOKEN_MIN_LENGTH } from './token-rules.js';
export * from './store-door.js';
export * from './import-download.js';
export * from './generate-inventory.js';
export * from './vuln-database.js';
export * from './reporting-cases.js';
export * from './vex-triage.js';
export * from './usages.js';
export * from './release-vulnerabilities.js';
export * from './cra-records.js';
export * from './evidence-log.js';
export * from './cra-documents.js';
export * from './cra-case-proposals.js';
export * from './cra-case-clocks.js';
export * from './cra-annex-computed.js';
export * from './release-quality.js';
export * from './component-usage.js';
export * from './jobs.js';
export { runWorker, runNextJob, workerName, DEFAULT_LEASE_MS, type WorkerOptions } from './job-runner.js';
export * from './release-use.js';
export * from './portfolio-overview.js';
export * from './release-ai.js';
export * from './change-history.js';
export * from './release-sign-off.js';
export * from './release-ai-documents.js';
