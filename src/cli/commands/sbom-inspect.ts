import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { loadSbom } from '../load-sbom-lazily.js';
import { countBySeverity } from '../format-issues.js';
import { EXIT } from '../exit-codes.js';

export function registerSbomInspect(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('inspect <file>')
    .description(
      'what a document is and holds: format, components by type, licences, hashes, graph (exit 1 when it has reading errors)',
    )
    .option('--json', 'print one JSON document')
    .option('--max-size <size>', 'largest input accepted (default 512MiB)')
    .action(async (file: string, opts: { json?: boolean; maxSize?: string }) => {
      const { renderSummaryText, summarizeSbom } = await import('../../sbom/validate/index.js');
      const loaded = await loadSbom(file, ctx.io.cwd, opts);
      const summary = summarizeSbom(loaded.sbom);
      const issues = countBySeverity(loaded.issues);
      // An input with reading errors is an invalid SBOM: exit 1, like validate (README exit codes).
      if (issues.error > 0) ctx.setExit(EXIT.findings);
      if (opts.json) {
        printJson(ctx, { file, format: loaded.format.id, specVersion: loaded.specVersion, ...summary, issues });
        return;
      }
      ctx.io.stdout(renderSummaryText(`${file}: ${loaded.format.name} ${loaded.specVersion}`, summary));
      ctx.io.stdout(
        `  reading        ${issues.error} errors, ${issues.warning} warnings, ${issues.info} notes (details: vigie sbom validate)\n`,
      );
    });
}
