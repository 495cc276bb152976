/** The CRA record and evidence-log part of the Store (see cra-repo.ts). */
import type { CraRecord } from '../cra/record/index.js';
import type { EvidenceEntry, EvidenceFields } from '../cra/evidence/index.js';
import type { ProfileResult } from '../cra/profiles/index.js';

export interface StoredCraRecord {
  productId: number;
  record: CraRecord;
  updatedBy: string;
  updatedAt: string;
}

export interface EvidenceFilter {
  subject?: string;
  /** Entries with seq > afterSeq. */
  afterSeq?: number;
  limit?: number;
}

export interface CraStore {
  getCraRecord(productId: number): Promise<StoredCraRecord | null>;
  /** Product ids that have a record. */
  listCraRecordProductIds(): Promise<number[]>;
  saveCraRecord(productId: number, record: CraRecord, updatedBy: string, at: string): Promise<StoredCraRecord>;
  /**
   * Appends one entry chained to the last one. Serialised across processes (PostgreSQL: an advisory
   * lock held to the end of the transaction; SQLite: one writer at a time). No method changes or
   * removes an entry.
   */
  appendEvidence(fields: EvidenceFields): Promise<EvidenceEntry>;
  /** In seq order. */
  listEvidence(filter?: EvidenceFilter): Promise<EvidenceEntry[]>;
  /** Stores the quality results of an import's document (one per profile; a profile already stored is replaced). */
  saveImportQuality(importId: number, results: readonly ProfileResult[]): Promise<void>;
  /** The stored results of these imports, by import id then profile. */
  listImportQuality(importIds: readonly number[]): Promise<StoredImportQuality[]>;
}

export interface StoredImportQuality {
  importId: number;
  result: ProfileResult;
}
