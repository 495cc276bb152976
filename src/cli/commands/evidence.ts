// `vigie evidence verify|list|export`: the hash-chained evidence log (issue 12 item 6; CRA Art. 13(7)).
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { withStore, withStoreOptions, type StoreFlags } from './with-store.js';
import { exportEvidence, listEvidence, verifyEvidence } from '../../services/index.js';
import { writeOutput } from '../write-output.js';

interface ListFlags extends StoreFlags {
  subject?: string;
  product?: string;
  out?: string;
}

function subjectOf(opts: ListFlags): string | undefined {
  if (opts.subject && opts.product) throw new UsageError('--subject and --product exclude each other');
  return opts.product ? `product:${opts.product}` : opts.subject;
}

export function registerEvidence(program: Command, ctx: CommandContext): void {
  const evidence = program
    .command('evidence')
    .description('the append-only, hash-chained evidence log: verify, list, export (stored; see --db)');

  withStoreOptions(
    evidence
      .command('verify')
      .description('recompute the chain; exit 1 and name the first broken entry when it does not hold'),
  ).action((opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      const verdict = await verifyEvidence(store);
      if (opts.json) printJson(ctx, verdict);
      else if (verdict.ok) ctx.io.stdout(`evidence log holds: ${verdict.entries} entries, head ${verdict.head}\n`);
      else ctx.io.stdout(`evidence log BROKEN at entry ${verdict.broken!.seq}: ${verdict.broken!.reason}\n`);
      if (!verdict.ok) ctx.setExit(1);
    }),
  );

  withStoreOptions(evidence.command('list').description('entries in order, oldest first'))
    .option('--product <name>', 'entries about one product')
    .option('--subject <subject>', 'entries about one subject, e.g. product:Gateway')
    .action((opts: ListFlags) =>
      withStore(ctx, opts, async (store) => {
        const entries = await listEvidence(store, { subject: subjectOf(opts) });
        if (opts.json) printJson(ctx, entries);
        else
          for (const e of entries)
            ctx.io.stdout(`#${e.seq}  ${e.at}  ${e.actor}  ${e.kind}  ${e.subject}  ${e.hash.slice(0, 16)}\n`);
      }),
    );

  withStoreOptions(
    evidence
      .command('export')
      .description(
        'the extract a market surveillance authority asks for: entries (one subject or all) with the verdict over the whole chain, as JSON',
      ),
  )
    .option('--product <name>', 'entries about one product')
    .option('--subject <subject>', 'entries about one subject')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: ListFlags) =>
      withStore(ctx, opts, async (store) => {
        const extract = await exportEvidence(store, subjectOf(opts));
        await writeOutput(ctx, JSON.stringify({ format: 'vigie-evidence-extract/1', ...extract }, null, 2), opts.out);
      }),
    );
}
