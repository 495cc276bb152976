// `vigie usage set <product> <release> <usage-id>`: what a person records about one usage of a
// release (linking, modification, status, description); `none` clears linking or modification.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { LINKINGS, MODIFICATIONS, type Linking, type Modification } from '../../model/usage-context.js';
import { USAGE_STATUSES, modificationOf, updateUsage, type UsageEdit } from '../../services/index.js';
import type { UsageStatus } from '../../model/portfolio.js';
import { choiceOf, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface UsageFlags extends StoreFlags {
  linking?: string;
  modification?: string;
  status?: string;
  description?: string;
}

export function registerUsage(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('usage')
    .description('usages of a release: record linking, modification, status, description');
  withStoreOptions(
    cmd
      .command('set <product> <release> <usage>')
      .description(
        'record the linking, modification, status or description of a usage (its id, as blockers and the BOM show it)',
      ),
  )
    .option('--linking <linking>', `${LINKINGS.join(', ')}, or none (not recorded)`)
    .option('--modification <m>', `${MODIFICATIONS.join(', ')}, or none (not recorded)`)
    .option('--status <status>', USAGE_STATUSES.join(', '))
    .option('--description <text>', 'free text: why the component is there, how it is used ("" clears it)')
    .action((product: string, number: string, usage: string, opts: UsageFlags) =>
      withStore(ctx, opts, async (store) => {
        const { release } = await releaseOf(store, product, number);
        const id = Number(usage);
        if (!Number.isSafeInteger(id) || id < 1)
          throw new UsageError(
            `<usage>: "${usage}" is not a usage id (a positive integer, as blockers and the BOM show it)`,
          );
        const edit: UsageEdit = {};
        if (opts.linking !== undefined)
          edit.linking = opts.linking === 'none' ? null : choiceOf<Linking>(opts.linking, LINKINGS, '--linking')!;
        if (opts.modification !== undefined)
          edit.modification =
            opts.modification === 'none'
              ? null
              : choiceOf<Modification>(opts.modification, MODIFICATIONS, '--modification')!;
        if (opts.status !== undefined) edit.status = choiceOf<UsageStatus>(opts.status, USAGE_STATUSES, '--status');
        if (opts.description !== undefined) edit.description = opts.description;
        if (Object.keys(edit).length === 0)
          throw new UsageError('say what to record: --linking, --modification, --status or --description');
        const updated = await updateUsage(store, release.id, id, edit);
        if (opts.json) printJson(ctx, { ...updated, modification: modificationOf(updated) });
        else
          ctx.io.stdout(
            `usage #${updated.id}: linking ${updated.linking ?? 'not recorded'}, modification ${modificationOf(updated) ?? 'not recorded'}, status ${updated.status}\n`,
          );
      }),
    );
}
