// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI with esbuild into
// dist/cli/main.js plus one chunk per lazily loaded part under dist/chunks/ (ADR 20). The command
// table and the heavy subcommands load through dynamic import(), and esbuild keeps each such import
// a separate chunk, so a run reads a handful of files instead of hundreds of modules. npm packages
// stay external: they load from node_modules as usual. Type checking is `npm run typecheck` (tsc),
// not this step. dist/.build-stamp records when the build STARTED: the bin runs dist/ only while no
// file under src/ is newer than that (see bin/vigie.js and ADR 6).
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR builds elsewhere (the build test does; DIR must stay inside the package).
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 ? join(process.cwd(), process.argv[outArg + 1]) : join(root, 'dist');
const started = Date.now();

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
writeFileSync(join(dist, '.build-stamp'), `${started}\n`);
if (!process.argv.includes('--quiet')) {
  const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length;
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(
    `dist/: ${inputs} modules bundled into ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
