// `vigie obligations <product> <release>`: the compliance plan, grouped by compliance action.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { renderObligations } from '../../services/index.js';
import { writeOutput } from '../write-output.js';
import { choiceOf, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface OutputFlags extends StoreFlags {
  format?: string;
  output?: string;
}

export function registerObligations(program: Command, ctx: CommandContext): void {
  withStoreOptions(
    program
      .command('obligations <product> <release>')
      .description('obligations grouped by compliance action, with the usages that trigger them'),
  )
    .option('--format <format>', 'md or json', 'md')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((product: string, number: string, opts: OutputFlags) =>
      withStore(ctx, opts, async (store) => {
        const { release } = await releaseOf(store, product, number);
        const format = opts.json ? 'json' : choiceOf(opts.format, ['md', 'json'] as const, '--format')!;
        await writeOutput(ctx, (await renderObligations(store, release.id, format)).content, opts.output);
      }),
    );
}
