/**
 * The store: repositories over Kysely on SQLite (better-sqlite3, default `./vigie.db` or $VIGIE_DB)
 * or PostgreSQL (pg, $VIGIE_DATABASE_URL). See ./store.ts for the repository interface.
 */
export type { Store, StoreDialect, KnowledgeBaseImportRecord } from './store.js';
export type * from './types.js';
export { openStore, type StoreOptions } from './open-store.js';
export { isForeignKeyViolation, isUniqueViolation } from './unique-violation.js';
export { gzipInBackground, GzipJsonWriter, PackedJson, sliceTexts } from './gzip-json.js';
export type * from './vuln-store.js';
export type { NewTriageRecord, TriageFilter, VexStore } from './vex-store.js';
export type * from './release-finding-store.js';
export type { CraStore, EvidenceFilter, StoredCraRecord, StoredImportQuality } from './cra-store.js';
export type { JobClaim, JobFilter, JobStore, NewJob } from './job-store.js';
export type * from './ai-store.js';
export type { ChangeFilter, HistoryStore } from './history-store.js';
