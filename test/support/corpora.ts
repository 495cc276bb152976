// Locates the shared third-party corpora (read in place, never copied into the repo).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPORA = process.env.CORPORA_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpora');

/** True when the shared corpora are beside the checkout (or at CORPORA_DIR). */
export const HAS_CORPORA = existsSync(CORPORA);

const MISSING = `corpora not found at ${CORPORA}: set CORPORA_DIR or check out beside ../shared`;

// CI has the corpora: there a missing corpus is an error, never a silent skip.
if (!HAS_CORPORA && process.env.CI === 'true') throw new Error(MISSING);

/**
 * Options for node:test's `test`/`describe`: skips, with the reason, when the corpora are absent.
 * Every test that reads `../shared/corpora` passes it: `test('…', needsCorpora, () => …)`.
 */
export const needsCorpora: { skip?: string } = HAS_CORPORA ? {} : { skip: MISSING };

export function corpus(...parts: string[]): string {
  return join(CORPORA, ...parts);
}

/** Files under a corpus folder (recursive), filtered by a predicate on the path, sorted. */
export function corpusFiles(folder: string, keep: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  if (!HAS_CORPORA) return out;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(p)) out.push(p);
    }
  };
  walk(corpus(folder));
  return out.sort();
}

/**
 * A value read from the corpora on first use, never at module load (where a missing corpus would
 * fail the whole file instead of skipping the tests that need it): `const doc = lazy(() => …)`,
 * then `doc()` inside a test that passes `needsCorpora`.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * Module-level data read from the corpora: the value when they are here, else undefined (typed as
 * the value, since only tests passing `needsCorpora` may use it).
 */
export function whenCorpora<T>(make: () => T): T {
  return HAS_CORPORA ? make() : (undefined as T);
}
