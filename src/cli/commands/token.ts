import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { openStore, ROLES, type ApiToken, type Role, type Store } from '../../store/index.js';
import { DURATION_HINT, parseDuration } from '../../server/index.js';
import { DB_OPTION_HELP, storeOptionsFrom } from './store-option.js';

interface DbOpts {
  db?: string;
  json?: boolean;
}

async function withStore<T>(ctx: CommandContext, opts: DbOpts, work: (store: Store) => Promise<T>): Promise<T> {
  const options = storeOptionsFrom(opts.db);
  if (options.sqlitePath) options.sqlitePath = resolve(ctx.io.cwd, options.sqlitePath);
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function describe(t: ApiToken): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'never expires';
  return `${t.id}\t${t.name}\t${t.role}\t${state}\tlast used ${t.lastUsedAt ?? 'never'}`;
}

/** Only the hash is stored, so the secret is printed here once and can never be shown again. */
export function registerToken(program: Command, ctx: CommandContext): void {
  const token = program.command('token').description('API tokens for `vigie serve` (stored hashed, with a role and an expiry)');

  token
    .command('create')
    .description('create a token and print its secret (once)')
    .requiredOption('--name <name>', 'who or what the token is for')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES as string[]).makeOptionMandatory())
    .option('--expires-in <duration>', `lifetime: ${DURATION_HINT} (default: never expires)`)
    .option('--db <db>', DB_OPTION_HELP)
    .option('--json', 'print one JSON document')
    .action(async (opts: DbOpts & { name: string; role: Role; expiresIn?: string }) => {
      let expiresAt: string | null = null;
      if (opts.expiresIn !== undefined) {
        const ms = parseDuration(opts.expiresIn);
        if (ms === null) throw new UsageError(`--expires-in must be ${DURATION_HINT}, not "${opts.expiresIn}"`);
        expiresAt = new Date(Date.now() + ms).toISOString();
      }
      const created = await withStore(ctx, opts, (store) => store.createApiToken({ name: opts.name, role: opts.role, expiresAt }));
      const { tokenHash: _hash, ...shown } = created.token;
      if (opts.json) return printJson(ctx, { token: shown, secret: created.secret });
      ctx.io.stdout(`${created.secret}\n`);
      ctx.io.stderr(`token ${created.token.id} "${opts.name}" (${opts.role}, ${expiresAt ? `expires ${expiresAt}` : 'never expires'}): keep the secret above, it is not stored\n`);
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--db <db>', DB_OPTION_HELP)
    .option('--json', 'print one JSON document')
    .action(async (opts: DbOpts) => {
      const tokens = await withStore(ctx, opts, (store) => store.listApiTokens());
      if (opts.json) return printJson(ctx, tokens.map(({ tokenHash: _hash, ...t }) => t));
      ctx.io.stdout(tokens.length ? tokens.map(describe).join('\n') + '\n' : 'no tokens\n');
    });

  token
    .command('revoke')
    .description('revoke a token: it stops working at once')
    .argument('<id>', 'token id (see `vigie token list`)')
    .option('--db <db>', DB_OPTION_HELP)
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: DbOpts) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`token id must be a number, not "${id}"`);
      const revoked = await withStore(ctx, opts, (store) => store.revokeApiToken(Number(id)));
      if (!revoked) throw new UsageError(`no token ${id}`);
      if (opts.json) return printJson(ctx, { revoked: Number(id) });
      ctx.io.stdout(`revoked token ${id}\n`);
    });
}
