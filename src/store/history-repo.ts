/** The change history over Kysely: append and list, never update nor delete. */
import type { Selectable } from 'kysely';
import type { ChangeAction, ChangeRecord, ChangeSubject } from '../model/change-history.js';
import type { StoreContext } from './context.js';
import type { HistoryTables } from './history-schema.js';
import type { HistoryStore } from './history-store.js';

function toRecord(r: Selectable<HistoryTables['change_history']>): ChangeRecord {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    subject: r.subject as ChangeSubject,
    subjectId: r.subject_id,
    action: r.action as ChangeAction,
    releaseId: r.release_id === null ? null : Number(r.release_id),
    reason: r.reason,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function historyRepository(ctx: StoreContext): HistoryStore {
  const { db } = ctx;
  return {
    async appendChange(record) {
      const row = await db
        .insertInto('change_history')
        .values({
          at: record.at,
          actor: record.actor,
          subject: record.subject,
          subject_id: record.subjectId,
          action: record.action,
          release_id: record.releaseId,
          reason: record.reason,
          before_json: json(record.before),
          after_json: json(record.after),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async listChanges(filter = {}) {
      let q = db.selectFrom('change_history').selectAll();
      if (filter.subject !== undefined) q = q.where('subject', '=', filter.subject);
      if (filter.subjectId !== undefined) q = q.where('subject_id', '=', filter.subjectId);
      if (filter.releaseId !== undefined) q = q.where('release_id', '=', filter.releaseId);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 500)
        .execute();
      return rows.map(toRecord);
    },
  };
}
