// `vigie notice <product> <release>`: the attribution file (components, versions, licences with
// their full texts once each, copyrights).
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { NOTICE_FORMATS, renderNotice } from '../../services/index.js';
import { writeOutput } from '../write-output.js';
import { choiceOf, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface OutputFlags extends StoreFlags {
  format?: string;
  output?: string;
}

export function registerNotice(program: Command, ctx: CommandContext): void {
  withStoreOptions(
    program.command('notice <product> <release>').description('the NOTICE / attribution file of a release'),
  )
    .option('--format <format>', NOTICE_FORMATS.join(', '), 'text')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((product: string, number: string, opts: OutputFlags) =>
      withStore(ctx, opts, async (store) => {
        const { release } = await releaseOf(store, product, number);
        const format = opts.json ? 'json' : choiceOf(opts.format, NOTICE_FORMATS, '--format')!;
        const out = await renderNotice(store, release.id, format);
        await writeOutput(ctx, out.content, opts.output);
      }),
    );
}
