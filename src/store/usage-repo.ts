/** Usages (one version in one release) and the release's exploitation rules. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ExploitationRule, Usage, UsageOrigin, UsageStatus } from '../model/portfolio.js';
import type { Exploitation, Linking } from '../model/usage-context.js';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import type { NewUsage, UsagePatch } from './types.js';
import { chunks, fromBool, rowsPerStatement, toBool, type StoreContext } from './context.js';
import { bulkInsert, bulkInsertIds, type BulkColumn } from './bulk-insert.js';

type UsageMethods = Pick<
  Store,
  | 'insertUsages'
  | 'insertUsagesReturning'
  | 'listUsages'
  | 'getUsage'
  | 'updateUsage'
  | 'updateUsages'
  | 'deleteUsage'
  | 'deleteUsagesOfRelease'
  | 'createExploitationRule'
  | 'listExploitationRules'
  | 'updateExploitationRule'
  | 'deleteExploitationRule'
>;

const USAGE_COLUMNS = 11;
const USAGE_BULK_COLUMNS: BulkColumn[] = [
  { name: 'release_id', type: 'integer' },
  { name: 'version_id', type: 'integer' },
  { name: 'scope', type: 'text' },
  { name: 'project', type: 'text' },
  { name: 'linking', type: 'text' },
  { name: 'modified', type: 'boolean' },
  { name: 'exploitation', type: 'text' },
  { name: 'chosen_license', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'added_by', type: 'text' },
  { name: 'description', type: 'text' },
];
const UNIQUE_USAGE = ['release_id', 'version_id', 'scope', 'project'] as const;

export function toUsage(row: Selectable<Database['usages']>): Usage {
  return {
    id: row.id,
    releaseId: row.release_id,
    versionId: row.version_id,
    scope: row.scope,
    project: row.project,
    linking: row.linking as Linking | null,
    modified: fromBool(row.modified),
    exploitation: row.exploitation as Exploitation | null,
    chosenLicense: row.chosen_license,
    status: row.status as UsageStatus,
    addedBy: row.added_by as UsageOrigin,
    description: row.description,
  };
}

function toRule(row: Selectable<Database['exploitation_rules']>): ExploitationRule {
  return {
    id: row.id,
    releaseId: row.release_id,
    scope: row.scope,
    project: row.project,
    exploitation: row.exploitation as Exploitation,
  };
}

export function usageRepository(ctx: StoreContext): UsageMethods {
  const { db } = ctx;

  function usageRow(u: NewUsage): Insertable<Database['usages']> {
    return {
      release_id: u.releaseId,
      version_id: u.versionId,
      scope: u.scope,
      project: u.project,
      linking: u.linking,
      modified: toBool(ctx, u.modified),
      exploitation: u.exploitation,
      chosen_license: u.chosenLicense,
      status: u.status,
      added_by: u.addedBy,
      description: u.description ?? null,
    };
  }

  function patchColumns(patch: UsagePatch): Updateable<Database['usages']> {
    const set: Updateable<Database['usages']> = {};
    if (patch.scope !== undefined) set.scope = patch.scope;
    if (patch.project !== undefined) set.project = patch.project;
    if (patch.linking !== undefined) set.linking = patch.linking;
    if (patch.modified !== undefined) set.modified = toBool(ctx, patch.modified);
    if (patch.exploitation !== undefined) set.exploitation = patch.exploitation;
    if (patch.chosenLicense !== undefined) set.chosen_license = patch.chosenLicense;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.addedBy !== undefined) set.added_by = patch.addedBy;
    if (patch.description !== undefined) set.description = patch.description;
    return set;
  }

  /** Values in USAGE_BULK_COLUMNS' order. */
  function bulkRows(usages: NewUsage[]): unknown[][] {
    return usages.map((u) => [
      u.releaseId,
      u.versionId,
      u.scope,
      u.project,
      u.linking ?? null,
      toBool(ctx, u.modified ?? null),
      u.exploitation ?? null,
      u.chosenLicense ?? null,
      u.status ?? null,
      u.addedBy ?? null,
      u.description ?? null,
    ]);
  }

  const methods: UsageMethods = {
    async insertUsages(usages, onConflict = 'fail') {
      if (onConflict !== 'update') {
        return bulkInsert(
          ctx,
          'usages',
          USAGE_BULK_COLUMNS,
          bulkRows(usages),
          onConflict === 'ignore' ? { skipConflictsOn: UNIQUE_USAGE } : {},
        );
      }
      let written = 0;
      for (const part of chunks(usages, rowsPerStatement(USAGE_COLUMNS))) {
        const query = db
          .insertInto('usages')
          .values(part.map(usageRow))
          .onConflict((oc) =>
            oc.columns([...UNIQUE_USAGE]).doUpdateSet((eb) => ({
              linking: eb.ref('excluded.linking'),
              modified: eb.ref('excluded.modified'),
              exploitation: eb.ref('excluded.exploitation'),
              chosen_license: eb.ref('excluded.chosen_license'),
              status: eb.ref('excluded.status'),
              added_by: eb.ref('excluded.added_by'),
              description: eb.ref('excluded.description'),
            })),
          );
        const result = await query.executeTakeFirst();
        written += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return written;
    },
    async insertUsagesReturning(usages, onConflict = 'fail', idsTaken) {
      if (usages.some((u) => u.releaseId !== usages[0]!.releaseId))
        throw new Error('insertUsagesReturning: usages of one release at a time');
      if (idsTaken && onConflict !== 'fail')
        throw new Error(
          'insertUsagesReturning: the records are known before the write only when every usage is written',
        );
      const ids = await bulkInsertIds(ctx, 'usages', USAGE_BULK_COLUMNS, bulkRows(usages), {
        ...(onConflict === 'ignore' ? { skipConflictsOn: UNIQUE_USAGE } : {}),
        ...(idsTaken ? { idsTaken: (taken) => idsTaken(usageRecords(usages, taken)) } : {}),
      });
      return usageRecords(usages, ids);
    },
    async listUsages(releaseId, versionId) {
      let q = db.selectFrom('usages').selectAll().where('release_id', '=', releaseId);
      if (versionId !== undefined) q = q.where('version_id', '=', versionId);
      return (await q.orderBy('id').execute()).map(toUsage);
    },
    async getUsage(id) {
      const row = await db.selectFrom('usages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUsage(row) : null;
    },
    async updateUsage(id, patch) {
      const set = patchColumns(patch);
      if (Object.keys(set).length > 0) await db.updateTable('usages').set(set).where('id', '=', id).execute();
      return methods.getUsage(id);
    },
    async updateUsages(ids, patch) {
      const set = patchColumns(patch);
      if (Object.keys(set).length === 0 || ids.length === 0) return 0;
      let updated = 0;
      for (const part of chunks(ids, 5000)) {
        const r = await db.updateTable('usages').set(set).where('id', 'in', part).executeTakeFirst();
        updated += Number(r.numUpdatedRows);
      }
      return updated;
    },
    async deleteUsage(id) {
      const r = await db.deleteFrom('usages').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteUsagesOfRelease(releaseId) {
      const r = await db.deleteFrom('usages').where('release_id', '=', releaseId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async createExploitationRule(input) {
      const row = await db
        .insertInto('exploitation_rules')
        .values({
          release_id: input.releaseId,
          scope: input.scope,
          project: input.project,
          exploitation: input.exploitation,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRule(row);
    },
    async listExploitationRules(releaseId) {
      return (
        await db
          .selectFrom('exploitation_rules')
          .selectAll()
          .where('release_id', '=', releaseId)
          .orderBy('id')
          .execute()
      ).map(toRule);
    },
    async updateExploitationRule(id, patch) {
      const set: Updateable<Database['exploitation_rules']> = {};
      if (patch.scope !== undefined) set.scope = patch.scope;
      if (patch.project !== undefined) set.project = patch.project;
      if (patch.exploitation !== undefined) set.exploitation = patch.exploitation;
      if (Object.keys(set).length > 0)
        await db.updateTable('exploitation_rules').set(set).where('id', '=', id).execute();
      const row = await db.selectFrom('exploitation_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRule(row) : null;
    },
    async deleteExploitationRule(id) {
      const r = await db.deleteFrom('exploitation_rules').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
  return methods;
}

/** The usages as records with their ids (skipped ones, id null, left out), ordered by id. */
function usageRecords(usages: readonly NewUsage[], ids: readonly (number | null)[]): Usage[] {
  const written: Usage[] = [];
  for (let i = 0; i < usages.length; i++) {
    const id = ids[i];
    if (id === null || id === undefined) continue;
    const u = usages[i]!;
    written.push({
      id,
      releaseId: u.releaseId,
      versionId: u.versionId,
      scope: u.scope,
      project: u.project,
      linking: u.linking,
      modified: u.modified,
      exploitation: u.exploitation,
      chosenLicense: u.chosenLicense,
      status: u.status,
      addedBy: u.addedBy,
      description: u.description ?? null,
    });
  }
  return written.sort((a, b) => a.id - b.id);
}
