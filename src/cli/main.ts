import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { buildProgram, CommanderError } from './program.js';
import { EXIT, UsageError } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import type { CommandContext } from './context.js';

/**
 * The CLI as a function: arguments and streams in, exit code out. Nothing here calls process.exit,
 * so tests run it in-process. Every failure ends as one line on stderr, never a stack trace
 * (set VIGIE_DEBUG=1 to see one for an internal error).
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CommandContext = { io, setExit: (c) => void (code = Math.max(code, c)) };
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; anything else is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr(`vigie: ${err.message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`vigie: internal error: ${message.split('\n')[0]}\n`);
    if (process.env.VIGIE_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return EXIT.internal;
  }
}

export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

// Run directly (`node --import tsx src/cli/main.ts …`): behave like the bin.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
