// `vigie category create|list`: product categories (they carry outbound licences), addressed by name.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { createCategory, listCategories } from '../../services/index.js';
import { listOption, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface CategoryFlags extends StoreFlags {
  description?: string;
  outbound?: string[];
}

export function registerCategory(program: Command, ctx: CommandContext): void {
  const category = program.command('category').description('product categories (stored; see --db)');
  withStoreOptions(category.command('create <name>').description('create a category'))
    .option('--description <text>')
    .option('--outbound <expressions>', 'outbound licences (comma-separated or repeated)', listOption)
    .action((name: string, opts: CategoryFlags) =>
      withStore(ctx, opts, async (store) => {
        const created = await createCategory(store, {
          name,
          description: opts.description ?? null,
          outboundLicenses: opts.outbound,
        });
        if (opts.json) printJson(ctx, created);
        else ctx.io.stdout(`created category "${created.name}" (#${created.id})\n`);
      }),
    );
  withStoreOptions(category.command('list').description('list categories')).action((opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      const categories = await listCategories(store);
      if (opts.json) printJson(ctx, categories);
      else for (const c of categories) ctx.io.stdout(`${c.name}\n`);
    }),
  );
}
