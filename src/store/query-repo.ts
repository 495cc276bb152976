/** Portfolio-wide queries, and the loading of everything one release validation needs. */
import { eventLoopTurn } from '../io/event-loop-turn.js';
import { sql } from 'kysely';
import { isPurlError, parsePurl } from '../model/purl/index.js';
import { componentReference } from '../model/component-identity.js';
import type { Store } from './store.js';
import type { ComponentQuery, DiffedUsage, ReleaseContext, ReleaseDiff, ReleaseHit } from './types.js';
import { chunks, sqliteReadTransaction, toCount, type StoreContext } from './context.js';
import { selectWhereIn } from './bulk-select.js';
import { toComponent, toVersion } from './component-repo.js';
import { toRelease } from './portfolio-repo.js';
import { toUsage } from './usage-repo.js';
import { toDecision } from './decision-repo.js';
import { toPolicy } from './knowledge-repo.js';

type QueryMethods = Pick<
  Store,
  | 'releasesContaining'
  | 'mostUsedComponents'
  | 'licenseDistribution'
  | 'diffReleases'
  | 'loadReleaseData'
  | 'loadReleaseContext'
>;

/** A versioned purl asks for that version only. */
function purlVersion(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePurl(text);
  return !isPurlError(parsed) && parsed.version !== undefined ? [parsed.version] : undefined;
}

/** Rows read at a time by loadReleaseData on SQLite (~0.1 s of the thread each). */
const USAGE_PAGE = 20_000;

export function queryRepository(ctx: StoreContext): QueryMethods {
  const { db } = ctx;

  function usageRowsOf(releaseId: number, after = 0, limit?: number) {
    let q = db.selectFrom('usages').selectAll().where('release_id', '=', releaseId);
    if (after > 0) q = q.where('id', '>', after);
    q = q.orderBy('id');
    return (limit === undefined ? q : q.limit(limit)).execute();
  }

  /** A release's usage rows a page at a time (by id, on usages_release_order_idx), the event loop turning after each. */
  async function usageRowsInPages(releaseId: number) {
    const rows = [];
    for (let after = 0; ;) {
      const page = await usageRowsOf(releaseId, after, USAGE_PAGE);
      for (const row of page) rows.push(row);
      await eventLoopTurn();
      if (page.length < USAGE_PAGE) return rows;
      after = page[page.length - 1]!.id;
    }
  }

  /** Rows by id; on SQLite USAGE_PAGE ids at a time, the event loop turning after each. */
  async function rowsById<T extends 'versions' | 'components'>(table: T, ids: number[]) {
    if (ctx.dialect !== 'sqlite') return selectWhereIn(ctx, table, 'id', 'integer', ids);
    const rows = [];
    for (const part of chunks(ids, USAGE_PAGE)) {
      for (const row of await selectWhereIn(ctx, table, 'id', 'integer', part)) rows.push(row);
      await eventLoopTurn();
    }
    return rows;
  }

  async function releasesContaining(query: ComponentQuery): Promise<ReleaseHit[]> {
    if (query.name === undefined && query.purl === undefined && query.nameContains === undefined) return [];
    let q = db
      .selectFrom('usages as u')
      .innerJoin('versions as v', 'v.id', 'u.version_id')
      .innerJoin('components as c', 'c.id', 'v.component_id')
      .select(['u.release_id', 'u.version_id', 'u.project', 'u.scope', 'v.number']);
    if (query.purl !== undefined) {
      const ref = componentReference(query.purl);
      const key = 'key' in ref ? ref.key : query.purl;
      q = q.where((eb) => eb.or([eb('c.identity_key', '=', key), eb('c.purl', '=', key)]));
    }
    // The name people read is `namespace/name` (golang.org/x/net); the bare name and the key match too.
    const displayed = sql<string>`coalesce(c.namespace || '/', '') || c.name`;
    if (query.name !== undefined) {
      const name = query.name;
      q = q.where((eb) => eb.or([eb('c.name', '=', name), eb('c.identity_key', '=', name), eb(displayed, '=', name)]));
    }
    if (query.nameContains !== undefined) {
      const pattern = `%${query.nameContains.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(${displayed}) like ${pattern} escape '\\'`,
          sql<boolean>`lower(c.identity_key) like ${pattern} escape '\\'`,
        ]),
      );
    }
    const versionNumbers = query.versions ?? purlVersion(query.purl);
    if (versionNumbers !== undefined) {
      if (versionNumbers.length === 0) return [];
      q = q.where('v.number', 'in', versionNumbers);
    }
    const rows = (
      await q.orderBy('u.release_id').orderBy('u.version_id').orderBy('u.project').orderBy('u.scope').execute()
    ).filter((r) => !query.versionMatches || query.versionMatches(r.number));
    if (rows.length === 0) return [];

    // A partial name ("0") can match every component of the portfolio: the ids go as one JSON or
    // array parameter (selectWhereIn), not one bound value each (SQLite refused 140k of them: a 500).
    const releaseIds = [...new Set(rows.map((r) => r.release_id))];
    const versionIds = [...new Set(rows.map((r) => r.version_id))];
    const releases = new Map(
      (await selectWhereIn(ctx, 'releases', 'id', 'integer', releaseIds)).map((r) => [r.id, toRelease(r)]),
    );
    const products = new Map(
      (
        await selectWhereIn(ctx, 'products', 'id', 'integer', [
          ...new Set([...releases.values()].map((r) => r.productId)),
        ])
      ).map((p) => [p.id, p.name]),
    );
    const versions = new Map(
      (await selectWhereIn(ctx, 'versions', 'id', 'integer', versionIds)).map((v) => [v.id, toVersion(v)]),
    );
    const components = new Map(
      (
        await selectWhereIn(ctx, 'components', 'id', 'integer', [
          ...new Set([...versions.values()].map((v) => v.componentId)),
        ])
      ).map((c) => [c.id, toComponent(c)]),
    );

    const hits = new Map<string, ReleaseHit>();
    for (const row of rows) {
      const key = `${row.release_id}:${row.version_id}`;
      let hit = hits.get(key);
      if (!hit) {
        const release = releases.get(row.release_id)!;
        const version = versions.get(row.version_id)!;
        hit = {
          release,
          productName: products.get(release.productId) ?? '',
          component: components.get(version.componentId)!,
          version,
          usages: [],
        };
        hits.set(key, hit);
      }
      hit.usages.push({ project: row.project, scope: row.scope });
    }
    return [...hits.values()];
  }

  async function usageSummary(releaseId: number): Promise<DiffedUsage[]> {
    return db
      .selectFrom('usages as u')
      .innerJoin('versions as v', 'v.id', 'u.version_id')
      .innerJoin('components as c', 'c.id', 'v.component_id')
      .select([
        'c.identity_key as component',
        'v.number as version',
        'u.project',
        'u.scope',
        'u.chosen_license as chosenLicense',
      ])
      .where('u.release_id', '=', releaseId)
      .orderBy('c.identity_key')
      .orderBy('v.number')
      .orderBy('u.project')
      .orderBy('u.scope')
      .execute();
  }

  async function diffReleases(fromReleaseId: number, toReleaseId: number): Promise<ReleaseDiff> {
    const group = (usages: DiffedUsage[]) => {
      const byKey = new Map<string, Map<string, DiffedUsage>>();
      for (const u of usages) {
        const key = `${u.component}\u0000${u.project}\u0000${u.scope}`;
        if (!byKey.has(key)) byKey.set(key, new Map());
        byKey.get(key)!.set(u.version, u);
      }
      return byKey;
    };
    const before = group(await usageSummary(fromReleaseId));
    const after = group(await usageSummary(toReleaseId));
    const diff: ReleaseDiff = { added: [], removed: [], versionChanged: [], choiceChanged: [] };
    for (const [key, was] of before) {
      const now = after.get(key) ?? new Map<string, DiffedUsage>();
      const gone = [...was.values()].filter((u) => !now.has(u.version));
      const come = [...now.values()].filter((u) => !was.has(u.version));
      if (gone.length === 1 && come.length === 1) {
        const [g, c] = [gone[0], come[0]];
        diff.versionChanged.push({
          component: g.component,
          project: g.project,
          scope: g.scope,
          from: g.version,
          to: c.version,
        });
      } else {
        diff.removed.push(...gone);
        diff.added.push(...come);
      }
      for (const u of was.values()) {
        const same = now.get(u.version);
        if (same && same.chosenLicense !== u.chosenLicense)
          diff.choiceChanged.push({
            component: u.component,
            version: u.version,
            project: u.project,
            scope: u.scope,
            from: u.chosenLicense,
            to: same.chosenLicense,
          });
      }
    }
    for (const [key, now] of after) if (!before.has(key)) diff.added.push(...now.values());
    return diff;
  }

  /** A release with everything its validation reads except its usages, versions and components. */
  async function releaseContext(releaseId: number): Promise<ReleaseContext | null> {
    const releaseRow = await db.selectFrom('releases').selectAll().where('id', '=', releaseId).executeTakeFirst();
    if (!releaseRow) return null;
    const release = toRelease(releaseRow);
    const productRow = await db
      .selectFrom('products')
      .selectAll()
      .where('id', '=', release.productId)
      .executeTakeFirst();
    // Deleted between the two reads (a product deleted while one of its imports validates): gone too.
    if (!productRow) return null;
    const categoryRows = await db
      .selectFrom('categories as c')
      .innerJoin('product_categories as pc', 'pc.category_id', 'c.id')
      .selectAll('c')
      .where('pc.product_id', '=', release.productId)
      .orderBy('c.id')
      .execute();
    const categoryIds = categoryRows.map((c) => c.id);
    const [ruleRows, decisionRows, policyRows] = await Promise.all([
      db.selectFrom('exploitation_rules').selectAll().where('release_id', '=', releaseId).orderBy('id').execute(),
      db
        .selectFrom('decisions')
        .selectAll()
        .where((eb) => eb.or([eb('release_id', 'is', null), eb('release_id', '=', releaseId)]))
        .where((eb) => eb.or([eb('product_id', 'is', null), eb('product_id', '=', release.productId)]))
        .where((eb) =>
          categoryIds.length > 0
            ? eb.or([eb('category_id', 'is', null), eb('category_id', 'in', categoryIds)])
            : eb('category_id', 'is', null),
        )
        .orderBy('id')
        .execute(),
      db.selectFrom('license_policies').selectAll().orderBy('license').execute(),
    ]);
    return {
      release,
      product: {
        id: productRow.id,
        name: productRow.name,
        description: productRow.description,
        owner: productRow.owner,
        categoryIds,
        outboundLicenses: JSON.parse(productRow.outbound_licenses) as string[],
      },
      categories: categoryRows.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        outboundLicenses: JSON.parse(c.outbound_licenses) as string[],
      })),
      exploitationRules: ruleRows.map((r) => ({
        id: r.id,
        releaseId: r.release_id,
        scope: r.scope,
        project: r.project,
        exploitation: r.exploitation as never,
      })),
      decisions: decisionRows.map(toDecision),
      policies: policyRows.map(toPolicy),
    };
  }

  return {
    releasesContaining,
    async mostUsedComponents(limit = 20) {
      const rows = await db
        .selectFrom('usages as u')
        .innerJoin('versions as v', 'v.id', 'u.version_id')
        .select((eb) => [
          'v.component_id',
          eb.fn.count('u.id').as('usages'),
          eb.fn.count('u.release_id').distinct().as('releases'),
        ])
        .groupBy('v.component_id')
        .orderBy('releases', 'desc')
        .orderBy('usages', 'desc')
        .orderBy('v.component_id')
        .limit(limit)
        .execute();
      if (rows.length === 0) return [];
      const components = new Map(
        (
          await db
            .selectFrom('components')
            .selectAll()
            .where(
              'id',
              'in',
              rows.map((r) => r.component_id),
            )
            .execute()
        ).map((c) => [c.id, toComponent(c)]),
      );
      return rows.map((r) => ({
        component: components.get(r.component_id)!,
        releases: toCount(r.releases),
        usages: toCount(r.usages),
      }));
    },
    async licenseDistribution(role, releaseId) {
      const column =
        role === 'chosen'
          ? sql.ref('u.chosen_license')
          : role === 'declared'
            ? sql.ref('v.declared_license')
            : sql.ref('v.concluded_license');
      let q = db
        .selectFrom('usages as u')
        .innerJoin('versions as v', 'v.id', 'u.version_id')
        .select((eb) => [column.as('license') as never, eb.fn.countAll().as('usages')])
        .groupBy(column as never);
      if (releaseId !== undefined) q = q.where('u.release_id', '=', releaseId);
      const rows = (await q.execute()) as unknown as Array<{ license: string | null; usages: string | number }>;
      return rows
        .map((r) => ({ license: r.license, usages: toCount(r.usages) }))
        .sort((a, b) => b.usages - a.usages || (a.license ?? '').localeCompare(b.license ?? ''));
    },
    diffReleases,
    async loadReleaseData(releaseId) {
      // SQLite reads on this thread (a 100k-component release: ~2 s of reads and rows made). One read
      // transaction sees the release at one moment while the event loop turns between its reads
      // (other callers of this connection wait for it, as they waited for the blocked thread).
      const inOneRead = sqliteReadTransaction(ctx, (tx) => queryRepository(tx).loadReleaseData(releaseId));
      if (inOneRead) return inOneRead;
      const context = await releaseContext(releaseId);
      if (!context) return null;
      // Versions and components are read by the ids the usage rows name, not by a second look at the
      // usages table: an import committing in between (PostgreSQL reads each statement at its own
      // moment) must not leave a usage whose version was not read.
      const usageRows = ctx.dialect === 'sqlite' ? await usageRowsInPages(releaseId) : await usageRowsOf(releaseId);
      const byId = <R extends { id: number }>(rows: R[]) => rows.sort((a, b) => a.id - b.id);
      const versionRows = byId(await rowsById('versions', [...new Set(usageRows.map((u) => u.version_id))]));
      const componentRows = byId(await rowsById('components', [...new Set(versionRows.map((v) => v.component_id))]));
      const { release, product, categories, exploitationRules, decisions, policies } = context;
      return {
        release,
        product,
        categories,
        usages: usageRows.map(toUsage),
        versions: versionRows.map(toVersion),
        components: componentRows.map(toComponent),
        exploitationRules,
        decisions,
        policies,
      };
    },
    loadReleaseContext: releaseContext,
  };
}

// Kept for callers that want to batch their own id lists the same way the repositories do.
export { chunks };
