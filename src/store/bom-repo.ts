/**
 * A release's BOM as the API lists it: one page of usages, each with its version and component, read
 * in one joined statement, and the release's usage count. Listing a page never loads the whole
 * release (its decisions, rules, policies and every other usage): on a 50k-component release a page
 * costs what a page costs (issue 13 item 6). The same read names the release's newest validation
 * run, whose resolved licences the BOM shows (services/release-views.ts).
 *
 * On SQLite the page is read as arrays (better-sqlite3's raw mode) and turned into records here:
 * building one object per row and column in the driver cost twice as much as the query, and this
 * is the hottest read of the API (the loopback load bench).
 */
import { sql } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';
import type { BomEntry, BomPage } from './types.js';
import { toCount, type StoreContext } from './context.js';
import { toComponent, toVersion } from './component-repo.js';
import { toUsage } from './usage-repo.js';

type BomMethods = Pick<Store, 'releaseBomPage'>;

/** The selected columns, in the order of a row read as an array. */
const COLUMNS = [
  ['u', 'id'],
  ['u', 'release_id'],
  ['u', 'version_id'],
  ['u', 'scope'],
  ['u', 'project'],
  ['u', 'linking'],
  ['u', 'modified'],
  ['u', 'exploitation'],
  ['u', 'chosen_license'],
  ['u', 'status'],
  ['u', 'added_by'],
  ['u', 'description'],
  ['v', 'component_id'],
  ['v', 'number'],
  ['v', 'purl'],
  ['v', 'declared_license'],
  ['v', 'concluded_license'],
  ['v', 'corrected_license'],
  ['v', 'copyright'],
  ['c', 'purl_type'],
  ['c', 'namespace'],
  ['c', 'name'],
  ['c', 'purl'],
  ['c', 'description'],
  ['c', 'homepage'],
  ['c', 'language'],
] as const;

const SELECT_LIST = COLUMNS.map(([table, column], i) => `${table}.${column} AS c${i}`).join(', ');
// Usages name their version and versions their component by foreign keys (no orphans), so inner
// joins keep every usage; one statement reads all three at one moment on PostgreSQL too.
const JOINED = 'usages u JOIN versions v ON v.id = u.version_id JOIN components c ON c.id = v.component_id';
/** The usage count, and the newest validation run (whose resolved licences the BOM shows). */
const RELEASE_FACTS =
  '(SELECT count(*) FROM usages WHERE release_id = r.id) AS total, (SELECT max(id) FROM validation_runs WHERE release_id = r.id) AS run';
const SQLITE_FACTS = `SELECT ${RELEASE_FACTS} FROM releases r WHERE r.id = ?`;
const SQLITE_PAGE = `SELECT ${SELECT_LIST} FROM ${JOINED} WHERE u.release_id = ? ORDER BY u.id LIMIT ? OFFSET ?`;

type Cell = string | number | boolean | null;

function toEntry(row: readonly Cell[]): BomEntry {
  const [
    id,
    releaseId,
    versionId,
    scope,
    project,
    linking,
    modified,
    exploitation,
    chosen,
    status,
    addedBy,
    usageDescription,
  ] = row;
  const [componentId, number, versionPurl, declared, concluded, corrected, copyright] = row.slice(12);
  const [purlType, namespace, name, purl, description, homepage, language] = row.slice(19);
  return {
    usage: toUsage({
      id: id as number,
      release_id: releaseId as number,
      version_id: versionId as number,
      scope: scope as string,
      project: project as string,
      linking: linking as string | null,
      modified: modified as boolean | number | null,
      exploitation: exploitation as string | null,
      chosen_license: chosen as string | null,
      status: status as string,
      added_by: addedBy as string,
      description: usageDescription as string | null,
    }),
    version: toVersion({
      id: versionId as number,
      component_id: componentId as number,
      number: number as string,
      purl: versionPurl as string | null,
      declared_license: declared as string | null,
      concluded_license: concluded as string | null,
      corrected_license: corrected as string | null,
      copyright: copyright as string | null,
    }),
    component: toComponent({
      id: componentId as number,
      purl_type: purlType as string | null,
      namespace: namespace as string | null,
      name: name as string,
      purl: purl as string | null,
      description: description as string | null,
      homepage: homepage as string | null,
      language: language as string | null,
    }),
  };
}

export function bomRepository(ctx: StoreContext): BomMethods {
  const { db } = ctx;
  let sqliteStatements: { facts: Statement; page: Statement } | undefined;

  /** SQLite: both reads at once on the connection Kysely uses, held so that no transaction is open half-way. */
  async function sqlitePage(releaseId: number, limit: number, offset: number): Promise<BomPage | null> {
    const connection = ctx.sqlite!;
    sqliteStatements ??= {
      facts: connection.prepare(SQLITE_FACTS).raw(),
      page: connection.prepare(SQLITE_PAGE).raw(),
    };
    const { facts, page } = sqliteStatements;
    const read = (): BomPage | null => {
      const found = facts.get(releaseId) as [number, number | null] | undefined;
      if (found === undefined) return null;
      const [total, latestRunId] = found;
      const rows = offset >= total ? [] : (page.all(releaseId, limit, offset) as Cell[][]);
      return { total, latestRunId, entries: rows.map(toEntry) };
    };
    return ctx.inTransaction ? read() : db.connection().execute(async () => read());
  }

  return {
    async releaseBomPage(releaseId, { limit, offset }) {
      if (ctx.dialect === 'sqlite' && ctx.sqlite) return sqlitePage(releaseId, limit, offset);
      const found = await sql<{
        total: string | number;
        run: number | null;
      }>`SELECT ${sql.raw(RELEASE_FACTS)} FROM releases r WHERE r.id = ${releaseId}`.execute(db);
      if (found.rows.length === 0) return null;
      const total = toCount(found.rows[0]!.total);
      const run = found.rows[0]!.run;
      const latestRunId = run === null ? null : Number(run);
      if (offset >= total) return { total, latestRunId, entries: [] };
      const rows = await sql<
        Record<string, Cell>
      >`SELECT ${sql.raw(SELECT_LIST)} FROM ${sql.raw(JOINED)} WHERE u.release_id = ${releaseId} ORDER BY u.id LIMIT ${limit} OFFSET ${offset}`.execute(
        db,
      );
      return { total, latestRunId, entries: rows.rows.map((r) => toEntry(COLUMNS.map((_, i) => r[`c${i}`]!))) };
    },
  };
}
