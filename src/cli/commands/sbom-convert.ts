import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom.js';
import { outputTargets, resolveOutputEntry } from '../../sbom/formats/catalog.js';
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
      const loaded = await loadSbom(file, ctx.io.cwd, opts);
      await encodeAndWrite(ctx, loaded.sbom, opts.to, opts.output, file);
    });
}

/** Shared by convert and generate: encode to a named target, report lossy parts, write the result. */
export async function encodeAndWrite(
  ctx: CommandContext,
  sbom: Sbom,
  target: string,
  output: string | undefined,
  label: string,
): Promise<Issue[]> {
  const resolved = resolveOutputEntry(target);
  if (typeof resolved === 'string') throw new UsageError(resolved);
  // Only the chosen format's writer loads (ADR 51).
  const encode = (await resolved.entry.loadEncoder())!;
  const encoded = encode(sbom, resolved.specVersion);
  for (const i of encoded.issues) ctx.io.stderr(formatIssue(label, i) + '\n');
  await writeOutput(ctx, encoded.text, output);
  return encoded.issues;
}
