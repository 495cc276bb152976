// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI with esbuild into
// dist/cli/main.js plus one chunk per lazily loaded part under dist/chunks/ (ADR 20). The command
// table and the heavy subcommands load through dynamic import(), and esbuild keeps each such import
// a separate chunk, so a run reads a handful of files instead of hundreds of modules. npm packages
// stay external: they load from node_modules as usual. Type checking is `npm run typecheck` (tsc),
// not this step. dist/.build-stamp records when the build STARTED, then the folders and source files
// under src/ at that moment: the bin runs dist/ only while no file under src/ is newer than that
// start, checking the listed paths instead of listing every folder (see bin/vigie.js, ADR 6, ADR 38).
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR builds elsewhere (the build test does; DIR must stay inside the package).
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 ? join(process.cwd(), process.argv[outArg + 1]) : join(root, 'dist');
const started = Date.now();
// Folders first (a file added or removed shows on its folder), then the non-test .ts files, as
// paths relative to the package with forward slashes.
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

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, '.build-stamp'), [started, ...folders.sort(), ...sources.sort(), ''].join('\n'));
if (!process.argv.includes('--quiet')) {
  const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length;
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(
    `dist/: ${inputs} modules bundled into ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
