// Where the package's own files (data/, web/dist, package.json) are. Modules run from src/ (tsx),
// from dist/cli or from a bundled chunk under dist/chunks, so no fixed number of `..` fits them all:
// walk up from this module to the package.json whose name is "vigie".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isVigieManifest(manifest)) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the vigie package root was not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The version in the package's package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

function isVigieManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === 'vigie';
  } catch {
    return false;
  }
}
