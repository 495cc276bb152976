import { writeFile, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';

/** Writes to stdout, or to a file atomically (temp file + rename: no half-written output). */
export async function writeOutput(ctx: CommandContext, text: string, output: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : text + '\n';
  if (!output || output === '-') {
    ctx.io.stdout(body);
    return;
  }
  const path = resolve(ctx.io.cwd, output);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, body);
    await rename(temp, path);
  } catch (err) {
    throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  ctx.io.stderr(`wrote ${output}\n`);
}
