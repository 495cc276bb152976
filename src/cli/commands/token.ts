import { Command, Option } from 'commander';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { ROLES, type ApiToken, type Role } from '../../services/store-door.js';
import { createToken, listTokens, revokeToken } from '../../services/index.js';
import { DURATION_HINT, parseDuration } from '../../server/index.js';
import { DB_HELP, withStore, type StoreFlags as DbOpts } from './with-store.js';

function describe(t: ApiToken): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'never expires';
  return `${t.id}\t${t.name}\t${t.role}\t${state}\tlast used ${t.lastUsedAt ?? 'never'}`;
}

/** Only the hash is stored, so the secret is printed here once and can never be shown again. */
export function registerToken(program: Command, ctx: CommandContext): void {
  const token = program
    .command('token')
    .description('API tokens for `vigie serve` (stored hashed, with a role and an expiry)');

  token
    .command('create')
    .description('create a token and print its secret (once)')
    .requiredOption('--name <name>', 'who or what the token is for')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES as string[]).makeOptionMandatory())
    .option('--expires-in <duration>', `lifetime: ${DURATION_HINT} (default: never expires)`)
    .option('--db <path|url>', DB_HELP)
    .option('--json', 'print one JSON document')
    .action(async (opts: DbOpts & { name: string; role: Role; expiresIn?: string }) => {
      let lifetimeMs: number | undefined;
      if (opts.expiresIn !== undefined) {
        const ms = parseDuration(opts.expiresIn);
        if (ms === null) throw new UsageError(`--expires-in must be ${DURATION_HINT}, not "${opts.expiresIn}"`);
        lifetimeMs = ms;
      }
      const created = await withStore(ctx, opts, (store) =>
        createToken(store, { name: opts.name, role: opts.role, lifetimeMs }),
      );
      const expiresAt = created.token.expiresAt;
      const { tokenHash: _hash, ...shown } = created.token;
      if (opts.json) return printJson(ctx, { token: shown, secret: created.secret });
      ctx.io.stdout(`${created.secret}\n`);
      ctx.io.stderr(
        `token ${created.token.id} "${opts.name}" (${opts.role}, ${expiresAt ? `expires ${expiresAt}` : 'never expires'}): keep the secret above, it is not stored\n`,
      );
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--db <path|url>', DB_HELP)
    .option('--json', 'print one JSON document')
    .action(async (opts: DbOpts) => {
      const tokens = await withStore(ctx, opts, (store) => listTokens(store));
      if (opts.json)
        return printJson(
          ctx,
          tokens.map(({ tokenHash: _hash, ...t }) => t),
        );
      ctx.io.stdout(tokens.length ? tokens.map(describe).join('\n') + '\n' : 'no tokens\n');
    });

  token
    .command('revoke')
    .description('revoke a token: it stops working at once')
    .argument('<id>', 'token id (see `vigie token list`)')
    .option('--db <path|url>', DB_HELP)
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: DbOpts) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`token id must be a number, not "${id}"`);
      await withStore(ctx, opts, (store) => revokeToken(store, Number(id)));
      if (opts.json) return printJson(ctx, { revoked: Number(id) });
      ctx.io.stdout(`revoked token ${id}\n`);
    });
}
