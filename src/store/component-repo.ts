/**
 * Components and versions shared by the whole portfolio. Creation is race-safe: rows are inserted
 * with ON CONFLICT DO NOTHING against the unique keys (identity_key; component_id + number) and then
 * read back, so two concurrent imports of the same component end with one row.
 */
import type { Selectable } from 'kysely';
import type { ComponentRecord, VersionRecord } from '../model/portfolio.js';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import type { BulkUpsertResult, ComponentInput, DataConflict, FillPolicy, VersionInput } from './types.js';
import { chunks, type StoreContext } from './context.js';
import { bulkInsertIds, type BulkColumn } from './bulk-insert.js';
import { selectWhereIn } from './bulk-select.js';
import { mergeFields } from './merge-fields.js';
import { componentKey } from '../model/component-identity.js';

type ComponentMethods = Pick<
  Store,
  | 'upsertComponent'
  | 'upsertComponents'
  | 'getComponent'
  | 'findComponent'
  | 'listComponents'
  | 'upsertVersion'
  | 'upsertVersions'
  | 'getVersion'
  | 'findVersion'
  | 'listVersions'
  | 'setCorrectedLicense'
>;

type ComponentRow = Selectable<Database['components']>;

const text = (name: string): BulkColumn => ({ name, type: 'text' });
const COMPONENT_BULK_COLUMNS = [
  'identity_key',
  'name',
  'purl',
  'purl_type',
  'namespace',
  'description',
  'homepage',
  'language',
].map(text);
const VERSION_BULK_COLUMNS: BulkColumn[] = [
  { name: 'component_id', type: 'integer' },
  ...['number', 'purl', 'declared_license', 'concluded_license', 'corrected_license', 'copyright'].map(text),
];
type VersionRow = Selectable<Database['versions']>;

/** Code-unit order: the same in every process, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toComponent(row: Omit<ComponentRow, 'identity_key'>): ComponentRecord {
  return {
    id: row.id,
    purlType: row.purl_type,
    namespace: row.namespace,
    name: row.name,
    purl: row.purl,
    description: row.description,
    homepage: row.homepage,
    language: row.language,
  };
}

export function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    componentId: row.component_id,
    number: row.number,
    purl: row.purl,
    declaredLicense: row.declared_license,
    concludedLicense: row.concluded_license,
    correctedLicense: row.corrected_license,
    copyright: row.copyright,
  };
}

/** The row an insert wrote from input (what reading it back would give). */
function componentRow(id: number, identityKey: string, input: ComponentInput): ComponentRow {
  return {
    id,
    identity_key: identityKey,
    name: input.name,
    purl: input.purl ?? null,
    purl_type: input.purlType ?? null,
    namespace: input.namespace ?? null,
    description: input.description ?? null,
    homepage: input.homepage ?? null,
    language: input.language ?? null,
  };
}

function versionRow(id: number, input: VersionInput): VersionRow {
  return {
    id,
    component_id: input.componentId,
    number: input.number,
    purl: input.purl ?? null,
    declared_license: input.declaredLicense ?? null,
    concluded_license: input.concludedLicense ?? null,
    corrected_license: input.correctedLicense ?? null,
    copyright: input.copyright ?? null,
  };
}

function componentColumns(input: ComponentInput) {
  return {
    purl_type: input.purlType,
    namespace: input.namespace,
    description: input.description,
    homepage: input.homepage,
    language: input.language,
  };
}

function versionColumns(input: VersionInput) {
  return {
    purl: input.purl,
    declared_license: input.declaredLicense,
    concluded_license: input.concludedLicense,
    corrected_license: input.correctedLicense,
    copyright: input.copyright,
  };
}

export function componentRepository(ctx: StoreContext): ComponentMethods {
  const { db } = ctx;

  function inLockOrder<T>(items: T[], compare: (a: T, b: T) => number): T[] {
    return ctx.dialect === 'postgres' ? items.sort(compare) : items;
  }

  async function componentsByKey(keys: string[]): Promise<Map<string, ComponentRow>> {
    const found = new Map<string, ComponentRow>();
    for (const row of await selectWhereIn(ctx, 'components', 'identity_key', 'text', keys))
      found.set(row.identity_key, row);
    return found;
  }

  async function upsertComponents(
    inputs: ComponentInput[],
    policy: FillPolicy,
  ): Promise<BulkUpsertResult<ComponentRecord>> {
    const byKey = new Map<string, ComponentInput>();
    for (const input of inputs) if (!byKey.has(componentKey(input))) byKey.set(componentKey(input), input);
    // PostgreSQL: sorted, so that concurrent imports sharing components (two API processes, two
    // workers) take their row locks in one order and wait for each other instead of deadlocking.
    // SQLite has one writer at a time: new rows keep the document's order (and ids).
    const keys = inLockOrder([...byKey.keys()], byText);
    const existing = await componentsByKey(keys);
    const missing = keys.filter((k) => !existing.has(k));
    const componentRows = missing.map((key) => {
      const c = byKey.get(key)!;
      return [key, c.name, c.purl, c.purlType, c.namespace, c.description, c.homepage, c.language];
    });
    // The new rows' ids are known from the insert itself; only rows another writer created meanwhile
    // (skipped as conflicts) are read back.
    const created = new Map<string, ComponentRow>();
    const ids = await bulkInsertIds(ctx, 'components', COMPONENT_BULK_COLUMNS, componentRows, {
      skipConflictsOn: ['identity_key'],
      conflictsUnlikely: true,
    });
    for (let i = 0; i < missing.length; i++) {
      const id = ids[i];
      if (id !== null) created.set(missing[i]!, componentRow(id, missing[i]!, byKey.get(missing[i]!)!));
    }
    const raced = missing.filter((k) => !created.has(k));
    if (raced.length > 0) for (const [key, row] of await componentsByKey(raced)) created.set(key, row);
    const conflicts: DataConflict[] = [];
    for (const key of keys) {
      const row = existing.get(key);
      if (!row) continue;
      const merge = mergeFields('component', key, row, componentColumns(byKey.get(key)!), policy);
      conflicts.push(...merge.conflicts);
      if (Object.keys(merge.changes).length > 0) {
        await db.updateTable('components').set(merge.changes).where('id', '=', row.id).execute();
        Object.assign(row, merge.changes);
      }
    }
    const all = new Map([...existing, ...created]);
    return {
      records: inputs.map((input) => toComponent(all.get(componentKey(input))!)),
      // Rows another writer created meanwhile were read back, not created by this call.
      created: missing.length - raced.length,
      conflicts,
    };
  }

  async function versionsOf(componentIds: number[]): Promise<Map<string, VersionRow>> {
    const found = new Map<string, VersionRow>();
    const rows = await selectWhereIn(ctx, 'versions', 'component_id', 'integer', [...new Set(componentIds)]);
    for (const row of rows) found.set(versionKey(row.component_id, row.number), row);
    return found;
  }

  async function upsertVersions(inputs: VersionInput[], policy: FillPolicy): Promise<BulkUpsertResult<VersionRecord>> {
    const byKey = new Map<string, VersionInput>();
    for (const input of inputs) {
      const key = versionKey(input.componentId, input.number);
      if (!byKey.has(key)) byKey.set(key, input);
    }
    // In one order across imports on PostgreSQL (see upsertComponents): by component, then number.
    const ordered = inLockOrder(
      [...byKey.entries()],
      ([, a], [, b]) => a.componentId - b.componentId || byText(a.number, b.number),
    );
    const existing = await versionsOf(ordered.map(([, v]) => v.componentId));
    const missing = ordered.filter(([key]) => !existing.has(key)).map(([, v]) => v);
    const versionRows = missing.map((v) => [
      v.componentId,
      v.number,
      v.purl,
      v.declaredLicense,
      v.concludedLicense,
      v.correctedLicense,
      v.copyright,
    ]);
    const after = new Map(existing);
    const ids = await bulkInsertIds(ctx, 'versions', VERSION_BULK_COLUMNS, versionRows, {
      skipConflictsOn: ['component_id', 'number'],
      conflictsUnlikely: true,
    });
    for (let i = 0; i < missing.length; i++) {
      const id = ids[i];
      const v = missing[i]!;
      if (id !== null) after.set(versionKey(v.componentId, v.number), versionRow(id, v));
    }
    // Versions another writer created meanwhile (skipped as conflicts) are read back.
    const raced = missing.filter((v) => !after.has(versionKey(v.componentId, v.number)));
    if (raced.length > 0) {
      for (const [key, row] of await versionsOf(raced.map((v) => v.componentId)))
        if (!after.has(key)) after.set(key, row);
    }
    const conflicts: DataConflict[] = [];
    const names = await componentNames([...existing.values()].map((r) => r.component_id));
    for (const [key] of ordered) {
      const row = existing.get(key);
      if (!row) continue;
      const label = `${names.get(row.component_id) ?? row.component_id}@${row.number}`;
      const merge = mergeFields('version', label, row, versionColumns(byKey.get(key)!), policy);
      conflicts.push(...merge.conflicts);
      if (Object.keys(merge.changes).length > 0) {
        await db.updateTable('versions').set(merge.changes).where('id', '=', row.id).execute();
        Object.assign(row, merge.changes);
      }
    }
    return {
      records: inputs.map((v) => toVersion(after.get(versionKey(v.componentId, v.number))!)),
      // Rows another writer created meanwhile were read back, not created by this call.
      created: missing.length - raced.length,
      conflicts,
    };
  }

  async function componentNames(ids: number[]): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    for (const part of chunks([...new Set(ids)], 5000)) {
      const rows = await db.selectFrom('components').select(['id', 'identity_key']).where('id', 'in', part).execute();
      for (const row of rows) names.set(row.id, row.identity_key);
    }
    return names;
  }

  return {
    async upsertComponent(input, policy) {
      const r = await upsertComponents([input], policy);
      return { record: r.records[0], created: r.created > 0, conflicts: r.conflicts };
    },
    upsertComponents,
    async getComponent(id) {
      const row = await db.selectFrom('components').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toComponent(row) : null;
    },
    async findComponent(key) {
      const row = await db.selectFrom('components').selectAll().where('identity_key', '=', key).executeTakeFirst();
      return row ? toComponent(row) : null;
    },
    async listComponents() {
      return (await db.selectFrom('components').selectAll().orderBy('identity_key').execute()).map(toComponent);
    },
    async upsertVersion(input, policy) {
      const r = await upsertVersions([input], policy);
      return { record: r.records[0], created: r.created > 0, conflicts: r.conflicts };
    },
    upsertVersions,
    async getVersion(id) {
      const row = await db.selectFrom('versions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async findVersion(componentId, number) {
      const row = await db
        .selectFrom('versions')
        .selectAll()
        .where('component_id', '=', componentId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async listVersions(componentId) {
      return (
        await db.selectFrom('versions').selectAll().where('component_id', '=', componentId).orderBy('id').execute()
      ).map(toVersion);
    },
    async setCorrectedLicense(versionId, expression) {
      await db.updateTable('versions').set({ corrected_license: expression }).where('id', '=', versionId).execute();
    },
  };
}

function versionKey(componentId: number, number: string): string {
  return `${componentId}\u0000${number}`;
}
