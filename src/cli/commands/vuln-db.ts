// `vigie vuln db import <path>...`, `vigie vuln db update [--source <url>]`, `vigie vuln db status`:
// the offline vulnerability database in the store (OSV records, CISA KEV, EPSS).
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import {
  importVulnDatabase,
  scanAllReleases,
  updateVulnDatabase,
  vulnDatabaseStatus,
  type VulnImportProgress,
  type VulnSourceReport,
} from '../../services/index.js';
import type { Store } from '../../services/store-door.js';
import { listOption, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface DbFlags extends StoreFlags {
  source?: string;
  ecosystem?: string[];
  quiet?: boolean;
}

/** The `vuln` command, whoever registered it first (`vuln scan` lives in vuln.ts). */
function vulnCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'vuln') ??
    program.command('vuln').description('known vulnerabilities: scan SBOMs against OSV advisories, KEV and EPSS')
  );
}

export function registerVulnDb(program: Command, ctx: CommandContext): void {
  const db = vulnCommand(program)
    .command('db')
    .description('the offline vulnerability database (OSV records, CISA KEV, EPSS)');

  withStoreOptions(
    db
      .command('import')
      .description(
        'import OSV records (JSON/YAML files, folders, osv.dev <Ecosystem>/all.zip), the CISA KEV catalogue (JSON) or EPSS scores (CSV, CSV.gz)',
      ),
  )
    .argument('<path...>', 'files, folders or zip archives')
    .option('--quiet', 'no progress on stderr')
    .action((paths: string[], opts: DbFlags) =>
      withStore(ctx, opts, async (store) => {
        const reports = await importVulnDatabase(store, paths, {
          now: new Date().toISOString(),
          onProgress: progress(ctx, opts),
        });
        await rescan(ctx, opts, store);
        done(ctx, opts, reports);
      }),
    );

  withStoreOptions(
    db
      .command('update')
      .description('download <source>/<Ecosystem>/all.zip for each ecosystem and import it (only newer records)'),
  )
    .option('--source <url>', 'base URL of the archives (default: the public OSV bucket)')
    .option(
      '--ecosystem <name>',
      'ecosystem to update, repeatable (default: those loaded, else the common ones)',
      listOption,
    )
    .option('--quiet', 'no progress on stderr')
    .action((opts: DbFlags) =>
      withStore(ctx, opts, async (store) => {
        const reports = await updateVulnDatabase(store, {
          now: new Date().toISOString(),
          onProgress: progress(ctx, opts),
          ...(opts.source ? { source: opts.source } : {}),
          ...(opts.ecosystem ? { ecosystems: opts.ecosystem } : {}),
        });
        await rescan(ctx, opts, store);
        done(ctx, opts, reports);
      }),
    );

  withStoreOptions(db.command('status').description('what is loaded, per source and ecosystem, with dates')).action(
    (opts: DbFlags) =>
      withStore(ctx, opts, async (store) => {
        const status = await vulnDatabaseStatus(store);
        if (opts.json) return printJson(ctx, status);
        if (status.sources.length === 0)
          return ctx.io.stdout(
            'the vulnerability database is empty: run `vigie vuln db import` or `vigie vuln db update`\n',
          );
        ctx.io.stdout('ecosystem            records  withdrawn  newest modified\n');
        for (const e of status.ecosystems) {
          ctx.io.stdout(
            `${e.ecosystem.padEnd(20)} ${String(e.records).padStart(7)}  ${String(e.withdrawn).padStart(9)}  ${e.newestModified ?? '-'}\n`,
          );
        }
        ctx.io.stdout('\nsource                                   records  data date                 loaded at\n');
        for (const s of status.sources) {
          ctx.io.stdout(
            `${s.name.padEnd(40)} ${String(s.records).padStart(7)}  ${(s.dataDate ?? '-').padEnd(24)}  ${s.loadedAt}\n`,
          );
        }
      }),
  );
}

/** The database changed: every release's stored findings are recomputed (issue 11 item 8). */
async function rescan(ctx: CommandContext, opts: DbFlags, store: Store): Promise<void> {
  const all = await scanAllReleases(store, 'database', new Date().toISOString());
  if (!opts.quiet && all.releases > 0)
    ctx.io.stderr(`${all.releases} releases re-scanned: ${all.findings} findings stored\n`);
}

function progress(ctx: CommandContext, opts: DbFlags): ((p: VulnImportProgress) => void) | undefined {
  if (opts.quiet) return undefined;
  return (p) => ctx.io.stderr(`${p.origin}: ${p.read} read, ${p.imported} imported\n`);
}

function done(ctx: CommandContext, opts: DbFlags, reports: VulnSourceReport[]): void {
  if (opts.json) return printJson(ctx, { sources: reports });
  for (const r of reports) {
    ctx.io.stdout(
      `${r.origin} (${r.kind}): ${r.read} read, ${r.imported} imported, ${r.notNewer} not newer, ${r.invalid} invalid${r.dataDate ? `, data of ${r.dataDate}` : ''}\n`,
    );
    for (const [what, n] of Object.entries(r.repaired)) ctx.io.stdout(`  repaired ${n}: ${what}\n`);
    for (const reason of r.invalidReasons.slice(0, 10))
      ctx.io.stdout(`  invalid ${reason.count}: ${reason.reason} (e.g. ${reason.examples[0]})\n`);
  }
}
