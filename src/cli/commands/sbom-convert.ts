import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom-lazily.js';
import { outputTargets, resolveOutputEntry, type Encoder } from '../../sbom/formats/catalog.js';
import { UsageError } from '../exit-codes.js';
import { formatIssue } from '../format-issues.js';
import { writeOutput } from '../write-output.js';
import type { Issue, Sbom } from '../../model/index.js';

export function registerSbomConvert(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('convert <file>')
    .description('convert a document to another format; what the target cannot hold is reported on stderr')
    .requiredOption('--to <format>', `target: ${outputTargets().join(', ') || 'see docs'}`)
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)')
    .action(async (file: string, opts: { to: string; output?: string; maxSize?: string }) => {
      const writer = outputWriter(opts.to);
      const loaded = await loadSbom(file, ctx.io.cwd, opts);
      await encodeAndWrite(ctx, loaded.sbom, writer, opts.output, file);
    });
}

/** A chosen output: its encoder being loaded, and the version to write. */
export interface OutputWriter {
  encoder: Promise<Encoder>;
  specVersion: string;
}

/**
 * Checks `--to` before any work (a wrong target is a usage error at once, not after a long read) and
 * starts loading its encoder, whose module then loads while the input is read (ADR 51).
 */
export function outputWriter(target: string): OutputWriter {
  const resolved = resolveOutputEntry(target);
  if (typeof resolved === 'string') throw new UsageError(resolved);
  const encoder = resolved.entry.loadEncoder().then((encode) => encode!);
  // Awaited once the input is read; a failure before that must not go unhandled meanwhile.
  encoder.catch(() => undefined);
  return { encoder, specVersion: resolved.specVersion };
}

/** Shared by convert and generate: encode to the chosen target, report lossy parts, write the result. */
export async function encodeAndWrite(
  ctx: CommandContext,
  sbom: Sbom,
  writer: OutputWriter,
  output: string | undefined,
  label: string,
): Promise<Issue[]> {
  const encode = await writer.encoder;
  const encoded = encode(sbom, writer.specVersion);
  for (const i of encoded.issues) ctx.io.stderr(formatIssue(label, i) + '\n');
  await writeOutput(ctx, encoded.text, output);
  return encoded.issues;
}
