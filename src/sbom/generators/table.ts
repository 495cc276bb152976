// The one table of lockfile and package-database extractors. The walk (src/io) asks it which files
// to read; order matters only where two extractors could claim one name (the first that accepts wins).
import { bunLockExtractor } from './bun/bun-extractor.js';
import { cargoLockExtractor } from './cargo/cargo-extractor.js';
import type { Extractor } from './core/extractor.js';
import { goModExtractor } from './golang/gomod-extractor.js';
import { goSumExtractor } from './golang/gosum-extractor.js';
import { npmLockExtractor } from './npm/npm-extractor.js';
import { pnpmLockExtractor } from './pnpm/pnpm-extractor.js';
import { pdmLockExtractor } from './python/pdm-extractor.js';
import { pipfileLockExtractor } from './python/pipfile-extractor.js';
import { poetryLockExtractor } from './python/poetry-extractor.js';
import { requirementsExtractor } from './python/requirements-extractor.js';
import { uvLockExtractor } from './python/uv-extractor.js';
import { yarnLockExtractor } from './yarn/yarn-extractor.js';

export const EXTRACTORS: readonly Extractor[] = [
  npmLockExtractor,
  yarnLockExtractor,
  pnpmLockExtractor,
  bunLockExtractor,
  poetryLockExtractor,
  pipfileLockExtractor,
  uvLockExtractor,
  pdmLockExtractor,
  requirementsExtractor,
  goModExtractor,
  goSumExtractor,
  cargoLockExtractor,
];

/** The extractor for a path (relative, `/`-separated), or undefined when no extractor reads it. */
export function extractorFor(path: string, text?: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.matches(path) && (text === undefined || !e.accepts || e.accepts(text)));
}

export function extractorById(id: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.id === id);
}
