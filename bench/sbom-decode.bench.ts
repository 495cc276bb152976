// Decoding speed and memory: synthetic CycloneDX JSON of 10k, 100k and 300k components and the largest
// real corpus SBOMs, each beside bare JSON.parse of the same bytes (the baseline) in the same run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { syntheticCycloneDx } from './synthetic-cyclonedx.js';
import { XMLParser } from 'fast-xml-parser';
import { readSbom } from '../src/sbom/read.js';
import { allComponents } from '../src/sbom/graph.js';

const here = dirname(fileURLToPath(import.meta.url));
const cacheDir = resolve(here, '..', '.bench');
const corpora = process.env.CORPORA_DIR ?? resolve(here, '..', '..', 'shared', 'corpora');

function syntheticFile(size: number): string {
  const path = join(cacheDir, `synthetic-cyclonedx-${size}.json`);
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, syntheticCycloneDx(size));
  }
  return path;
}

const REAL = [
  'sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json',
  'sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.xml',
  'sboms/cyclonedx/bom-examples/SBOM/juice-shop/via_npm/bare/bom.1.4.json',
];

function pair(group: string, path: () => string): BenchCase[] {
  const xml = group.endsWith('.xml');
  return [
    {
      group,
      name: xml ? 'fast-xml-parser parse (bare)' : 'JSON.parse (bare)',
      baseline: true,
      setup: () => readFileSync(path(), 'utf8'),
      run: (text) => {
        // The bare parse of the same bytes, with no mapping to a model.
        if (xml) {
          new XMLParser({ ignoreAttributes: false }).parse(text as string);
          return;
        }
        return (JSON.parse(text as string) as { components?: unknown[] }).components?.length;
      },
    },
    {
      group,
      name: 'vigie identify + decode',
      setup: () => readFileSync(path(), 'utf8'),
      run: (text) => allComponents(readSbom(text as string).sbom).length,
    },
  ];
}

export function cases(): BenchCase[] {
  const list: BenchCase[] = [];
  for (const size of [10_000, 100_000, 300_000])
    list.push(...pair(`cyclonedx-json ${size / 1000}k`, () => syntheticFile(size)));
  for (const rel of REAL) {
    const full = join(corpora, rel);
    if (existsSync(full)) list.push(...pair(rel.split('/').slice(-2).join('/'), () => full));
  }
  return list;
}
