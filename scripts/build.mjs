// `npm run build` (also run by `npm ci` through `prepare`): bundles the CLI with esbuild into
// dist/cli/main.js plus one chunk per lazily loaded part under dist/chunks/ (ADR 20). The command
// table and the heavy subcommands load through dynamic import(), and esbuild keeps each such import
// a separate chunk, so a run reads a handful of files instead of hundreds of modules. npm packages
// stay external and load from node_modules as usual, but for commander, which is bundled (ADR 46). Type checking is `npm run typecheck` (tsc),
// not this step. The bundling itself and dist/.build-stamp are in build-dist.mjs, which bin/vigie.js
// also uses to refresh a stale dist/ in a checkout (ADR 6, ADR 38, ADR 39).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDist } from './build-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR builds elsewhere (the build test does; DIR must stay inside the package).
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 ? join(process.cwd(), process.argv[outArg + 1]) : join(root, 'dist');
const started = Date.now();
const metafile = await buildDist(root, dist);
if (!process.argv.includes('--quiet')) {
  const files = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js')).length;
  const inputs = Object.keys(metafile.inputs).length;
  console.log(
    `dist/: ${inputs} modules bundled into ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
