/** The streams a CLI run writes to; tests pass in-memory ones. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory for relative paths. */
  cwd: string;
  /** stderr is a terminal: progress is redrawn on one line (default: one line per change). */
  isTTY?: boolean;
}

let pipeWatched = false;

/**
 * `vigie … | head -1`: once the reader has closed stdout, nothing more can be written and no one
 * reads it; stop quietly (exit 0) instead of dying on an unhandled EPIPE with a stack trace.
 */
function stopQuietlyOnClosedStdout(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export function processIo(): CliIo {
  stopQuietlyOnClosedStdout();
  return {
    stdout: (t) => process.stdout.write(t),
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
