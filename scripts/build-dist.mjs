// The CLI bundle (ADR 6, ADR 20, ADR 38, ADR 39): esbuild bundles src/cli/main.ts into <dist>/cli/main.js
// plus one chunk per lazily loaded part under <dist>/chunks/, npm packages left external but commander (ADR 46).
// <dist>/.build-stamp records when the build STARTED, then the folders and source files under src/
// at that moment: the bin runs dist/ only while no listed path is newer than that start.
//
// Two ways to build:
// - buildDist: empties the folder and builds into it (`npm run build`, `prepare`);
// - refreshDist: used by bin/vigie.js when a checkout's dist/ is stale. It builds into a private
//   folder, then moves the chunks in (content-hashed names: a chunk of the old build is never
//   overwritten by other code, and stays for processes still running the old build), then the entry,
//   then the stamp, each by rename, so a process starting meanwhile sees the old build or the new
//   one, never half of one. One refresh at a time (a lock folder); a second caller gets false.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A lock older than this belongs to a process that died mid-refresh. */
const STALE_LOCK_MS = 60_000;
/** Chunks of older builds are kept this long after they were written (for processes still running them). */
const OLD_CHUNK_MS = 24 * 60 * 60 * 1000;

/** The stamp's text: build start, then folders and non-test sources under src/, relative, `/`-separated. */
function stampText(root, started) {
  const folders = ['src'];
  const sources = [];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name)
      .slice(root.length + 1)
      .split('\\')
      .join('/');
    if (entry.isDirectory()) folders.push(path);
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) sources.push(path);
  }
  return [started, ...folders.sort(), ...sources.sort(), ''].join('\n');
}

/** npm packages built into dist/ rather than loaded from node_modules (ADR 46). */
const BUNDLED_PACKAGES = new Set(['commander']);

/** esbuild's `packages: 'external'`, except for the packages named. */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages-but',
    setup(b) {
      b.onResolve({ filter: /^[^./]|^\.[^./]|^\.\.[^/]/ }, (args) => {
        if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        if (bundled.has(name)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * commander requires node:child_process when it loads, for subcommands that are separate executables,
 * which Vigie has none of; loading it pulls in net, dgram and their bindings: about 5 ms before every
 * command (ADR 69). Bundled commander gets a stand-in that loads the real module on first use.
 */
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process-for-commander',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
          ? { path: 'child_process', namespace: 'vigie-lazy' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'vigie-lazy' }, () => ({
        contents:
          'let real;\n' +
          "module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
        loader: 'js',
      }));
    },
  };
}

function bundle(root, outdir, logLevel) {
  return build({
    absWorkingDir: root,
    entryPoints: { 'cli/main': 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // npm packages stay external, but for commander (ADR 46): every command loads it, and as a
    // bundled part it costs no package resolution, no CommonJS loader and no export scan.
    plugins: [lazyChildProcessForCommander(), externalPackagesBut(BUNDLED_PACKAGES)],
    // commander is CommonJS and requires node:events and others: a bundled CommonJS `require` needs one.
    banner: {
      js: "import { createRequire as __vigieRequire } from 'node:module'; const require = __vigieRequire(import.meta.url);",
    },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel,
    metafile: true,
  });
}

/** Empties `dist` and builds into it; returns esbuild's metafile. */
export async function buildDist(root, dist) {
  const started = Date.now();
  const stamp = stampText(root, started);
  rmSync(dist, { recursive: true, force: true });
  const result = await bundle(root, dist, 'warning');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, '.build-stamp'), stamp);
  return result.metafile;
}

/**
 * Rebuilds a stale `dist` in place without breaking processes that run it (see the header). Returns
 * true when the new build is in place, false when another refresh holds the lock. Throws when the
 * sources do not build (the caller falls back to running them through tsx, which shows the error).
 */
export async function refreshDist(root, dist) {
  mkdirSync(dist, { recursive: true });
  const lock = join(dist, '.refresh-lock');
  if (!takeLock(lock)) return false;
  let next;
  try {
    const started = Date.now();
    const stamp = stampText(root, started);
    next = mkdtempSync(join(dist, '.next-'));
    await bundle(root, next, 'silent');
    mkdirSync(join(dist, 'chunks'), { recursive: true });
    mkdirSync(join(dist, 'cli'), { recursive: true });
    // A bundle without lazy imports has no chunks folder.
    const fresh = new Set(existsSync(join(next, 'chunks')) ? readdirSync(join(next, 'chunks')) : []);
    for (const name of fresh) renameSync(join(next, 'chunks', name), join(dist, 'chunks', name));
    renameSync(join(next, 'cli', 'main.js.map'), join(dist, 'cli', 'main.js.map'));
    renameSync(join(next, 'cli', 'main.js'), join(dist, 'cli', 'main.js'));
    writeFileSync(join(next, '.build-stamp'), stamp);
    renameSync(join(next, '.build-stamp'), join(dist, '.build-stamp'));
    dropOldChunks(join(dist, 'chunks'), fresh);
    return true;
  } finally {
    if (next) rmSync(next, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Chunks of earlier builds stay for processes still running them, but not forever: one not in the
 * new build and last written more than OLD_CHUNK_MS ago goes (a process that old whose command has
 * not loaded its lazy parts yet would then fail to load them; `npm run build` drops them all).
 */
function dropOldChunks(folder, fresh) {
  const before = Date.now() - OLD_CHUNK_MS;
  for (const name of readdirSync(folder)) {
    if (fresh.has(name)) continue;
    const path = join(folder, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before) rmSync(path, { force: true });
  }
}

function takeLock(lock) {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age < STALE_LOCK_MS) return false;
    rmSync(lock, { recursive: true, force: true });
    try {
      mkdirSync(lock);
      return true;
    } catch {
      return false;
    }
  }
}
