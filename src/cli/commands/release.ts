// `vigie release create|list|show|update|export`: releases addressed by product name and number.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { SHIP_STATUSES, type ShipStatus } from '../../model/portfolio.js';
import {
  createRelease,
  exportRelease,
  findProductByName,
  listExploitationRules,
  listImports,
  listReleases,
  renderBomCsv,
  updateRelease,
  RELEASE_EXPORT_FORMATS,
} from '../../services/index.js';
import { writeOutput } from '../write-output.js';
import { registerReleaseUse } from './release-use.js';
import { choiceOf, listOption, releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface ReleaseFlags extends StoreFlags {
  outbound?: string[];
  status?: string;
  commit?: string;
  format?: string;
  output?: string;
}

export function registerRelease(program: Command, ctx: CommandContext): void {
  const release = program.command('release').description('releases of a product (stored; see --db)');

  withStoreOptions(release.command('create <product> <number>').description('create a release'))
    .option('--outbound <expressions>', 'outbound licences (default: those of the product)', listOption)
    .option('--status <status>', `ship status: ${SHIP_STATUSES.join(', ')}`)
    .option('--commit <sha>')
    .action((productName: string, number: string, opts: ReleaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const product = await findProductByName(store, productName);
        const created = await createRelease(store, {
          productId: product.id,
          number,
          outboundLicenses: opts.outbound,
          shipStatus: choiceOf<ShipStatus>(opts.status, SHIP_STATUSES, '--status'),
          commit: opts.commit ?? null,
        });
        if (opts.json) printJson(ctx, created);
        else ctx.io.stdout(`created release ${created.number} of "${product.name}" (#${created.id})\n`);
      }),
    );

  withStoreOptions(release.command('list [product]').description('list releases (of one product)')).action(
    (productName: string | undefined, opts: StoreFlags) =>
      withStore(ctx, opts, async (store) => {
        const productId = productName === undefined ? undefined : (await findProductByName(store, productName)).id;
        const releases = await listReleases(store, productId);
        if (opts.json) printJson(ctx, releases);
        else
          for (const r of releases)
            ctx.io.stdout(`#${r.id}  ${r.number}  ${r.shipStatus}  step ${r.validationStep}/6\n`);
      }),
  );

  withStoreOptions(
    release.command('show <product> <number>').description('a release: status, exploitation rules, imports'),
  ).action((productName: string, number: string, opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      const { product, release: r } = await releaseOf(store, productName, number);
      const [rules, imports, usages] = await Promise.all([
        listExploitationRules(store, r.id),
        listImports(store, r.id),
        store.listUsages(r.id),
      ]);
      if (opts.json) printJson(ctx, { product, release: r, usages: usages.length, exploitationRules: rules, imports });
      else {
        ctx.io.stdout(
          `${product.name} ${r.number} (#${r.id}): ${r.shipStatus}, validation step ${r.validationStep}/6, ${usages.length} usages\n`,
        );
        for (const rule of rules)
          ctx.io.stdout(
            `  exploitation ${rule.exploitation} for scope ${rule.scope ?? 'any'}, project ${rule.project ?? 'any'}\n`,
          );
        for (const i of imports)
          ctx.io.stdout(
            `  import #${i.id} ${i.status} ${i.fileName ?? ''} (${i.format}, ${i.mode})${i.error ? `: ${i.error}` : ''}\n`,
          );
      }
    }),
  );

  withStoreOptions(
    release.command('update <product> <number>').description('change ship status, commit or outbound licences'),
  )
    .option('--outbound <expressions>', 'outbound licences', listOption)
    .option('--status <status>', `ship status: ${SHIP_STATUSES.join(', ')}`)
    .option('--commit <sha>')
    .action((productName: string, number: string, opts: ReleaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const { release: r } = await releaseOf(store, productName, number);
        const updated = await updateRelease(store, r.id, {
          ...(opts.outbound ? { outboundLicenses: opts.outbound } : {}),
          ...(opts.status ? { shipStatus: choiceOf<ShipStatus>(opts.status, SHIP_STATUSES, '--status') } : {}),
          ...(opts.commit ? { commit: opts.commit } : {}),
        });
        if (opts.json) printJson(ctx, updated);
        else ctx.io.stdout(`updated release ${updated.number}\n`);
      }),
    );

  withStoreOptions(
    release
      .command('export <product> <number>')
      .description('the release as CycloneDX 1.6, SPDX 2.3 (concluded and effective licences) or a CSV BOM'),
  )
    .requiredOption('--format <format>', `${RELEASE_EXPORT_FORMATS.join(', ')} or csv`)
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((productName: string, number: string, opts: ReleaseFlags) =>
      withStore(ctx, opts, async (store) => {
        const { release: r } = await releaseOf(store, productName, number);
        const format = choiceOf(opts.format, [...RELEASE_EXPORT_FORMATS, 'csv'] as const, '--format')!;
        const out = format === 'csv' ? await renderBomCsv(store, r.id) : await exportRelease(store, r.id, format);
        await writeOutput(ctx, out.content, opts.output);
      }),
    );

  registerReleaseUse(release, ctx);
}
