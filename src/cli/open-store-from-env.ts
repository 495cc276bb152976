/**
 * The store of a stateful CLI command: `--db <path|postgres://…>`, else $VIGIE_DATABASE_URL, else
 * $VIGIE_DB, else ./vigie.db. A `schema` query parameter on a PostgreSQL URL selects the schema to
 * work in (tests use one per run).
 */
import { resolve } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../services/store-door.js';

export function storeOptionsFromEnv(
  db: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): StoreOptions {
  const target = db ?? env.VIGIE_DATABASE_URL ?? env.VIGIE_DB ?? './vigie.db';
  if (/^postgres(ql)?:\/\//.test(target)) {
    const url = new URL(target);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return { databaseUrl: url.toString(), schema };
  }
  return { sqlitePath: target === ':memory:' ? target : resolve(cwd, target) };
}

export async function openStoreFromEnv(
  db: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  return openStore(storeOptionsFromEnv(db, cwd, env));
}
