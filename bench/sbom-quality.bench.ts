// SBOM quality scoring (all four profiles) on the largest real corpus SBOM and a synthetic 100k one,
// beside the decode of the same document (the baseline: scoring is the extra cost on top of reading).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { syntheticCycloneDx } from './synthetic-cyclonedx.js';
import { readSbom } from '../src/sbom/read.js';
import { evaluateProfiles, QUALITY_PROFILES } from '../src/cra/profiles/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpora = process.env.CORPORA_DIR ?? resolve(here, '..', '..', 'shared', 'corpora');
const cacheDir = resolve(here, '..', '.bench');
const LARGEST = 'sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json';

function synthetic(size: number): string {
  const path = join(cacheDir, `synthetic-cyclonedx-${size}.json`);
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, syntheticCycloneDx(size));
  }
  return path;
}

function pair(group: string, path: () => string): BenchCase[] {
  return [
    {
      group,
      name: 'vigie decode (baseline)',
      baseline: true,
      setup: () => readFileSync(path(), 'utf8'),
      run: (text) => readSbom(text as string).sbom.components.length,
    },
    {
      group,
      name: 'vigie decode + 4 quality profiles',
      setup: () => readFileSync(path(), 'utf8'),
      run: (text) => {
        const results = evaluateProfiles(QUALITY_PROFILES, readSbom(text as string).sbom);
        return results[0]!.checks[0]!.total;
      },
    },
  ];
}

export function cases(): BenchCase[] {
  const list = pair('sbom quality 100k', () => synthetic(100_000));
  const full = join(corpora, LARGEST);
  if (existsSync(full)) list.push(...pair('sbom quality keycloak-10.0.2/bom.json', () => full));
  return list;
}
