// `vigie decision add curation|choice|derogation|context`, `decision list`, `decision reset`.
// Scope flags left out mean "any": a decision for all versions of a component leaves out --component-version,
// one for all products leaves out --product.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import type { Decision, DecisionScope } from '../../model/decision.js';
import {
  EXPLOITATIONS,
  LINKINGS,
  MODIFICATIONS,
  type Exploitation,
  type Linking,
  type Modification,
} from '../../model/usage-context.js';
import { componentReference } from '../../model/component-identity.js';
import {
  deleteDecision,
  findProductByName,
  findReleaseByName,
  listCategories,
  listDecisions,
  recordDecision,
  resetDecisions,
} from '../../services/index.js';
import type { DecisionFilter, DecisionType, NewDecision, Store } from '../../services/store-door.js';
import { choiceOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface DecisionFlags extends StoreFlags {
  author?: string;
  explanation?: string;
  from?: string;
  to?: string;
  license?: string;
  linking?: string;
  modification?: string;
  confirmAnd?: boolean;
  category?: string;
  product?: string;
  release?: string;
  scope?: string;
  project?: string;
  exploitation?: string;
  component?: string;
  componentVersion?: string;
  type?: string;
  id?: string;
  all?: boolean;
}

const TYPES: readonly DecisionType[] = ['curation', 'choice', 'derogation'];

export function registerDecision(program: Command, ctx: CommandContext): void {
  const decision = program
    .command('decision')
    .description('reusable decisions: curations, AND confirmations, licence choices, derogations, authorised contexts');
  const add = decision.command('add').description('record a decision (author and explanation required)');

  withScope(
    withAuthor(
      add
        .command('curation')
        .description(
          'a licence string as found → the SPDX expression it means (for one version, all versions of a component, or everything)',
        ),
    ),
  )
    .requiredOption('--to <expression>', 'the SPDX expression it means')
    .option('--from <string>', 'the string as found (default: whatever was found)')
    .option('--confirm-and', 'record an AND confirmation (step 2): --to is the AND kept, or the OR it meant')
    .action((opts: DecisionFlags) =>
      record(ctx, opts, async () => ({
        ...refuseFlags(
          opts,
          ['category', 'product', 'release', 'scope', 'project', 'exploitation'],
          'a curation applies to a licence string and/or a component (and version), everywhere',
        ),
        type: 'curation',
        kind: opts.confirmAnd ? 'and-confirmation' : 'curation',
        component: componentKey(opts.component),
        version: versionOf(opts),
        fromExpression: opts.from ?? null,
        toExpression: opts.to!,
        author: opts.author!,
        explanation: opts.explanation!,
      })),
    );

  withScope(
    withAuthor(
      add.command('choice').description('an expression offering a choice (OR, or-later) → the licence chosen'),
    ),
  )
    .requiredOption('--from <expression>', 'the expression with the choice')
    .requiredOption('--to <expression>', 'the expression chosen')
    .action((opts: DecisionFlags) =>
      record(ctx, opts, async (store) => ({
        type: 'choice',
        ...(await scopeOf(store, opts)),
        fromExpression: opts.from!,
        toExpression: opts.to!,
        author: opts.author!,
        explanation: opts.explanation!,
      })),
    );

  withScope(
    withAuthor(
      add.command('derogation').description('a licence allowed despite the policy, for the usages in the scope'),
    ),
  )
    .requiredOption('--license <expression>', 'the licence allowed')
    .option('--linking <linking>', LINKINGS.join(', '))
    .option('--modification <m>', `${MODIFICATIONS.join(', ')}; default either`)
    .action((opts: DecisionFlags) =>
      record(ctx, opts, async (store) => ({
        type: 'derogation',
        ...(await scopeOf(store, opts)),
        license: opts.license!,
        linking: choiceOf<Linking>(opts.linking, LINKINGS, '--linking') ?? null,
        modification: choiceOf<Modification>(opts.modification, MODIFICATIONS, '--modification') ?? null,
        author: opts.author!,
        explanation: opts.explanation!,
      })),
    );

  withScope(
    withAuthor(
      add.command('context').description('an authorised context: a derogation bound to no product nor release'),
    ),
  )
    .requiredOption('--license <expression>', 'the licence allowed')
    .option('--linking <linking>', LINKINGS.join(', '))
    .option('--modification <m>', `${MODIFICATIONS.join(', ')}; default either`)
    .action((opts: DecisionFlags) => {
      if (opts.product || opts.release)
        throw new UsageError('an authorised context is bound to no product nor release: use `decision add derogation`');
      return record(ctx, opts, async (store) => ({
        type: 'derogation',
        ...(await scopeOf(store, opts)),
        license: opts.license!,
        linking: choiceOf<Linking>(opts.linking, LINKINGS, '--linking') ?? null,
        modification: choiceOf<Modification>(opts.modification, MODIFICATIONS, '--modification') ?? null,
        author: opts.author!,
        explanation: opts.explanation!,
      }));
    });

  withStoreOptions(decision.command('list').description('list decisions'))
    .option('--type <type>', TYPES.join(', '))
    .option('--product <name>')
    .option('--release <number>', 'with --product')
    .option('--component <name|purl>')
    .action((opts: DecisionFlags) =>
      withStore(ctx, opts, async (store) => {
        const decisions = await listDecisions(store, await filterOf(store, opts));
        if (opts.json) printJson(ctx, decisions);
        else for (const d of decisions) ctx.io.stdout(`#${d.id}  ${describe(d)}  (${d.author}: ${d.explanation})\n`);
      }),
    );

  withStoreOptions(
    decision.command('reset').description('delete decisions: one (--id), those matching filters, or --all'),
  )
    .option('--id <id>')
    .option('--all', 'every decision')
    .option('--type <type>', TYPES.join(', '))
    .option('--product <name>')
    .option('--release <number>', 'with --product')
    .option('--component <name|purl>')
    .action((opts: DecisionFlags) =>
      withStore(ctx, opts, async (store) => {
        let deleted: number;
        if (opts.id !== undefined) {
          await deleteDecision(store, Number(opts.id));
          deleted = 1;
        } else {
          const filter = await filterOf(store, opts);
          if (!opts.all && Object.keys(filter).length === 0)
            throw new UsageError('say which decisions to delete: --id, filters, or --all');
          deleted = await resetDecisions(store, filter);
        }
        if (opts.json) printJson(ctx, { deleted });
        else ctx.io.stdout(`deleted ${deleted} decision(s)\n`);
      }),
    );
}

function withAuthor(cmd: Command): Command {
  return withStoreOptions(cmd)
    .requiredOption('--author <name>', 'who decides')
    .requiredOption('--explanation <text>', 'why');
}

function withScope(cmd: Command): Command {
  return cmd
    .option('--component <name|purl>', 'one component (a versioned purl also sets --component-version); default any')
    .option('--component-version <number>', 'one version of --component; default all versions')
    .option('--category <name>', 'products of one category; default any')
    .option('--product <name>', 'one product; default all products')
    .option('--release <number>', 'one release of --product; default all releases')
    .option('--scope <scope>', 'one usage scope; default any')
    .option('--project <project>', 'one sub-project; default any')
    .option('--exploitation <e>', `one exploitation (${EXPLOITATIONS.join(', ')}); default any`);
}

async function record(
  ctx: CommandContext,
  opts: DecisionFlags,
  build: (store: Store) => Promise<NewDecision>,
): Promise<void> {
  await withStore(ctx, opts, async (store) => {
    const decision = await recordDecision(store, await build(store));
    if (opts.json) printJson(ctx, decision);
    else ctx.io.stdout(`recorded decision #${decision.id}: ${describe(decision)}\n`);
  });
}

/** Flags a decision kind does not use are refused, never dropped silently. */
function refuseFlags(opts: DecisionFlags, names: (keyof DecisionFlags)[], why: string): Record<string, never> {
  const given = names.filter((n) => opts[n] !== undefined);
  if (given.length > 0) {
    const flags = given.map((n) => `--${String(n).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
    throw new UsageError(`${flags} ${given.length > 1 ? 'do' : 'does'} not apply to this decision: ${why}`);
  }
  return {};
}

/** Decisions name components by identity (type, namespace, name; model/component-identity.ts). */
function componentKey(component: string | undefined): string | null {
  if (!component) return null;
  const ref = componentReference(component);
  if ('error' in ref) throw new UsageError(`--component: ${ref.error}`);
  return ref.key;
}

function versionOf(opts: DecisionFlags): string | null {
  if (opts.componentVersion) {
    if (!opts.component) throw new UsageError('--component-version needs --component');
    return opts.componentVersion;
  }
  if (opts.component) {
    const ref = componentReference(opts.component);
    if (!('error' in ref)) return ref.version;
  }
  return null;
}

async function scopeOf(store: Store, opts: DecisionFlags): Promise<DecisionScope> {
  let categoryId: number | null = null;
  if (opts.category) {
    const c = (await listCategories(store)).find((x) => x.name === opts.category);
    if (!c) throw new UsageError(`no category named "${opts.category}"`);
    categoryId = c.id;
  }
  let productId: number | null = null;
  let releaseId: number | null = null;
  if (opts.release) {
    if (!opts.product) throw new UsageError('--release needs --product');
    const ref = await findReleaseByName(store, opts.product, opts.release);
    productId = ref.product.id;
    releaseId = ref.release.id;
  } else if (opts.product) productId = (await findProductByName(store, opts.product)).id;
  return {
    categoryId,
    productId,
    releaseId,
    scope: opts.scope ?? null,
    project: opts.project ?? null,
    exploitation: choiceOf<Exploitation>(opts.exploitation, EXPLOITATIONS, '--exploitation') ?? null,
    component: componentKey(opts.component),
    version: versionOf(opts),
  };
}

async function filterOf(store: Store, opts: DecisionFlags): Promise<DecisionFilter> {
  const filter: DecisionFilter = {};
  const type = choiceOf(opts.type, TYPES, '--type');
  if (type) filter.type = type;
  if (opts.release) {
    if (!opts.product) throw new UsageError('--release needs --product');
    filter.releaseId = (await findReleaseByName(store, opts.product, opts.release)).release.id;
  } else if (opts.product) filter.productId = (await findProductByName(store, opts.product)).id;
  if (opts.component) filter.component = componentKey(opts.component)!;
  return filter;
}

function describe(d: Decision): string {
  const where = (parts: Array<[string, string | number | null]>) =>
    parts
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'everywhere';
  if (d.type === 'curation') {
    const what = d.kind === 'and-confirmation' ? 'AND confirmation' : 'curation';
    return `${what} '${d.fromExpression ?? '*'}' → '${d.toExpression}' for ${where([
      ['component', d.component],
      ['version', d.version],
    ])}`;
  }
  const scope = where([
    ['category', d.categoryId],
    ['product', d.productId],
    ['release', d.releaseId],
    ['scope', d.scope],
    ['project', d.project],
    ['exploitation', d.exploitation],
    ['component', d.component],
    ['version', d.version],
  ]);
  if (d.type === 'choice') return `choice '${d.fromExpression}' → '${d.toExpression}' for ${scope}`;
  const kind = d.productId === null && d.releaseId === null ? 'authorised context' : 'derogation';
  const context = [d.linking, d.modification].filter(Boolean).join(', ');
  return `${kind} for ${d.license}${context ? ` (${context})` : ''} in ${scope}`;
}
