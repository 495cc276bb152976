// Runs every *.test.ts under src/ and test/ with node's own test runner (TypeScript through tsx).
// Extra arguments narrow the run to files whose path contains one of them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './test-prerequisites.mjs';

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = ['src', 'test']
  .flatMap((d) => collect(d, []))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
if (files.some((f) => f.includes('e2e-ui'))) ensureChromium();

// The shared corpora (test/support/corpora.ts looks in the same place): without them the tests
// that read them are skipped, and the run ends with one line saying so; CI must have them.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = process.env.CORPORA_DIR ?? resolve(repo, '..', 'shared', 'corpora');
const corporaMissing = existsSync(corpora)
  ? undefined
  : `corpus tests did not run: no corpora at ${corpora}; set CORPORA_DIR or clone beside ../shared (its corpora/ folder) to run them`;
if (corporaMissing && process.env.CI === 'true') {
  console.error(`CI=true but ${corporaMissing.replace('corpus tests did not run: ', '')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files], {
  stdio: 'inherit',
});
if (corporaMissing) console.error(`\n${corporaMissing}`);
process.exit(result.status ?? 1);
