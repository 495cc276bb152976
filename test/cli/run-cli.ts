import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `vigie …` would, and captures both streams. */
export async function vigie(args: string[], cwd = process.cwd()): Promise<CliResult> {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** A stack trace printed to the user is always a bug. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /^\s+at /m.test(text);
}
