import type { CliIo } from './io.js';

/** Shared by every command: the streams, and where each command records its exit code. */
export interface CommandContext {
  io: CliIo;
  setExit(code: number): void;
}

/** Prints exactly one JSON document on stdout (the `--json` contract). */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout(JSON.stringify(value, null, 2) + '\n');
}
