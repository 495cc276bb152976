// `vigie vuln findings|rescan|affected|diff`: the stored vulnerability findings of the portfolio's
// releases (scanned against the store's database when a release is imported or the database
// changes, and on demand), triage applied; which releases ship an advisory (any alias).
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import {
  releaseVulnerabilities,
  releasesAffectedBy,
  scanAllReleases,
  scanRelease,
  vulnerabilityDiff,
} from '../../services/index.js';
import { releaseOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface FindingFlags extends StoreFlags {
  rescan?: boolean;
  all?: boolean;
}

const now = () => new Date().toISOString();

export function registerVulnRelease(vuln: Command, ctx: CommandContext): void {
  withStoreOptions(
    vuln
      .command('findings')
      .description("a release's stored vulnerability findings with their triage (VEX) and counts"),
  )
    .argument('<product>')
    .argument('<release>')
    .option('--rescan', 'scan the release against the database first')
    .action((product: string, release: string, opts: FindingFlags) =>
      withStore(ctx, opts, async (store) => {
        const ref = await releaseOf(store, product, release);
        if (opts.rescan) await scanRelease(store, ref.release.id, 'on demand', now());
        const view = await releaseVulnerabilities(store, ref.release.id);
        if (opts.json) return printJson(ctx, view);
        if (!view.scan)
          return ctx.io.stdout(
            `${product} ${release} has not been scanned: run \`vigie vuln rescan ${product} ${release}\`\n`,
          );
        const c = view.counts;
        ctx.io.stdout(
          `${product} ${release}: ${c.total} findings, ${c.open} open (critical ${c.byRating.critical}, high ${c.byRating.high}, medium ${c.byRating.medium}, low ${c.byRating.low}, unknown ${c.byRating.unknown}; KEV ${c.kevOpen}); scanned ${view.scan.scannedAt} (${view.scan.reason})${view.scan.stale ? ' — STALE: the release or the database changed since, run with --rescan' : ''}\n`,
        );
        for (const f of view.findings) {
          const v = f.vulnerability;
          const state = f.conflict ? 'CONFLICT' : (f.analysis?.state ?? 'untriaged');
          ctx.io.stdout(
            `${v.id.padEnd(20)} ${v.severity.rating.padEnd(8)} ${`${f.component.purl || f.component.name}`}  fixed: ${v.fixed.join(', ') || '-'}  ${state}${f.analysis?.justification ? ` (${f.analysis.justification})` : ''}${v.kev ? '  KEV' : ''}\n`,
          );
          for (const w of f.warnings ?? []) ctx.io.stdout(`  ${w}\n`);
        }
        if (view.scan.summary.unchecked > 0)
          ctx.io.stdout(
            `${view.scan.summary.unchecked} components not checkable: ${Object.entries(
              view.scan.summary.uncheckedReasons,
            )
              .map(([r, n]) => `${n} ${r}`)
              .join('; ')}\n`,
          );
      }),
    );

  withStoreOptions(
    vuln
      .command('rescan')
      .description(
        "scan one release (or every release) against the store's vulnerability database and store the findings",
      ),
  )
    .argument('[product]')
    .argument('[release]')
    .action((product: string | undefined, release: string | undefined, opts: FindingFlags) =>
      withStore(ctx, opts, async (store) => {
        if (product === undefined || release === undefined) {
          const all = await scanAllReleases(store, 'on demand', now());
          if (opts.json) return printJson(ctx, all);
          return ctx.io.stdout(`${all.releases} releases scanned, ${all.findings} findings stored\n`);
        }
        const ref = await releaseOf(store, product, release);
        const outcome = await scanRelease(store, ref.release.id, 'on demand', now());
        if (opts.json) return printJson(ctx, outcome);
        ctx.io.stdout(
          `${product} ${release}: ${outcome.findings} findings stored (${outcome.summary.checked} of ${outcome.summary.components} components checked)\n`,
        );
      }),
    );

  withStoreOptions(
    vuln
      .command('affected')
      .description('which releases ship a version affected by an advisory (CVE, GHSA, PYSEC, GO … any alias)'),
  )
    .argument('<advisory-id>')
    .action((advisory: string, opts: StoreFlags) =>
      withStore(ctx, opts, async (store) => {
        const result = await releasesAffectedBy(store, advisory);
        if (opts.json) return printJson(ctx, result);
        if (result.releases.length === 0)
          return ctx.io.stdout(`no scanned release ships a version affected by ${result.ids.join(' / ')}\n`);
        ctx.io.stdout(`${result.ids.join(' / ')}: ${result.releases.length} releases\n`);
        for (const r of result.releases) {
          for (const c of r.components) {
            ctx.io.stdout(
              `${r.product.name} ${r.release.number} (${r.release.shipStatus})  ${c.purl || c.name}  fixed: ${c.fixed.join(', ') || '-'}  ${c.state ?? 'untriaged'}\n`,
            );
          }
        }
      }),
    );

  withStoreOptions(
    vuln.command('diff').description('vulnerabilities introduced and fixed from one release to another (stored scans)'),
  )
    .argument('<product>')
    .argument('<from>')
    .argument('<to>')
    .action((product: string, from: string, to: string, opts: StoreFlags) =>
      withStore(ctx, opts, async (store) => {
        const a = await releaseOf(store, product, from);
        const b = await releaseOf(store, product, to);
        const diff = await vulnerabilityDiff(store, a.release.id, b.release.id);
        if (opts.json) return printJson(ctx, diff);
        if (!diff.scanned) ctx.io.stderr('one of the releases has not been scanned: run `vigie vuln rescan`\n');
        for (const e of diff.introduced)
          ctx.io.stdout(`+ ${e.vulnerability} ${e.rating} ${e.component}@${e.version ?? ''}\n`);
        for (const e of diff.fixed)
          ctx.io.stdout(`- ${e.vulnerability} ${e.rating} ${e.component}@${e.version ?? ''}\n`);
        ctx.io.stdout(
          `${diff.introduced.length} introduced, ${diff.fixed.length} fixed, ${diff.unchanged} unchanged\n`,
        );
      }),
    );
}
