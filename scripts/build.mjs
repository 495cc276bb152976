// `npm run build` (also run by `npm ci` through `prepare`): transpiles src/ to dist/ with esbuild,
// one output file per source file, so that `vigie` starts on plain JavaScript. Type checking is
// `npm run typecheck` (tsc), not this step. dist/.build-stamp records when the build STARTED: the bin
// runs dist/ only while no file under src/ is newer than that (see bin/vigie.js and ADR 6).
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const started = Date.now();

const entryPoints = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/\.test(-helper)?\.ts$/.test(e.name))
  .map((e) => join(e.parentPath ?? e.path, e.name));

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, '.build-stamp'), `${started}\n`);
if (!process.argv.includes('--quiet')) {
  console.log(`dist/: ${entryPoints.length} modules in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
