/**
 * Imports an SBOM document or an npm project into a release, in one store transaction: bad input
 * leaves the release untouched and ends as a ServiceError with a stable code.
 */
import type { DataConflict, FillPolicy, ImportMode, ImportRecord, Store } from '../store/index.js';
import type { Issue } from '../model/issue.js';

export interface ImportOptions {
  mode?: ImportMode;
  /** What to do when stored component/version data differs from the document's. */
  policy?: FillPolicy;
  author?: string | null;
  /** Refuse documents larger than this (bytes); default 512 MiB. */
  maxBytes?: number;
}

export interface ImportDocumentInput extends ImportOptions {
  /** The document as uploaded (bytes are kept as the original; text is decoded from them). */
  content: string | Uint8Array;
  fileName?: string | null;
  mediaType?: string | null;
}

export interface ImportNpmProjectInput extends ImportOptions {
  /** The project folder, or its lockfile. */
  path: string;
}

export interface ImportOutcome {
  import: ImportRecord;
  /** Same figures as import.counts: components/versions created, usages inserted/updated/removed. */
  counts: ImportCounts;
  conflicts: DataConflict[];
  /** Problems found in the document (kept, not fatal). */
  issues: Issue[];
}

export interface ImportCounts {
  components: number;
  componentsCreated: number;
  versions: number;
  versionsCreated: number;
  usagesInserted: number;
  usagesRemoved: number;
  [key: string]: number;
}

export async function importDocument(store: Store, releaseId: number, input: ImportDocumentInput): Promise<ImportOutcome> {
  void store; void releaseId; void input;
  throw new Error('services: implementation in progress');
}

export async function importNpmProject(store: Store, releaseId: number, input: ImportNpmProjectInput): Promise<ImportOutcome> {
  void store; void releaseId; void input;
  throw new Error('services: implementation in progress');
}

export async function listImports(store: Store, releaseId: number): Promise<ImportRecord[]> {
  void store; void releaseId;
  throw new Error('services: implementation in progress');
}
