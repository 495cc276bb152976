/** CRA records (one JSON row per product) and the hash-chained evidence log. */
import { sql } from 'kysely';
import { nextEntry, type EvidenceEntry } from '../cra/evidence/index.js';
import type { CraRecord } from '../cra/record/index.js';
import type { ProfileResult } from '../cra/profiles/index.js';
import type { CraStore, StoredCraRecord } from './cra-store.js';
import { fromJson, toJson, type StoreContext } from './context.js';
import type { CraTables } from './cra-schema.js';

type EvidenceRow = CraTables['evidence_log'];

function toEntry(row: EvidenceRow): EvidenceEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    subject: row.subject,
    payload: fromJson<unknown>(row.payload, null),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Any 64-bit number unique to this lock; PostgreSQL advisory locks are per database. */
const EVIDENCE_LOCK = 7_340_112_026;

export function craRepository(ctx: StoreContext): CraStore {
  const { db } = ctx;
  const append: CraStore['appendEvidence'] = async (fields) => {
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${EVIDENCE_LOCK})`.execute(db);
    const last = await db
      .selectFrom('evidence_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const entry = nextEntry(last ? { seq: Number(last.seq), hash: last.hash } : null, fields);
    await db
      .insertInto('evidence_log')
      .values({
        seq: entry.seq,
        at: entry.at,
        actor: entry.actor,
        kind: entry.kind,
        subject: entry.subject,
        payload: toJson(entry.payload),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    return entry;
  };
  return {
    async getCraRecord(productId) {
      const row = await db.selectFrom('cra_records').selectAll().where('product_id', '=', productId).executeTakeFirst();
      return row
        ? {
            productId: row.product_id,
            record: fromJson<CraRecord>(row.record, null as unknown as CraRecord),
            updatedBy: row.updated_by,
            updatedAt: row.updated_at,
          }
        : null;
    },
    async listCraRecordProductIds() {
      return (await db.selectFrom('cra_records').select('product_id').orderBy('product_id').execute()).map(
        (r) => r.product_id,
      );
    },
    async saveCraRecord(productId, record, updatedBy, at): Promise<StoredCraRecord> {
      const values = { record: toJson(record), updated_by: updatedBy, updated_at: at };
      await db
        .insertInto('cra_records')
        .values({ product_id: productId, ...values })
        .onConflict((oc) => oc.column('product_id').doUpdateSet(values))
        .execute();
      return { productId, record, updatedBy, updatedAt: at };
    },
    async appendEvidence(fields) {
      // The lock must last until commit: run in a transaction (joins the caller's when there is one).
      if (ctx.inTransaction) return append(fields);
      return db
        .transaction()
        .execute((trx) => craRepository({ ...ctx, db: trx, inTransaction: true }).appendEvidence(fields));
    },
    async listEvidence(filter = {}) {
      let query = db.selectFrom('evidence_log').selectAll().orderBy('seq', 'asc');
      if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
      if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      return (await query.execute()).map(toEntry);
    },
    async saveImportQuality(importId, results) {
      for (const result of results) {
        const row = { import_id: importId, profile: result.profile, result: toJson(result) };
        await db
          .insertInto('import_quality')
          .values(row)
          .onConflict((oc) => oc.columns(['import_id', 'profile']).doUpdateSet({ result: row.result }))
          .execute();
      }
    },
    async listImportQuality(importIds) {
      if (importIds.length === 0) return [];
      const rows = await db
        .selectFrom('import_quality')
        .selectAll()
        .where('import_id', 'in', [...importIds])
        .orderBy('import_id')
        .orderBy('profile')
        .execute();
      return rows.map((r) => ({
        importId: Number(r.import_id),
        result: fromJson<ProfileResult>(r.result, null as unknown as ProfileResult),
      }));
    },
  };
}
