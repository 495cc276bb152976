// Whether a walk needs the AI-directory readers at all (ADR 40): they, their weight-header parsers
// and node:crypto are loaded only when some folder findAiDirectories would visit holds a weight file
// or a README.md (a model or dataset card may be there). Kept apart from model-directory.ts so that
// a lockfile-only project does not load that code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEIGHT_EXTENSIONS } from '../ai/weight-extensions.js';

/** Folders findAiDirectories never descends into (besides hidden ones). */
export const NOT_MODELS = new Set(['node_modules', 'vendor', 'dist', 'build', 'target', '__pycache__']);

/**
 * False only when no folder at `root` or up to `depth` levels below it (the ones findAiDirectories
 * visits) holds a weight file or a README.md; true as well when a folder cannot be listed, so the
 * full search runs and behaves as it always did.
 */
export function mayHoldAiDirectories(root: string, depth = 2): boolean {
  const visit = (dir: string, level: number): boolean => {
    const entries = readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      const name = entry.name;
      if (name === 'README.md' || WEIGHT_EXTENSIONS.some((e) => name.endsWith(e))) return true;
    }
    if (level >= depth) return false;
    return entries.some(
      (e) =>
        e.isDirectory() && !e.name.startsWith('.') && !NOT_MODELS.has(e.name) && visit(join(dir, e.name), level + 1),
    );
  };
  try {
    return statSync(root).isDirectory() && visit(root, 0);
  } catch {
    return true;
  }
}
