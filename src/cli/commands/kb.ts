import { Command, Option } from 'commander';
import type { CommandContext } from '../context.js';
import { printJson } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { readHermineData, saveKnowledgeBase, writeHermineFiles, writeHermineShared } from '../../io/kb-files.js';
import { danglingActionReferences } from '../../licenses/kb/index.js';
import { loadKb, resolvePath } from './kb-source.js';
import { withStore, withStoreOptions, type StoreFlags } from './with-store.js';
import {
  importKnowledgeBase,
  knowledgeBaseHistory,
  storedKnowledgeBase,
  type KnowledgeBaseImportMode,
} from '../../services/index.js';

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

  // The store is the knowledge base's one home (issue 8 item 8): what `kb import` stores is what
  // validation, obligations and the API use, and every import is kept in the history.
  withStoreOptions(
    kb
      .command('import')
      .description(
        'store Hermine data (per-file directory or shared.json) as the knowledge base of the store, recorded in its history',
      )
      .argument('<source>', 'Hermine directory (licenses/, generics/) or shared.json'),
  )
    .addOption(
      new Option('--mode <mode>', 'replace the stored knowledge base, or merge into it (keeps what only it has)')
        .choices(['replace', 'merge'])
        .default('replace'),
    )
    .option('--author <name>', 'who imports it, for the history')
    .option('-o, --output <file>', 'write a knowledge-base file (for --kb) instead of storing it in the database')
    .action(
      async (
        source: string,
        opts: StoreFlags & { mode: KnowledgeBaseImportMode; author?: string; output?: string },
      ) => {
        const from = resolvePath(ctx, source);
        const imported = unreadableToUsage(() => readHermineData(from));
        const { kb: data, policies, issues } = imported;
        if (data.licenses.length === 0 && data.actions.length === 0)
          throw new UsageError(`${from} holds no Hermine licences or generics`);
        const errors = issues.filter((i) => i.severity === 'error').length;
        if (errors) ctx.setExit(EXIT.findings);
        const issueLines = issues.length
          ? `${issues.length} issue(s), ${errors} error(s):\n${issues.map((i) => `  ${i.severity}: ${i.component ? `${i.component}: ` : ''}${i.message}`).join('\n')}\n`
          : '';
        if (opts.output) {
          const target = resolvePath(ctx, opts.output);
          saveKnowledgeBase(target, { source: from, kb: data, policies });
          const counts = {
            licenses: data.licenses.length,
            obligations: data.obligations.length,
            complianceActions: data.actions.length,
            policies: policies.length,
            danglingActionReferences: danglingActionReferences(data).length,
          };
          if (opts.json) return printJson(ctx, { source: from, storedAt: target, counts, issues });
          ctx.io.stdout(
            `wrote ${counts.licenses} licences, ${counts.obligations} obligations, ${counts.complianceActions} compliance actions from ${from} to ${target}\n` +
              issueLines,
          );
          return;
        }
        await withStore(ctx, opts, async (store) => {
          const outcome = await importKnowledgeBase(store, imported, opts.mode, {
            source: from,
            author: opts.author ?? null,
          });
          if (opts.json) return printJson(ctx, { source: from, ...outcome });
          ctx.io.stdout(
            `${opts.mode === 'merge' ? 'merged' : 'stored'} ${from}: the knowledge base now holds ${outcome.licenses} licences, ${outcome.obligations} obligations, ` +
              `${outcome.actions} compliance actions (${outcome.applied} differences taken)\n` +
              (outcome.ignoredPolicies
                ? `${outcome.ignoredPolicies} licence policies in the data were not applied: the policy is the organisation's own (vigie policy set)\n`
                : '') +
              'every release was validated again with it\n' +
              issueLines,
          );
        });
      },
    );

  withStoreOptions(
    kb
      .command('history')
      .description('the imports of the stored knowledge base, newest first: when, who, from what, what changed'),
  )
    .option('--limit <n>', 'how many entries', '20')
    .action((opts: StoreFlags & { limit: string }) =>
      withStore(ctx, opts, async (store) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError(`--limit must be a positive whole number, not "${opts.limit}"`);
        const entries = await knowledgeBaseHistory(store, limit);
        if (opts.json) return printJson(ctx, entries);
        if (entries.length === 0)
          return ctx.io.stdout('the stored knowledge base was never imported into: it is the one Vigie ships\n');
        for (const e of entries) {
          ctx.io.stdout(
            `${e.importedAt}  ${e.mode.padEnd(7)} ${e.source}  by ${e.author ?? 'unknown'}: ${e.licenses} licences, ${e.applied} differences taken, ${e.issues} issues\n`,
          );
        }
      }),
    );

  kb.command('export')
    .description(
      'export a knowledge base in Hermine layout: the one stored in a database (--db), a file (--kb), or the built-in one',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['hermine']).default('hermine'))
    .requiredOption('-o, --output <path>', 'directory (per-file layout) or file (with --bundle)')
    .option('--bundle', "write Hermine's bundled shared.json instead of one file per licence/generic")
    .option('--db <path|url>', 'export the knowledge base stored in this database (SQLite file or postgres:// URL)')
    .option(
      '--kb <path>',
      'knowledge base to export: Hermine directory, shared.json or knowledge-base file (default: built-in)',
    )
    .option('--json', 'print one JSON document')
    .action(async (opts: { output: string; bundle?: boolean; db?: string; kb?: string; json?: boolean }) => {
      if (opts.db && opts.kb) throw new UsageError('--db and --kb name two knowledge bases: give one');
      const {
        kb: data,
        policies,
        source,
      } = opts.db
        ? await withStore(ctx, { db: opts.db }, async (store) => ({
            kb: await storedKnowledgeBase(store),
            policies: [],
            source: opts.db!,
          }))
        : loadKb(ctx, opts.kb);
      const target = resolvePath(ctx, opts.output);
      let files: number;
      if (opts.bundle) {
        const file = target.endsWith('.json') ? target : `${target}/shared.json`;
        writeHermineShared(file, data);
        files = 1;
      } else {
        files = writeHermineFiles(target, data, policies);
      }
      const summary = {
        source,
        output: target,
        layout: opts.bundle ? 'shared.json' : 'per-file',
        files,
        licenses: data.licenses.length,
        obligations: data.obligations.length,
        complianceActions: data.actions.length,
      };
      if (opts.json) return printJson(ctx, summary);
      ctx.io.stdout(
        `exported ${summary.licenses} licences, ${summary.obligations} obligations, ${summary.complianceActions} compliance actions (${summary.layout}, ${files} file(s)) to ${target}\n`,
      );
    });
}
