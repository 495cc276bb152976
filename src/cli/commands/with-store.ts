/**
 * What every stateful command shares: the `--db` and `--json` options, opening and closing the
 * store, and ServiceErrors turned into one line on stderr with exit code 2.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { openStoreFromEnv } from '../open-store-from-env.js';
import { isServiceError, findReleaseByName, type ReleaseRef } from '../../services/index.js';
import type { Store } from '../../services/store-door.js';

export interface StoreFlags {
  db?: string;
  json?: boolean;
}

export const DB_HELP = 'SQLite file or postgres:// URL (default $VIGIE_DATABASE_URL, else $VIGIE_DB, else ./vigie.db)';

export function withStoreOptions(cmd: Command): Command {
  return cmd.option('--db <path|url>', DB_HELP).option('--json', 'print one JSON document on stdout');
}

export async function withStore<T>(
  ctx: CommandContext,
  flags: StoreFlags,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStoreFromEnv(flags.db, ctx.io.cwd);
  try {
    return await fn(store);
  } catch (err) {
    if (isServiceError(err)) throw new UsageError(`${err.code}: ${err.message}`);
    throw err;
  } finally {
    await store.close();
  }
}

export function releaseOf(store: Store, product: string, number: string): Promise<ReleaseRef> {
  return findReleaseByName(store, product, number);
}

/** Splits repeatable/comma-separated list options. */
export function listOption(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function choiceOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}
