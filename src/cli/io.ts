/** The streams a CLI run writes to; tests pass in-memory ones. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory for relative paths. */
  cwd: string;
  /** stderr is a terminal: progress is redrawn on one line (default: one line per change). */
  isTTY?: boolean;
}

let stdoutClosed: boolean | undefined;

/**
 * `vigie … | head -1`: once the reader has closed stdout, nothing more can be written and no one
 * reads it. Later writes are dropped instead of dying on an unhandled EPIPE with a stack trace; the
 * command still ends with its own exit code (validate's verdict stays visible to `set -o pipefail`).
 */
function watchStdout(): void {
  if (stdoutClosed !== undefined) return;
  stdoutClosed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && !stdoutClosed) throw err;
    stdoutClosed = true;
  });
}

export function processIo(): CliIo {
  watchStdout();
  return {
    stdout: (t) => void (stdoutClosed || process.stdout.write(t)),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
  };
}

/** Collects output in memory (tests, embedding). */
export function memoryIo(cwd = process.cwd()): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}
