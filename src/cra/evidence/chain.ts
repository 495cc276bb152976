// The evidence log (CRA Art. 13(7): document relevant cybersecurity aspects; reference note §1.2
// EVD-01): an append-only list whose entries each carry the hash of the one before, so that changing,
// removing or reordering any past entry breaks every hash after it. Hashes are SHA-256 over a
// canonical JSON (sorted keys, no spaces) of the entry's fields and the previous hash.
import { createHash } from 'node:crypto';

export interface EvidenceFields {
  /** ISO instant, UTC. */
  at: string;
  /** Who: a user, token name or `cli`. */
  actor: string;
  /** What happened, e.g. `cra-record.updated`, `documents.generated`. */
  kind: string;
  /** What it is about, e.g. `product:Gateway`. */
  subject: string;
  /** Details (JSON-serialisable). */
  payload: unknown;
}

export interface EvidenceEntry extends EvidenceFields {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** Hash of entry seq-1; the genesis value for the first. */
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(seq: number, prevHash: string, fields: EvidenceFields): string {
  const body = canonicalJson({
    seq,
    prevHash,
    at: fields.at,
    actor: fields.actor,
    kind: fields.kind,
    subject: fields.subject,
    payload: fields.payload,
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The entry that follows `last` (null: the log is empty). */
export function nextEntry(last: Pick<EvidenceEntry, 'seq' | 'hash'> | null, fields: EvidenceFields): EvidenceEntry {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  // Round-trip the payload so that what is hashed is what the store gives back.
  const payload = JSON.parse(canonicalJson(fields.payload)) as unknown;
  const at = fields.at;
  return {
    seq,
    prevHash,
    at,
    actor: fields.actor,
    kind: fields.kind,
    subject: fields.subject,
    payload,
    hash: entryHash(seq, prevHash, { ...fields, payload }),
  };
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** Hash of the last entry: what an auditor writes down to detect a later truncation. */
  head: string;
  /** The first entry that does not hold, and why. */
  broken: { seq: number; reason: string } | null;
}

/** Recomputes the chain in seq order and names the first broken link. */
export function verifyChain(entries: readonly EvidenceEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const fail = (reason: string): ChainVerdict => ({
      ok: false,
      entries: entries.length,
      head: prev,
      broken: { seq: e.seq, reason },
    });
    if (e.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing (found ${e.seq} in its place)`);
    if (e.prevHash !== prev)
      return fail(
        `its previous-hash ${e.prevHash.slice(0, 12)}… does not match entry ${e.seq - 1}'s hash ${prev.slice(0, 12)}…`,
      );
    const recomputed = entryHash(e.seq, e.prevHash, e);
    if (recomputed !== e.hash)
      return fail(
        `its content no longer matches its hash (stored ${e.hash.slice(0, 12)}…, recomputed ${recomputed.slice(0, 12)}…)`,
      );
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: entries.length, head: prev, broken: null };
}
