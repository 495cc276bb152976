/** API tokens (hash only) and the dashboard's "last consulted" release views. */
import { CompiledQuery, type Selectable } from 'kysely';
import type { Store } from './store.js';
import type { Database } from './schema.js';
import type { ApiToken, Role } from './types.js';
import { nowIso, type StoreContext } from './context.js';
import { toRelease } from './portfolio-repo.js';

type AccessMethods = Pick<
  Store,
  | 'createApiToken'
  | 'findApiTokenByHash'
  | 'listApiTokens'
  | 'touchApiToken'
  | 'revokeApiToken'
  | 'recordReleaseView'
  | 'listRecentReleaseViews'
>;

function toToken(row: Selectable<Database['api_tokens']>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function accessRepository(ctx: StoreContext): AccessMethods {
  const { db } = ctx;
  let tokenByHash: string | undefined;
  const methods: AccessMethods = {
    async createApiToken(input) {
      const row = await db
        .insertInto('api_tokens')
        .values({
          name: input.name,
          role: input.role,
          token_hash: input.tokenHash,
          created_at: nowIso(),
          expires_at: input.expiresAt,
          last_used_at: null,
          revoked_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async findApiTokenByHash(tokenHash) {
      // Every authenticated request runs this: the query is built once (building it cost more than
      // running it on SQLite, issue 13 item 6) and only the hash changes.
      tokenByHash ??= db.selectFrom('api_tokens').selectAll().where('token_hash', '=', '').compile().sql;
      const { rows } = await db.executeQuery<Selectable<Database['api_tokens']>>(
        CompiledQuery.raw(tokenByHash, [tokenHash]),
      );
      return rows[0] ? toToken(rows[0]) : null;
    },
    async listApiTokens() {
      return (await db.selectFrom('api_tokens').selectAll().orderBy('id').execute()).map(toToken);
    },
    async touchApiToken(id, at = nowIso()) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revokeApiToken(id, at = nowIso()) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async recordReleaseView(releaseId, viewedBy = null, at = nowIso()) {
      await db
        .insertInto('release_views')
        .values({ release_id: releaseId, viewed_at: at, viewed_by: viewedBy })
        .onConflict((oc) => oc.column('release_id').doUpdateSet({ viewed_at: at, viewed_by: viewedBy }))
        .execute();
    },
    async listRecentReleaseViews(limit = 10) {
      const rows = await db
        .selectFrom('release_views as v')
        .innerJoin('releases as r', 'r.id', 'v.release_id')
        .selectAll('r')
        .select(['v.viewed_at', 'v.viewed_by'])
        .orderBy('v.viewed_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ release: toRelease(row), viewedAt: row.viewed_at, viewedBy: row.viewed_by }));
    },
  };
  return methods;
}
