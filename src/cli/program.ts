import { Command, CommanderError } from 'commander';
import type { CommandContext } from './context.js';
import { COMMANDS } from './commands/index.js';

/** Builds the commander program with every command registered and output routed to ctx.io. */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('vigie')
    .description('Vigie: SBOMs, licence compliance, vulnerabilities and EU CRA duties for digital products')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  for (const register of COMMANDS) register(program, ctx);
  applyIo(program, ctx);
  return program;
}

/** Commander prints through these hooks; exitOverride turns its exits into exceptions we map. */
function applyIo(cmd: Command, ctx: CommandContext): void {
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  for (const sub of cmd.commands) applyIo(sub, ctx);
}

export { CommanderError };
