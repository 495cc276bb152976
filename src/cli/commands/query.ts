// `vigie query component|top|licenses|diff`: questions across the whole portfolio.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import {
  COMPONENT_MATCHES,
  diffReleases,
  licenseDistribution,
  mostUsedComponents,
  releasesContaining,
  type ComponentMatch,
} from '../../services/index.js';
import type { LicenseRole } from '../../services/store-door.js';
import { choiceOf, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface QueryFlags extends StoreFlags {
  versions?: string;
  match?: string;
  limit?: string;
  role?: string;
  product?: string;
  release?: string;
  toProduct?: string;
}

const ROLES: readonly LicenseRole[] = ['declared', 'concluded', 'chosen'];

export function registerQuery(program: Command, ctx: CommandContext): void {
  const query = program.command('query').description('portfolio queries (stored; see --db)');

  withStoreOptions(
    query
      .command('component <name-or-purl>')
      .description('which releases contain a component (optionally in a version range)'),
  )
    .option('--versions <range>', 'exact version or range: ">=2.0.0 <2.15.0", "2.14.x", "^1.2.0"')
    .option(
      '--match <how>',
      `${COMPONENT_MATCHES.join(', ')}: the name as shown (golang.org/x/net), part of it, or exact then part (default)`,
      'auto',
    )
    .action((component: string, opts: QueryFlags) =>
      withStore(ctx, opts, async (store) => {
        const match = choiceOf<ComponentMatch>(opts.match, COMPONENT_MATCHES, '--match');
        const hits = await releasesContaining(store, { component, versionRange: opts.versions, match });
        if (opts.json) printJson(ctx, hits);
        else {
          for (const h of hits) {
            const where = h.usages.map((u) => [u.project, u.scope].filter(Boolean).join('/') || 'root').join(', ');
            ctx.io.stdout(`${h.productName} ${h.release.number}: ${h.displayName}@${h.version.number} (${where})\n`);
          }
          if (hits.length === 0) ctx.io.stdout('no release contains it\n');
          else if (hits[0].match === 'partial')
            ctx.io.stdout(`(no component is named "${component}" exactly: these names contain it)\n`);
        }
      }),
    );

  withStoreOptions(query.command('top').description('most used components across releases'))
    .option('--limit <n>', 'how many', '20')
    .action((opts: QueryFlags) =>
      withStore(ctx, opts, async (store) => {
        const top = await mostUsedComponents(store, Number(opts.limit));
        if (opts.json) printJson(ctx, top);
        else
          for (const t of top)
            ctx.io.stdout(`${t.releases} release(s), ${t.usages} usage(s)  ${t.component.purl ?? t.component.name}\n`);
      }),
    );

  withStoreOptions(query.command('licenses').description('licence distribution (whole portfolio, or one release)'))
    .option('--role <role>', ROLES.join(', '), 'declared')
    .option('--product <name>')
    .option('--release <number>', 'with --product')
    .action((opts: QueryFlags) =>
      withStore(ctx, opts, async (store) => {
        let releaseId: number | undefined;
        if (opts.release || opts.product) {
          if (!opts.release || !opts.product) throw new UsageError('--product and --release go together');
          releaseId = (await releaseOf(store, opts.product, opts.release)).release.id;
        }
        const counts = await licenseDistribution(store, choiceOf(opts.role, ROLES, '--role')!, releaseId);
        if (opts.json) printJson(ctx, counts);
        else for (const c of counts) ctx.io.stdout(`${String(c.usages).padStart(6)}  ${c.license ?? '(none)'}\n`);
      }),
    );

  withStoreOptions(
    query
      .command('diff <product> <from> <to>')
      .description('components and licence choices that changed between two releases'),
  )
    .option('--to-product <name>', 'the second release belongs to another product')
    .action((product: string, from: string, to: string, opts: QueryFlags) =>
      withStore(ctx, opts, async (store) => {
        const a = await releaseOf(store, product, from);
        const b = await releaseOf(store, opts.toProduct ?? product, to);
        const diff = await diffReleases(store, a.release.id, b.release.id);
        if (opts.json) printJson(ctx, diff);
        else {
          for (const u of diff.added) ctx.io.stdout(`+ ${u.component}@${u.version}\n`);
          for (const u of diff.removed) ctx.io.stdout(`- ${u.component}@${u.version}\n`);
          for (const u of diff.versionChanged) ctx.io.stdout(`~ ${u.component} ${u.from} → ${u.to}\n`);
          for (const u of diff.choiceChanged)
            ctx.io.stdout(`~ ${u.component}@${u.version} licence ${u.from ?? '(none)'} → ${u.to ?? '(none)'}\n`);
        }
      }),
    );
}
