import { closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';

/** Characters encoded and written per call: the UTF-8 buffer of one piece is reused by the next. */
const PIECE = 64 * 1024;

/**
 * Writes to stdout, or to a file atomically (temp file + rename: no half-written output). The file is
 * written with synchronous calls: a command writes its one result and exits, and a promise-based write
 * of a 2 MB SBOM went through the thread pool in chunks, leaving the process idle for about a tenth
 * of `sbom generate`'s run (ADR 46). Async only so that callers keep one shape.
 *
 * A missing final newline is written on its own rather than appended: `text + '\n'` is a new string
 * that the write copies whole once more. The text goes out in pieces (writeText) so that its UTF-8
 * form never exists whole: on a large SBOM that copy is megabytes of fresh memory (ADR 69).
 */
export async function writeOutput(ctx: CommandContext, text: string, output: string | undefined): Promise<void> {
  const newline = !text.endsWith('\n');
  if (!output || output === '-') {
    ctx.io.stdout(newline ? text + '\n' : text);
    return;
  }
  const named = resolve(ctx.io.cwd, output);
  const existing = statSync(named, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${output}: EISDIR (it is a folder)`);
  if (existing && !existing.isFile()) {
    // /dev/null, /dev/stdout, a named pipe: written in place. Renamed onto, the device itself was
    // replaced by a regular file (run as root, `-o /dev/null` broke /dev/null for the whole machine).
    try {
      writeText(named, text, newline);
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
    writeText(temp, text, newline);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  ctx.io.stderr(`wrote ${output}\n`);
}

/**
 * Writes `text` (then a newline when asked) to `path`, PIECE characters at a time. A piece never ends
 * between the two halves of a surrogate pair: each half alone would be written as U+FFFD.
 */
function writeText(path: string, text: string, newline: boolean): void {
  const fd = openSync(path, 'w');
  try {
    for (let start = 0; start < text.length;) {
      let end = Math.min(start + PIECE, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      writeAll(fd, text.slice(start, end));
      start = end;
    }
    if (newline) writeAll(fd, '\n');
  } finally {
    closeSync(fd);
  }
}

/** A write that stopped short (a pipe, a nearly full disk) goes on with the bytes that are left. */
function writeAll(fd: number, piece: string): void {
  const written = writeSync(fd, piece);
  const size = Buffer.byteLength(piece);
  if (written >= size) return;
  let rest = Buffer.from(piece, 'utf8').subarray(written);
  while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
}
