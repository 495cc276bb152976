import { packageVersion } from '../io/package-root.js';
import { Command, CommanderError } from 'commander';
import type { CommandContext } from './context.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';

/**
 * Builds the commander program for one run. Only the command named in `argv` is loaded and
 * registered in full; every other command is a name and a summary, enough for `vigie --help` and
 * for commander's "unknown command (did you mean …?)".
 */
export async function buildProgram(ctx: CommandContext, argv: readonly string[]): Promise<Command> {
  const program = new Command('vigie')
    .description('Vigie: SBOMs, licence compliance, vulnerabilities and EU CRA duties for digital products')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)');
  const wanted = requestedCommand(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) await registerEntry(program, ctx, entry);
    else program.command(entry.name).description(entry.summary);
  }
  applyIo(program, ctx);
  return program;
}

/** Loads one table entry and registers its command(s) on the program. */
export async function registerEntry(program: Command, ctx: CommandContext, entry: CommandEntry): Promise<void> {
  const loaded = await entry.load();
  for (const register of Array.isArray(loaded) ? loaded : [loaded]) register(program, ctx);
}

/** The top-level command a run asks for: the first word that is not an option (`help X` asks for X). */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Commander prints through these hooks; exitOverride turns its exits into exceptions we map. */
function applyIo(cmd: Command, ctx: CommandContext): void {
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  for (const sub of cmd.commands) applyIo(sub, ctx);
}

export { CommanderError };
