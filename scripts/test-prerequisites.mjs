// What `npm test` needs beyond npm packages, provided the way CI provides it so that the README's
// test command works on a fresh machine: Debian's Chromium for the browser tests (never a browser
// download). PostgreSQL is started by the store tests themselves (scripts/start-postgres.sh).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`browser tests need Debian's chromium at ${CHROMIUM}: run "apt-get install -y chromium" as root`);
    return false;
  }
  console.error('installing Debian chromium for the browser tests (apt-get)…');
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', 'chromium']);
  return existsSync(CHROMIUM);
}
