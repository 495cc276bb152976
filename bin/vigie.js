#!/usr/bin/env node
// Entry point of the `vigie` command (ADR 6, ADR 38). It always runs compiled JavaScript when that is safe:
// - installed package (no src/): dist/ is all there is;
// - checkout: dist/ (built by `npm ci` through `prepare`, or `npm run build`) when dist/.build-stamp
//   is not older than any file under src/; otherwise dist/ is rebuilt first (ADR 39) and, when that
//   cannot be done, the sources run through tsx, so stale compiled code never runs (a one-line note
//   says which on an interactive terminal). VIGIE_FROM_SOURCE=1 forces the sources.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, sep } from 'node:path';

// Most commands live well under a second, where V8's optimizing compiler mostly competes for the CPU:
// on a two-core machine its background work delayed `sbom generate` on the Theia lockfile by about a
// tenth. Four times the default interrupt budget (67,584) lets a function run longer before it is
// optimized: 29 functions optimized on that run became 1, and long runs (validating 100k components)
// showed no loss (ADR 69). A budget given to node on the command line wins.
const INTERRUPT_BUDGET = 4 * 67_584;
if (!process.execArgv.some((arg) => arg.startsWith('--interrupt-budget') || arg.startsWith('--interrupt_budget'))) {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const compiled = join(root, 'dist', 'cli', 'main.js');

/** Handles that stay open on a finished command: the standard streams and closes already requested. */
const IDLE_RESOURCES = new Set(['CloseReq', 'TTYWrap', 'PipeWrap']);

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts');

/** Why dist/ cannot be trusted in this checkout, or null when it can. */
function staleReason() {
  if (process.env.VIGIE_FROM_SOURCE === '1') return 'VIGIE_FROM_SOURCE=1';
  let lines;
  try {
    lines = readFileSync(join(root, 'dist', '.build-stamp'), 'utf8').split('\n');
  } catch {
    return 'dist/ is not built';
  }
  const stamp = Number(lines[0]);
  if (!Number.isFinite(stamp)) return 'dist/ is not built';
  // The stamp lists the folders and source files under src/ at build time (ADR 38): a stat of each
  // answers without listing folders. An edit shows on its file; a file added, removed or renamed
  // shows on its folder, which is then searched as a whole.
  const listed = lines.slice(1).filter((line) => line !== '');
  if (listed.length === 0) return changedUnder(join(root, 'src'), stamp);
  for (const relative of listed) {
    const path = root + sep + relative;
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return `${relative} was removed since the last build`;
    if (stats.mtimeMs <= stamp) continue;
    if (!stats.isDirectory()) return `${relative} changed since the last build`;
    const changed = changedUnder(path, stamp);
    if (changed) return changed;
  }
  return null;
}

/** The first source file under `folder` newer than the stamp, as a reason, or null. */
function changedUnder(folder, stamp) {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !isSource(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (statSync(path).mtimeMs > stamp) return `${path.slice(root.length + 1)} changed since the last build`;
  }
  return null;
}

/**
 * A stale checkout rebuilds dist/ once (ADR 39: a private folder, then renames, so processes running
 * the old build keep working) and runs it; when that cannot happen (esbuild absent, the sources do
 * not build, another process is rebuilding), the sources run through tsx as before.
 */
async function refreshed(reason) {
  const builder = join(root, 'scripts', 'build-dist.mjs');
  if (!existsSync(builder)) return false;
  const started = Date.now();
  try {
    const { refreshDist } = await import(pathToFileURL(builder).href);
    if (!(await refreshDist(root, join(root, 'dist')))) return false;
  } catch {
    return false;
  }
  if (process.stderr.isTTY) {
    process.stderr.write(`vigie: ${reason}: rebuilt dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return true;
}

let entry;
if (!existsSync(source)) {
  entry = await import(pathToFileURL(compiled).href);
} else {
  const reason = staleReason();
  if (reason === null || (process.env.VIGIE_FROM_SOURCE !== '1' && (await refreshed(reason)))) {
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
// A command that has finished and left nothing pending exits here rather than through Node's full
// teardown, which frees the heap page by page: about a tenth of `sbom generate` on a large lockfile
// (ADR 46). Anything still under way — output not yet flushed to a pipe, a timer, a socket, a server,
// a child process — lets the process end the ordinary way, once that work is done.
if (nothingPending()) process.exit();

function nothingPending() {
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return false;
  return process.getActiveResourcesInfo().every((kind) => IDLE_RESOURCES.has(kind));
}
