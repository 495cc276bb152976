import { Command, Option } from 'commander';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { readHermineData, saveKnowledgeBase, writeHermineFiles, writeHermineShared } from '../../io/kb-files.js';
import { danglingActionReferences } from '../../licenses/kb/index.js';
import { defaultKbStorePath, loadKb, resolvePath } from './kb-source.js';

function unreadableToUsage<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw new UsageError(err.message);
    throw err;
  }
}

export function registerKb(program: Command, ctx: CommandContext): void {
  const kb = program.command('kb').description('the licence knowledge base: import and export (Hermine format)');

  kb.command('import')
    .description('validate Hermine data (per-file directory or shared.json) and store it as the imported knowledge base')
    .argument('<source>', 'Hermine directory (licenses/, generics/) or shared.json')
    .option('-o, --output <path>', 'where to store it (default: $VIGIE_HOME/kb.json or ~/.vigie/kb.json)')
    .option('--json', 'print one JSON document')
    .action((source: string, opts: { output?: string; json?: boolean }) => {
      const from = resolvePath(ctx, source);
      const imported = unreadableToUsage(() => readHermineData(from));
      const { kb: data, policies, issues } = imported;
      if (data.licenses.length === 0 && data.actions.length === 0) throw new UsageError(`${from} holds no Hermine licences or generics`);
      const target = opts.output ? resolvePath(ctx, opts.output) : defaultKbStorePath();
      saveKnowledgeBase(target, { source: from, kb: data, policies });
      const counts = {
        licenses: data.licenses.length,
        obligations: data.obligations.length,
        complianceActions: data.actions.length,
        policies: policies.length,
        danglingActionReferences: danglingActionReferences(data).length,
      };
      const errors = issues.filter((i) => i.severity === 'error').length;
      if (errors) ctx.setExit(EXIT.findings);
      if (opts.json) return printJson(ctx, { source: from, storedAt: target, counts, issues });
      ctx.io.stdout(
        `imported ${counts.licenses} licences, ${counts.obligations} obligations, ${counts.complianceActions} compliance actions from ${from}\n` +
          `stored at ${target}\n` +
          (issues.length ? `${issues.length} issue(s), ${errors} error(s):\n${issues.map((i) => `  ${i.severity}: ${i.component ? `${i.component}: ` : ''}${i.message}`).join('\n')}\n` : ''),
      );
    });

  kb.command('export')
    .description('export a knowledge base in Hermine layout')
    .addOption(new Option('--format <format>', 'output format').choices(['hermine']).default('hermine'))
    .requiredOption('-o, --output <path>', 'directory (per-file layout) or file (with --bundle)')
    .option('--bundle', "write Hermine's bundled shared.json instead of one file per licence/generic")
    .option('--kb <path>', 'knowledge base to export: Hermine directory, shared.json or stored KB (default: built-in)')
    .option('--json', 'print one JSON document')
    .action((opts: { output: string; bundle?: boolean; kb?: string; json?: boolean }) => {
      const { kb: data, policies, source } = loadKb(ctx, opts.kb);
      const target = resolvePath(ctx, opts.output);
      let files: number;
      if (opts.bundle) {
        const file = target.endsWith('.json') ? target : `${target}/shared.json`;
        writeHermineShared(file, data);
        files = 1;
      } else {
        files = writeHermineFiles(target, data, policies);
      }
      const summary = { source, output: target, layout: opts.bundle ? 'shared.json' : 'per-file', files, licenses: data.licenses.length, obligations: data.obligations.length, complianceActions: data.actions.length };
      if (opts.json) return printJson(ctx, summary);
      ctx.io.stdout(`exported ${summary.licenses} licences, ${summary.obligations} obligations, ${summary.complianceActions} compliance actions (${summary.layout}, ${files} file(s)) to ${target}\n`);
    });
}
