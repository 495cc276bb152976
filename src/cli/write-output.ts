import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';

/**
 * Writes to stdout, or to a file atomically (temp file + rename: no half-written output). The file is
 * written with synchronous calls: a command writes its one result and exits, and a promise-based write
 * of a 2 MB SBOM went through the thread pool in chunks, leaving the process idle for about a tenth
 * of `sbom generate`'s run (ADR 46). Async only so that callers keep one shape.
 */
export async function writeOutput(ctx: CommandContext, text: string, output: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : text + '\n';
  if (!output || output === '-') {
    ctx.io.stdout(body);
    return;
  }
  const named = resolve(ctx.io.cwd, output);
  const existing = statSync(named, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${output}: EISDIR (it is a folder)`);
  if (existing && !existing.isFile()) {
    // /dev/null, /dev/stdout, a named pipe: written in place. Renamed onto, the device itself was
    // replaced by a regular file (run as root, `-o /dev/null` broke /dev/null for the whole machine).
    try {
      writeFileSync(named, body);
    } catch (err) {
      throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    ctx.io.stderr(`wrote ${output}\n`);
    return;
  }
  // A symbolic link keeps pointing where it did: the file it names is the one replaced.
  const path = existing ? realpathSync(named) : named;
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, body);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  ctx.io.stderr(`wrote ${output}\n`);
}
