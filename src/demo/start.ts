/**
 * `npm start`: builds the web UI when it is missing or stale, seeds the demo portfolio into an empty
 * store (embedded SQLite, ./vigie.db or $VIGIE_DB), then runs `vigie serve`. A sign-in token is
 * printed: $VIGIE_ADMIN_TOKEN when set, else a fresh random one for this run.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../services/store-door.js';
import { main } from '../cli/main.js';
import { isPortfolioEmpty, seedDemoPortfolio } from './demo-portfolio.js';
import { webBuildIsStale } from './web-build.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function buildWebIfNeeded(): void {
  if (!webBuildIsStale(join(root, 'web'))) return;
  process.stdout.write('Building the web UI (web/dist)…\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('the web UI build failed (see above)');
}

async function seedIfEmpty(dbPath: string): Promise<void> {
  const store = await openStore({ sqlitePath: dbPath });
  try {
    if (!(await isPortfolioEmpty(store))) return;
    process.stdout.write('Empty store: importing the demo portfolio…\n');
    const seeded = await seedDemoPortfolio(store, { projectRoot: root, dataDir: join(root, 'data', 'demo') });
    for (const s of seeded) process.stdout.write(`  ${s.product} ${s.release}: ${s.usages} usages\n`);
  } finally {
    await store.close();
  }
}

async function start(): Promise<number> {
  const dbPath = resolve(process.env.VIGIE_DB ?? 'vigie.db');
  buildWebIfNeeded();
  await seedIfEmpty(dbPath);
  const token = process.env.VIGIE_ADMIN_TOKEN || `demo-${randomBytes(16).toString('hex')}`;
  process.env.VIGIE_ADMIN_TOKEN = token;
  const port = process.env.PORT ?? '8080';
  process.stdout.write(`\nOpen http://127.0.0.1:${port}/ and sign in with the token:\n\n    ${token}\n\n`);
  return main(['serve', '--db', dbPath, '--port', port]);
}

start().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`vigie start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
