// `vigie validate <product> <release>`: the six steps on the stored release, the step reached stored
// on it. Exit 0 when step 6 is reached, 1 otherwise (blockers listed with the decision that clears them).
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderValidationText } from '../../reports/index.js';
import { renderJUnit, renderSarif, validateRelease } from '../../services/index.js';
import { writeOutput } from '../write-output.js';
import { choiceOf, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface ValidateFlags extends StoreFlags {
  format?: string;
  output?: string;
}

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;

export function registerValidate(program: Command, ctx: CommandContext): void {
  withStoreOptions(
    program
      .command('validate <product> <release>')
      .description('run the six validation steps on a release (exit 0 at step 6, 1 otherwise)'),
  )
    .option('--format <format>', FORMATS.join(', '), 'text')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((product: string, number: string, opts: ValidateFlags) =>
      withStore(ctx, opts, async (store) => {
        const ref = await releaseOf(store, product, number);
        const format = opts.json ? 'json' : choiceOf(opts.format, FORMATS, '--format')!;
        const v = await validateRelease(store, ref.release.id);
        if (v.validationStep < 6) ctx.setExit(EXIT.findings);
        if (format === 'json') {
          const doc = {
            product: ref.product.name,
            release: ref.release.number,
            validationStep: v.validationStep,
            blockerCount: v.blockerCount,
            steps: v.steps,
          };
          if (opts.output) await writeOutput(ctx, JSON.stringify(doc, null, 2), opts.output);
          else printJson(ctx, doc);
        } else if (format === 'junit')
          await writeOutput(ctx, (await renderJUnit(store, ref.release.id)).content, opts.output);
        else if (format === 'sarif')
          await writeOutput(ctx, (await renderSarif(store, ref.release.id)).content, opts.output);
        else
          await writeOutput(
            ctx,
            renderValidationText(v.report, `${ref.product.name} ${ref.release.number}`),
            opts.output,
          );
      }),
    );
}
