import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';
import { loadSbom } from './load-sbom.js';
import { generateInventory, isServiceError } from '../services/index.js';
import type { Sbom } from '../model/index.js';

/**
 * The SBOM of a command's target: an SBOM file in any format Vigie reads, or a project folder
 * inventoried by the walk of `vigie sbom generate` (every lockfile under it).
 */
export async function readTarget(target: string, ctx: CommandContext, maxSize?: string): Promise<Sbom> {
  const full = resolve(ctx.io.cwd, target);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new UsageError(`${target} does not exist`);
  if (info.isDirectory()) {
    try {
      const { sbom, failed } = await generateInventory(full);
      if (failed.length > 0)
        ctx.io.stderr(`${target}: ${failed.length} file(s) could not be read and are left out: ${failed.join(', ')}\n`);
      return sbom;
    } catch (err) {
      if (isServiceError(err)) throw new UsageError(err.message);
      throw err;
    }
  }
  const loaded = await loadSbom(target, ctx.io.cwd, { maxSize });
  const errors = loaded.issues.filter((i) => i.severity === 'error').length;
  if (errors) ctx.io.stderr(`${target}: ${errors} decoding error(s); using what could be read\n`);
  return loaded.sbom;
}

/** SARIF locations are relative to the working directory when the file lies inside it. */
export function artifactUri(target: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, target));
  const path = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(cwd, target);
  return path.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
