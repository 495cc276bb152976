/**
 * Data step of migration 0004: component identity keys used to keep purl qualifiers, so
 * `pkg:maven/g/a?type=jar` and `pkg:maven/g/a` were two components. Each stored key (and the purl a
 * decision names) is recomputed with the one identity function; when two components now share a
 * key, the later one is merged into the first: its versions move over (or, when the number exists,
 * its usages move to that version), so no usage is lost.
 */
import type { Kysely } from 'kysely';
import { identityPurl } from '../../model/component-identity.js';
import { isPurlError, parsePurl } from '../../model/purl/index.js';
import type { Database } from '../schema.js';

function newKeyOf(purl: string): { key: string; namespace: string | null; name: string; type: string } | null {
  const p = parsePurl(purl);
  if (isPurlError(p)) return null;
  return { key: identityPurl(p), namespace: p.namespace ?? null, name: p.name, type: p.type };
}

export async function rekeyComponents(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Database>;
  const rows = await db
    .selectFrom('components')
    .select(['id', 'identity_key', 'purl'])
    .where('purl', 'is not', null)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const next = newKeyOf(row.purl!);
    if (!next || (next.key === row.identity_key && next.key === row.purl)) continue;
    const survivor = await db
      .selectFrom('components')
      .select('id')
      .where('identity_key', '=', next.key)
      .where('id', '!=', row.id)
      .executeTakeFirst();
    if (!survivor) {
      await db
        .updateTable('components')
        .set({
          identity_key: next.key,
          purl: next.key,
          purl_type: next.type,
          namespace: next.namespace,
          name: next.name,
        })
        .where('id', '=', row.id)
        .execute();
      continue;
    }
    await mergeComponent(db, row.id, survivor.id);
  }
  const decisions = await db
    .selectFrom('decisions')
    .select(['id', 'component'])
    .where('component', 'like', 'pkg:%')
    .execute();
  for (const d of decisions) {
    const next = newKeyOf(d.component!);
    if (next && next.key !== d.component)
      await db.updateTable('decisions').set({ component: next.key }).where('id', '=', d.id).execute();
  }
}

async function mergeComponent(db: Kysely<Database>, fromId: number, intoId: number): Promise<void> {
  const versions = await db
    .selectFrom('versions')
    .select(['id', 'number'])
    .where('component_id', '=', fromId)
    .execute();
  for (const v of versions) {
    const same = await db
      .selectFrom('versions')
      .select('id')
      .where('component_id', '=', intoId)
      .where('number', '=', v.number)
      .executeTakeFirst();
    if (!same) {
      await db.updateTable('versions').set({ component_id: intoId }).where('id', '=', v.id).execute();
      continue;
    }
    const usages = await db
      .selectFrom('usages')
      .select(['id', 'release_id', 'scope', 'project'])
      .where('version_id', '=', v.id)
      .execute();
    for (const u of usages) {
      const taken = await db
        .selectFrom('usages')
        .select('id')
        .where('release_id', '=', u.release_id)
        .where('version_id', '=', same.id)
        .where('scope', '=', u.scope)
        .where('project', '=', u.project)
        .executeTakeFirst();
      if (taken) await db.deleteFrom('usages').where('id', '=', u.id).execute();
      else await db.updateTable('usages').set({ version_id: same.id }).where('id', '=', u.id).execute();
    }
    await db.deleteFrom('versions').where('id', '=', v.id).execute();
  }
  await db.deleteFrom('components').where('id', '=', fromId).execute();
}
