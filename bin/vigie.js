#!/usr/bin/env node
// Entry point of the `vigie` command (ADR 6). It always runs compiled JavaScript when that is safe:
// - installed package (no src/): dist/ is all there is;
// - checkout: dist/ (built by `npm ci` through `prepare`, or `npm run build`) when dist/.build-stamp
//   is not older than any file under src/; otherwise the sources run through tsx, so stale compiled
//   code never runs (a one-line hint says so on an interactive terminal). VIGIE_FROM_SOURCE=1
//   forces the sources.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const compiled = join(root, 'dist', 'cli', 'main.js');

/** Why dist/ cannot be trusted in this checkout, or null when it can. */
function staleReason() {
  if (process.env.VIGIE_FROM_SOURCE === '1') return 'VIGIE_FROM_SOURCE=1';
  let stamp;
  try {
    stamp = Number(readFileSync(join(root, 'dist', '.build-stamp'), 'utf8'));
  } catch {
    return 'dist/ is not built';
  }
  const src = join(root, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (statSync(path).mtimeMs > stamp) return `${path.slice(root.length + 1)} changed since the last build`;
  }
  return null;
}

let entry;
if (!existsSync(source)) {
  entry = await import(pathToFileURL(compiled).href);
} else {
  const reason = staleReason();
  if (reason === null) {
    entry = await import(pathToFileURL(compiled).href);
  } else {
    if (process.stderr.isTTY && process.env.VIGIE_FROM_SOURCE !== '1') {
      process.stderr.write(`vigie: running the sources through tsx (${reason}); \`npm run build\` for a fast start\n`);
    }
    const { register } = await import('tsx/esm/api');
    register();
    entry = await import(pathToFileURL(source).href);
  }
}
process.exitCode = await entry.main(process.argv.slice(2));
