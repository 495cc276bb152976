// `vigie product create|list|show`: the portfolio, addressed by name.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { createProduct, findProductByName, listCategories, listProducts, listReleases } from '../../services/index.js';
import { listOption, withStore, withStoreOptions, type StoreFlags } from './with-store.js';
import { UsageError } from '../exit-codes.js';

interface ProductFlags extends StoreFlags {
  description?: string;
  owner?: string;
  outbound?: string[];
  category?: string[];
}

export function registerProduct(program: Command, ctx: CommandContext): void {
  const product = program.command('product').description('products of the portfolio (stored; see --db)');

  withStoreOptions(product.command('create <name>').description('create a product'))
    .option('--description <text>')
    .option('--owner <name>')
    .option('--outbound <expressions>', 'outbound licences (comma-separated or repeated)', listOption)
    .option('--category <names>', 'category names (comma-separated or repeated)', listOption)
    .action((name: string, opts: ProductFlags) =>
      withStore(ctx, opts, async (store) => {
        const categories = await listCategories(store);
        const categoryIds = (opts.category ?? []).map((n) => {
          const c = categories.find((x) => x.name === n);
          if (!c) throw new UsageError(`no category named "${n}" (create it with \`vigie category create\`)`);
          return c.id;
        });
        const created = await createProduct(store, {
          name,
          description: opts.description,
          owner: opts.owner,
          outboundLicenses: opts.outbound,
          categoryIds,
        });
        if (opts.json) printJson(ctx, created);
        else ctx.io.stdout(`created product "${created.name}" (#${created.id})\n`);
      }),
    );

  withStoreOptions(product.command('list').description('list products')).action((opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      const products = await listProducts(store);
      if (opts.json) printJson(ctx, products);
      else
        for (const p of products)
          ctx.io.stdout(`${p.name}${p.outboundLicenses.length ? `  [${p.outboundLicenses.join(', ')}]` : ''}\n`);
    }),
  );

  withStoreOptions(product.command('show <name>').description('a product with its releases')).action(
    (name: string, opts: StoreFlags) =>
      withStore(ctx, opts, async (store) => {
        const p = await findProductByName(store, name);
        const releases = await listReleases(store, p.id);
        if (opts.json) printJson(ctx, { ...p, releases });
        else {
          ctx.io.stdout(`${p.name} (#${p.id})${p.owner ? `, owner ${p.owner}` : ''}\n`);
          if (p.outboundLicenses.length) ctx.io.stdout(`outbound: ${p.outboundLicenses.join(', ')}\n`);
          for (const r of releases)
            ctx.io.stdout(`  release ${r.number}  ${r.shipStatus}  step ${r.validationStep}/6\n`);
        }
      }),
  );
}
