import { isIP } from 'node:net';
import { Command } from 'commander';
import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { buildServer, DEFAULT_UPLOAD_LIMIT } from '../../server/index.js';
import { openStoreFromEnv, storeOptionsFromEnv } from '../open-store-from-env.js';
import { startWorkerProcesses } from '../worker-processes.js';
import type { StoreOptions } from '../../services/store-door.js';
import { ADMIN_TOKEN_MIN_LENGTH } from '../../services/token-rules.js';
import { DB_HELP } from './with-store.js';

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};

/** "256MiB", "10m", "1048576" → bytes. */
export function parseSize(text: string): number | null {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : null;
}

interface ServeOpts {
  port: string;
  host: string;
  db?: string;
  uploadLimit?: string;
  web?: string;
  workers: string;
  trustProxy?: string;
}

/** Runs until SIGINT or SIGTERM, then closes the server and the store and ends with exit code 0. */
export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('start the REST API (and the web UI when built) on the store')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--db <path|url>', DB_HELP)
    .option('--upload-limit <size>', 'largest SBOM upload, e.g. 256MiB, 1GiB', '256MiB')
    .option('--web <dir>', 'built web UI to serve (default: web/dist of this package)')
    .option(
      '--workers <n>',
      'vigie worker processes to start for jobs (0: jobs are run by workers started elsewhere)',
      '1',
    )
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies in front of the server (comma-separated IPs or CIDR ranges): their X-Forwarded-For names the client, whose failed sign-ins are then counted apart',
    )
    .action(async (opts: ServeOpts) => {
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 0 || workers > 16)
        throw new UsageError(`--workers must be 0-16, not "${opts.workers}"`);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0-65535, not "${opts.port}"`);
      const uploadLimit = opts.uploadLimit ? parseSize(opts.uploadLimit) : DEFAULT_UPLOAD_LIMIT;
      if (uploadLimit === null)
        throw new UsageError(`--upload-limit must be a size like 256MiB, not "${opts.uploadLimit}"`);
      const adminToken = process.env.VIGIE_ADMIN_TOKEN || undefined;
      if (adminToken !== undefined && adminToken.length < ADMIN_TOKEN_MIN_LENGTH) {
        throw new UsageError(
          `VIGIE_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters long (it has ${adminToken.length}); generate one with: openssl rand -hex 32`,
        );
      }
      const storeOptions = storeOptionsFromEnv(opts.db, ctx.io.cwd);
      if (workers > 0 && storeOptions.sqlitePath === ':memory:')
        throw new UsageError('an in-memory store cannot be shared with workers: use a file, or --workers 0');
      const store = await openStoreFromEnv(opts.db, ctx.io.cwd);
      const app = await buildServer({
        store,
        adminToken,
        uploadLimit,
        trustedProxies: trustedProxies(opts.trustProxy),
        webRoot: opts.web ? resolve(ctx.io.cwd, opts.web) : undefined,
        // Server errors are always logged; VIGIE_LOG=1 adds client errors (info).
        logger: { level: process.env.VIGIE_LOG === '1' ? 'info' : 'warn' },
      });
      const address = await app.listen({ port, host: opts.host });
      ctx.io.stdout(
        `vigie API listening on ${address} (store: ${store.dialect}; OpenAPI at ${address}/api/openapi.json)\n`,
      );
      if (process.env.VIGIE_ADMIN_TOKEN)
        ctx.io.stderr('VIGIE_ADMIN_TOKEN is set: it is accepted as a compliance officer token\n');
      const jobWorkers = workers > 0 ? startWorkerProcesses(workers, storeArgument(storeOptions), ctx.io.stderr) : null;
      if (jobWorkers) ctx.io.stdout(`${workers} job worker(s) started (vigie worker)\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await app.close();
      await jobWorkers?.stop();
      await store.close();
      ctx.io.stdout('vigie API stopped\n');
    });
}

/** The --trust-proxy list; an entry that is no IP address or CIDR range is a usage error. */
function trustedProxies(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !validBits || extra !== undefined)
      throw new UsageError(`--trust-proxy takes IP addresses or CIDR ranges (10.0.0.0/8), not "${entry}"`);
  }
  if (entries.length === 0) throw new UsageError('--trust-proxy needs at least one address');
  return entries;
}

/** The --db argument that opens the same store in a worker process. */
function storeArgument(options: StoreOptions): string {
  if (!options.databaseUrl) return options.sqlitePath!;
  const url = new URL(options.databaseUrl);
  if (options.schema) url.searchParams.set('schema', options.schema);
  return url.toString();
}
