import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom-lazily.js';
import { EXIT } from '../exit-codes.js';

export function registerSbomDiff(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('diff <a> <b>')
    .description(
      'components added, removed, version- and licence-changed between two SBOMs of any formats (exit 1 when they differ)',
    )
    .option('--json', 'print one JSON document')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)')
    .action(async (a: string, b: string, opts: { json?: boolean; maxSize?: string }) => {
      const { diffSboms, renderDiffText } = await import('../../sbom/diff/index.js');
      const [left, right] = [await loadSbom(a, ctx.io.cwd, opts), await loadSbom(b, ctx.io.cwd, opts)];
      const diff = diffSboms(left.sbom, right.sbom);
      if (diff.hasDifferences) ctx.setExit(EXIT.findings);
      if (opts.json) printJson(ctx, { a, b, ...diff });
      else ctx.io.stdout(renderDiffText(diff));
    });
}
