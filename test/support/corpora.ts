// Locates the shared third-party corpora (read in place, never copied into the repo).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPORA = process.env.CORPORA_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpora');

if (!existsSync(CORPORA)) {
  throw new Error(`corpora not found at ${CORPORA}: set CORPORA_DIR or check out beside ../shared`);
}

export function corpus(...parts: string[]): string {
  return join(CORPORA, ...parts);
}

/** Files under a corpus folder (recursive), filtered by a predicate on the path, sorted. */
export function corpusFiles(folder: string, keep: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
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
