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

/** The record of a row an insert wrote from input (what reading it back would give). */
function componentRecord(id: number, input: ComponentInput): ComponentRecord {
  return {
    id,
    purlType: input.purlType ?? null,
    namespace: input.namespace ?? null,
    name: input.name,
    purl: input.purl ?? null,
    description: input.description ?? null,
    homepage: input.homepage ?? null,
    language: input.language ?? null,
  };
}

/** The record of a version an insert wrote from input. */
function versionRecord(id: number, input: VersionInput): VersionRecord {
  return {
    id,
    componentId: input.componentId,
    number: input.number,
    purl: input.purl ?? null,
    declaredLicense: input.declaredLicense ?? null,
    concludedLicense: input.concludedLicense ?? null,
    correctedLicense: input.correctedLicense ?? null,
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

/** Rows made and written at a time by an upsert. */
const ROWS_PER_WRITE = 20_000;

/**
 * The ids of new rows written a part at a time, in order: the rows of 100k new components made at
 * once lived through the whole write and were copied by V8's young-generation collections into the
 * old one; a part's rows are let go young. Only on SQLite (on PostgreSQL each part is another round
 * of statements on the server, which cost more than the copies saved: ~0.4 s more per 100k-component
 * import), and only inside a transaction, which holds every part (a write on its own is one
 * transaction of its own, all or nothing).
 */
async function insertInParts(
  ctx: StoreContext,
  items: readonly number[],
  write: (part: readonly number[]) => Promise<(number | null)[]>,
): Promise<(number | null)[]> {
  if (ctx.dialect !== 'sqlite' || !ctx.inTransaction || items.length <= ROWS_PER_WRITE) return write(items);
  const ids: (number | null)[] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_WRITE)
    for (const id of await write(items.slice(start, start + ROWS_PER_WRITE))) ids.push(id);
  return ids;
}

/** Per position, the first position with the same key; and those first positions, in order. */
function firstOfEachKey(keys: readonly string[]): { first: number[]; distinct: number[] } {
  const firstOf = new Map<string, number>();
  const first: number[] = new Array<number>(keys.length);
  const distinct: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const seen = firstOf.get(keys[i]!);
    if (seen === undefined) {
      firstOf.set(keys[i]!, i);
      distinct.push(i);
    }
    first[i] = seen ?? i;
  }
  return { first, distinct };
}

/**
 * firstOfEachKey for versions, by component id and number: a component's first version is kept as
 * its index, a map by number once it has a second (no key string per version).
 */
function firstOfEachVersion(inputs: readonly VersionInput[]): { first: number[]; distinct: number[] } {
  const firstOf = new Map<number, number | Map<string, number>>();
  const first: number[] = new Array<number>(inputs.length);
  const distinct: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { componentId, number } = inputs[i]!;
    const known = firstOf.get(componentId);
    let seen: number | undefined;
    if (known === undefined) firstOf.set(componentId, i);
    else if (typeof known === 'number') {
      if (inputs[known]!.number === number) seen = known;
      else
        firstOf.set(
          componentId,
          new Map([
            [inputs[known]!.number, known],
            [number, i],
          ]),
        );
    } else {
      seen = known.get(number);
      if (seen === undefined) known.set(number, i);
    }
    if (seen === undefined) distinct.push(i);
    first[i] = seen ?? i;
  }
  return { first, distinct };
}

export function componentRepository(ctx: StoreContext): ComponentMethods {
  const { db } = ctx;

  function inLockOrder<T>(items: T[], compare: (a: T, b: T) => number): T[] {
    return ctx.dialect === 'postgres' ? items.sort(compare) : items;
  }

  /** Stored components by identity key; `keys` distinct. */
  async function componentsByKey(keys: string[]): Promise<Map<string, ComponentRow>> {
    const found = new Map<string, ComponentRow>();
    for (const row of await selectWhereIn(ctx, 'components', 'identity_key', 'text', keys, {
      distinct: true,
    }))
      found.set(row.identity_key, row);
    return found;
  }

  async function upsertComponents(
    inputs: ComponentInput[],
    policy: FillPolicy,
  ): Promise<BulkUpsertResult<ComponentRecord>> {
    // Per input, its key and the first input with that key (a plan has each once, a caller may not):
    // the work below is per first input, by index, with no map of keys to records built on the way.
    const keyOf = inputs.map(componentKey);
    const { first, distinct } = firstOfEachKey(keyOf);
    // PostgreSQL: sorted, so that concurrent imports sharing components (two API processes, two
    // workers) take their row locks in one order and wait for each other instead of deadlocking.
    // SQLite has one writer at a time: new rows keep the document's order (and ids).
    const ordered = inLockOrder(distinct, (a, b) => byText(keyOf[a]!, keyOf[b]!));
    const existing = await componentsByKey(ordered.map((i) => keyOf[i]!));
    const missing = existing.size === 0 ? ordered : ordered.filter((i) => !existing.has(keyOf[i]!));
    // The new rows' ids are known from the insert itself; only rows another writer created meanwhile
    // (skipped as conflicts) are read back.
    const recordOf: ComponentRecord[] = new Array<ComponentRecord>(inputs.length);
    const ids = await insertInParts(ctx, missing, async (part) =>
      bulkInsertIds(
        ctx,
        'components',
        COMPONENT_BULK_COLUMNS,
        part.map((i) => {
          const c = inputs[i]!;
          return [keyOf[i], c.name, c.purl, c.purlType, c.namespace, c.description, c.homepage, c.language];
        }),
        { skipConflictsOn: ['identity_key'], conflictsUnlikely: true },
      ),
    );
    const raced: number[] = [];
    const createdIds: number[] = [];
    for (let j = 0; j < missing.length; j++) {
      const id = ids[j];
      if (id === null) raced.push(missing[j]!);
      else {
        recordOf[missing[j]!] = componentRecord(id, inputs[missing[j]!]!);
        createdIds.push(id);
      }
    }
    if (raced.length > 0) {
      const found = await componentsByKey(raced.map((i) => keyOf[i]!));
      for (const i of raced) recordOf[i] = toComponent(found.get(keyOf[i]!)!);
    }
    const conflicts: DataConflict[] = [];
    if (existing.size > 0)
      for (const i of ordered) {
        const row = existing.get(keyOf[i]!);
        if (!row) continue;
        const merge = mergeFields('component', keyOf[i]!, row, componentColumns(inputs[i]!), policy);
        conflicts.push(...merge.conflicts);
        if (Object.keys(merge.changes).length > 0) {
          await db.updateTable('components').set(merge.changes).where('id', '=', row.id).execute();
          Object.assign(row, merge.changes);
        }
        recordOf[i] = toComponent(row);
      }
    return {
      records: first.map((f) => recordOf[f]!),
      // Rows another writer created meanwhile were read back, not created by this call.
      created: missing.length - raced.length,
      createdIds,
      conflicts,
    };
  }

  async function versionsOf(componentIds: number[]): Promise<Map<string, VersionRow>> {
    const found = new Map<string, VersionRow>();
    const rows = await selectWhereIn(ctx, 'versions', 'component_id', 'integer', [...new Set(componentIds)], {
      distinct: true,
    });
    for (const row of rows) found.set(versionKey(row.component_id, row.number), row);
    return found;
  }

  async function upsertVersions(
    inputs: VersionInput[],
    policy: FillPolicy,
    newComponents: readonly number[] = [],
  ): Promise<BulkUpsertResult<VersionRecord>> {
    // As upsertComponents: per input the first input with its key, the work per first input. The
    // key strings are made only when stored versions are compared (a first import compares none).
    const { first, distinct } = firstOfEachVersion(inputs);
    const keyOf = (i: number) => versionKey(inputs[i]!.componentId, inputs[i]!.number);
    // In one order across imports on PostgreSQL (see upsertComponents): by component, then number.
    const ordered = inLockOrder(
      distinct,
      (a, b) => inputs[a]!.componentId - inputs[b]!.componentId || byText(inputs[a]!.number, inputs[b]!.number),
    );
    // Components this transaction created have no versions yet: only the others' are looked up (a
    // first import of 100k components looks up none, ~0.1 s on PostgreSQL).
    const fresh = new Set(newComponents);
    const existing = await versionsOf(ordered.map((i) => inputs[i]!.componentId).filter((id) => !fresh.has(id)));
    const missing = existing.size === 0 ? ordered : ordered.filter((i) => !existing.has(keyOf(i)));
    const recordOf: VersionRecord[] = new Array<VersionRecord>(inputs.length);
    const ids = await insertInParts(ctx, missing, async (part) =>
      bulkInsertIds(
        ctx,
        'versions',
        VERSION_BULK_COLUMNS,
        part.map((i) => {
          const v = inputs[i]!;
          return [
            v.componentId,
            v.number,
            v.purl,
            v.declaredLicense,
            v.concludedLicense,
            v.correctedLicense,
            v.copyright,
          ];
        }),
        { skipConflictsOn: ['component_id', 'number'], conflictsUnlikely: true },
      ),
    );
    const raced: number[] = [];
    const createdIds: number[] = [];
    for (let j = 0; j < missing.length; j++) {
      const id = ids[j];
      if (id === null) raced.push(missing[j]!);
      else {
        recordOf[missing[j]!] = versionRecord(id, inputs[missing[j]!]!);
        createdIds.push(id);
      }
    }
    // Versions another writer created meanwhile (skipped as conflicts) are read back.
    if (raced.length > 0) {
      const found = await versionsOf(raced.map((i) => inputs[i]!.componentId));
      for (const i of raced) recordOf[i] = toVersion(found.get(keyOf(i))!);
    }
    const conflicts: DataConflict[] = [];
    if (existing.size > 0) {
      const names = await componentNames([...existing.values()].map((r) => r.component_id));
      for (const i of ordered) {
        const row = existing.get(keyOf(i));
        if (!row) continue;
        const label = `${names.get(row.component_id) ?? row.component_id}@${row.number}`;
        const merge = mergeFields('version', label, row, versionColumns(inputs[i]!), policy);
        conflicts.push(...merge.conflicts);
        if (Object.keys(merge.changes).length > 0) {
          await db.updateTable('versions').set(merge.changes).where('id', '=', row.id).execute();
          Object.assign(row, merge.changes);
        }
        recordOf[i] = toVersion(row);
      }
    }
    return {
      records: first.map((f) => recordOf[f]!),
      // Rows another writer created meanwhile were read back, not created by this call.
      created: missing.length - raced.length,
      createdIds,
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
