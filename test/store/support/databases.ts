/**
 * The two databases the store contract runs against. SQLite: a temp file per test. PostgreSQL:
 * $VIGIE_TEST_DATABASE_URL, or a throwaway server started here with scripts/start-postgres.sh (and
 * stopped when the process exits); one fresh schema per test. When PostgreSQL cannot be had, its
 * half is skipped with the reason, except under CI=true where that is an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreDialect, type StoreOptions } from '../../../src/store/index.js';
import { REPO_ROOT } from '../../support/corpora.js';

export interface FreshStore {
  store: Store;
  /** Options that open the same database again (from another process, after a kill…). */
  options: StoreOptions;
  dispose(): Promise<void>;
}

export interface Target {
  dialect: StoreDialect;
  /** Why this dialect cannot run here; undefined when it can. */
  unavailable?: string;
  fresh(): Promise<FreshStore>;
}

let postgres: { url?: string; reason?: string } | undefined;

/** The test PostgreSQL's URL, or why there is none (see the module comment; CI=true makes that an error). */
export function postgresUrl(): { url?: string; reason?: string } {
  if (postgres) return postgres;
  if (process.env.VIGIE_TEST_DATABASE_URL) return (postgres = { url: process.env.VIGIE_TEST_DATABASE_URL });
  const script = join(REPO_ROOT, 'scripts', 'start-postgres.sh');
  const started = spawnSync('sh', [script, 'start'], { encoding: 'utf8' });
  const url = /VIGIE_TEST_DATABASE_URL=(\S+)/.exec(started.stdout ?? '')?.[1];
  const dir = /VIGIE_PG_DIR=(\S+)/.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !url || !dir) {
    const reason = `could not start PostgreSQL with scripts/start-postgres.sh: ${(started.stderr || started.error?.message || 'no output').trim().split('\n').pop()}`;
    if (process.env.CI === 'true')
      throw new Error(`${reason} (CI=true: the PostgreSQL half of the store contract must run)`);
    return (postgres = { reason });
  }
  process.on('exit', () => {
    spawnSync('sh', [script, 'stop', dir]);
  });
  return (postgres = { url });
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export function sqliteTarget(): Target {
  return {
    dialect: 'sqlite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'vigie-store-'));
      const options = { sqlitePath: join(dir, 'store.db') };
      const store = await openStore(options);
      return {
        store,
        options,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

export function postgresTarget(): Target {
  const { url, reason } = postgresUrl();
  return {
    dialect: 'postgres',
    unavailable: reason,
    async fresh() {
      if (!url) throw new Error(reason);
      const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
      const options = { databaseUrl: url, schema };
      const store = await openStore(options);
      return {
        store,
        options,
        async dispose() {
          await store.close();
          await dropSchema(url, schema);
        },
      };
    },
  };
}

export function targets(): Target[] {
  return [sqliteTarget(), postgresTarget()];
}
