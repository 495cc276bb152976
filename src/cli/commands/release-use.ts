// `vigie release use <product> <release> [--commercial yes|no|unset] …`: reads, or changes, how the
// release's product is used (ADR 17), which the use restrictions of model and data licences are
// judged against in step 5. Without a setting flag it only shows the declaration. With some, the
// named facts change and the others keep their value (`unset` returns a fact to "not declared");
// the whole declaration is then stored through the service, which records a validation run, as
// PUT /api/releases/:id/use does.
import type { Command } from 'commander';
import { FIELD_OF_USE_NAMES, type FieldOfUse, type UseDeclaration } from '../../model/use-declaration.js';
import { getReleaseUse, setReleaseUse, type ReleaseUse } from '../../services/index.js';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface UseFlags extends StoreFlags {
  commercial?: string;
  fieldsOfUse?: string;
  monthlyActiveUsers?: string;
  outputsTrainOtherModels?: string;
  licenseeInEu?: string;
  author?: string;
}

const UNSET = 'unset';
const FLAG_VALUES: Record<string, boolean | null> = { yes: true, no: false, true: true, false: false, [UNSET]: null };

function yesNo(value: string, option: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (!(v in FLAG_VALUES)) throw new UsageError(`${option} must be yes, no or ${UNSET}, not "${value}"`);
  return FLAG_VALUES[v]!;
}

function users(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (v === UNSET) return null;
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
    throw new UsageError(`--monthly-active-users must be a whole number of users (or ${UNSET}), not "${value}"`);
  return Number(v);
}

/** `none` (or an empty value) declares that the product serves none of the fields. */
function fields(value: string): FieldOfUse[] | null {
  const v = value.trim().toLowerCase();
  if (v === UNSET) return null;
  if (v === '' || v === 'none') return [];
  const names = v
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = names.filter((f) => !(FIELD_OF_USE_NAMES as string[]).includes(f));
  if (unknown.length)
    throw new UsageError(
      `--fields-of-use: ${unknown.map((f) => `"${f}"`).join(', ')} not one of ${FIELD_OF_USE_NAMES.join(', ')} (or none, ${UNSET})`,
    );
  return names as FieldOfUse[];
}

/** The declaration with the flags given applied; null when no flag asks for a change. */
export function changedDeclaration(current: UseDeclaration, opts: UseFlags): UseDeclaration | null {
  const next: UseDeclaration = { ...current };
  if (opts.commercial !== undefined) next.commercial = yesNo(opts.commercial, '--commercial');
  if (opts.outputsTrainOtherModels !== undefined)
    next.outputsTrainOtherModels = yesNo(opts.outputsTrainOtherModels, '--outputs-train-other-models');
  if (opts.licenseeInEu !== undefined) next.licenseeInEu = yesNo(opts.licenseeInEu, '--licensee-in-eu');
  if (opts.monthlyActiveUsers !== undefined) next.monthlyActiveUsers = users(opts.monthlyActiveUsers);
  if (opts.fieldsOfUse !== undefined) next.fieldsOfUse = fields(opts.fieldsOfUse);
  const changed = [
    opts.commercial,
    opts.outputsTrainOtherModels,
    opts.licenseeInEu,
    opts.monthlyActiveUsers,
    opts.fieldsOfUse,
  ].some((v) => v !== undefined);
  return changed ? next : null;
}

function shown(value: boolean | number | string[] | null): string {
  if (value === null) return 'not declared';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

function render(label: string, use: ReleaseUse): string {
  const d = use.declaration;
  const lines = [
    `${label} (#${use.releaseId}) declared use${use.updatedAt ? ` (updated ${use.updatedAt}${use.updatedBy ? ` by ${use.updatedBy}` : ''})` : ', nothing declared yet'}:`,
    `  commercial: ${shown(d.commercial)}`,
    `  fields of use: ${shown(d.fieldsOfUse)}`,
    `  monthly active users: ${shown(d.monthlyActiveUsers)}`,
    `  outputs train other models: ${shown(d.outputsTrainOtherModels)}`,
    `  licensee in the EU: ${shown(d.licenseeInEu)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerReleaseUse(release: Command, ctx: CommandContext): void {
  withStoreOptions(
    release
      .command('use <product> <number>')
      .description(
        "show or change how the release's product is used (for the use restrictions of model and data licences); a change records a validation run",
      ),
  )
    .option('--commercial <yes|no|unset>', 'the product is sold or used for commercial advantage')
    .option(
      '--fields-of-use <list>',
      `comma-separated sensitive fields it serves: ${FIELD_OF_USE_NAMES.join(', ')}; "none" for none`,
    )
    .option('--monthly-active-users <n>', "monthly active users of the licensee's products (Llama threshold)")
    .option('--outputs-train-other-models <yes|no|unset>', 'model outputs are used to train or improve other models')
    .option(
      '--licensee-in-eu <yes|no|unset>',
      'the licensee is domiciled or has its principal place of business in the EU',
    )
    .option('--author <name>', 'who declares the change (recorded with it)')
    .action((productName: string, number: string, opts: UseFlags) =>
      withStore(ctx, opts, async (store) => {
        const { product, release: r } = await releaseOf(store, productName, number);
        const current = await getReleaseUse(store, r.id);
        const next = changedDeclaration(current.declaration, opts);
        const result = next ? await setReleaseUse(store, r.id, next, opts.author?.trim() || null) : current;
        if (opts.json) printJson(ctx, result);
        else ctx.io.stdout(render(`${product.name} ${r.number}`, result));
      }),
    );
}
