// `vigie vex import|set|list|export`: the triage memory of a release (analyses reused by every
// release their scope covers) and VEX documents in and out (CycloneDX VEX, OpenVEX, CSAF).
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { writeOutput } from '../write-output.js';
import {
  exportVex,
  importVexFile,
  releaseVex,
  setVexAnalysis,
  TRIAGE_SCOPES,
  type TriageScopeLevel,
} from '../../services/index.js';
import {
  ANALYSIS_RESPONSES,
  ANALYSIS_STATES,
  CDX_JUSTIFICATIONS,
  VEX_FORMATS,
  VEX_JUSTIFICATIONS,
  type VexFormat,
} from '../../vulns/vex/index.js';
import { choiceOf, listOption, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface VexFlags extends StoreFlags {
  author?: string;
  component?: string;
  vulnerability?: string;
  state?: string;
  justification?: string;
  response?: string[];
  detail?: string;
  action?: string;
  scope?: string;
  allVersions?: boolean;
  format?: string;
  output?: string;
  sbomSerial?: string;
  sbomVersion?: string;
  namespace?: string;
  specVersion?: string;
}

const now = () => new Date().toISOString();

export function registerVex(program: Command, ctx: CommandContext): void {
  const vex = program
    .command('vex')
    .description('triage memory and VEX documents: import, set, list, export (CycloneDX VEX, OpenVEX, CSAF)');

  withStoreOptions(
    vex
      .command('import')
      .description(
        'record the statements of a CycloneDX VEX, OpenVEX or CSAF document about the components of a release (exit 0 when at least one is recorded, 1 when none is about a component of the release: nothing recorded, 2 when the document holds no statement that can be read)',
      ),
  )
    .argument('<file>', 'the VEX document (format detected)')
    .argument('<product>')
    .argument('<release>')
    .requiredOption('--author <name>', 'who records the analyses')
    .option('--scope <scope>', `where the analyses hold: ${TRIAGE_SCOPES.join(', ')} (default release)`)
    .action((file: string, product: string, release: string, opts: VexFlags) =>
      withStore(ctx, opts, async (store) => {
        const scope = choiceOf<TriageScopeLevel>(opts.scope, TRIAGE_SCOPES, '--scope');
        const result = await importVexFile(store, {
          path: file,
          product,
          release,
          author: opts.author!,
          now: now(),
          ...(scope ? { scope } : {}),
        });
        printImport(ctx, opts, { file, product, release }, result);
      }),
    );

  withStoreOptions(
    vex
      .command('set')
      .description(
        'record the analysis of one vulnerability for one component of a release (a new record; the previous one stays as history)',
      ),
  )
    .argument('<product>')
    .argument('<release>')
    .requiredOption('--component <purl|name>', 'the component (a versioned purl picks the version)')
    .requiredOption('--vulnerability <id>', 'CVE, GHSA, PYSEC … (its aliases are one group)')
    .requiredOption('--state <state>', ANALYSIS_STATES.join(', '))
    .option(
      '--justification <j>',
      `for not_affected/false_positive: ${[...CDX_JUSTIFICATIONS, ...VEX_JUSTIFICATIONS].join(', ')}`,
    )
    .option('--response <r>', `repeatable: ${ANALYSIS_RESPONSES.join(', ')}`, listOption)
    .option('--detail <text>', 'why (impact statement)')
    .option('--action <text>', 'what to do (action statement)')
    .option(
      '--scope <scope>',
      `release (this release), product (every release of the product), all (every product); default release`,
    )
    .option('--all-versions', 'for every version of the component, not only this one')
    .requiredOption('--author <name>', 'who decides')
    .action((product: string, release: string, opts: VexFlags) =>
      withStore(ctx, opts, async (store) => {
        const scope = choiceOf<TriageScopeLevel>(opts.scope, TRIAGE_SCOPES, '--scope');
        const result = await setVexAnalysis(store, {
          product,
          release,
          component: opts.component!,
          vulnerability: opts.vulnerability!,
          state: opts.state!,
          ...(opts.justification ? { justification: opts.justification } : {}),
          ...(opts.response ? { responses: opts.response } : {}),
          ...(opts.detail ? { detail: opts.detail } : {}),
          ...(opts.action ? { actionStatement: opts.action } : {}),
          ...(scope ? { scope } : {}),
          allVersions: opts.allVersions === true,
          author: opts.author!,
          now: now(),
        });
        if (opts.json) return printJson(ctx, result);
        ctx.io.stdout(
          `#${result.record.id} ${result.record.vulnerabilityId}: ${result.record.analysis.state} for ${result.scope}\n`,
        );
      }),
    );

  withStoreOptions(
    vex
      .command('list')
      .description('the analyses that apply to a release (most specific wins), their history and the conflicts'),
  )
    .argument('<product>')
    .argument('<release>')
    .action((product: string, release: string, opts: VexFlags) =>
      withStore(ctx, opts, async (store) => {
        const view = await releaseVex(store, product, release);
        if (opts.json) return printJson(ctx, view);
        for (const s of view.statements) {
          const a = s.analysis;
          ctx.io.stdout(
            `${s.vulnerability.id}  ${s.product.purl ?? s.product.name}  ${a.state}${(a.justification ?? a.vexJustification) ? ` (${a.justification ?? a.vexJustification})` : ''}  — ${s.record.author}, ${s.record.createdAt}, ${s.scope}${s.history.length ? `, ${s.history.length} earlier` : ''}\n`,
          );
        }
        for (const c of view.conflicts) {
          ctx.io.stdout(
            `CONFLICT ${c.vulnerability} for ${c.component}: ${c.analyses.map((a) => `#${a.id} ${a.analysis.state} by ${a.author}`).join(' vs ')}\n`,
          );
        }
        if (view.conflicts.length > 0) ctx.setExit(1);
      }),
    );

  withStoreOptions(vex.command('export').description('the analyses of a release as CycloneDX VEX, OpenVEX or CSAF VEX'))
    .argument('<product>')
    .argument('<release>')
    .requiredOption('--format <format>', VEX_FORMATS.join(', '))
    .option('--author <name>', 'author / publisher written in the document', 'Vigie')
    .option('--namespace <url>', 'CSAF publisher namespace (your organisation URL)')
    .option('--spec-version <v>', 'CycloneDX 1.6 (default) or 1.7')
    .option(
      '--sbom-serial <urn:uuid>',
      'serial number of the exported release SBOM: statements become BOM-Links into it',
    )
    .option('--sbom-version <n>', 'version of that SBOM (default 1)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((product: string, release: string, opts: VexFlags) =>
      withStore(ctx, opts, async (store) => {
        const format = choiceOf<VexFormat>(opts.format, VEX_FORMATS, '--format')!;
        const spec = choiceOf<'1.6' | '1.7'>(opts.specVersion, ['1.6', '1.7'], '--spec-version');
        const result = await exportVex(store, {
          product,
          release,
          format,
          now: now(),
          author: opts.author!,
          ...(spec ? { specVersion: spec } : {}),
          ...(opts.namespace ? { namespace: opts.namespace } : {}),
          ...(opts.sbomSerial
            ? { sbom: { serialNumber: opts.sbomSerial, version: Number(opts.sbomVersion ?? '1') } }
            : {}),
        });
        for (const i of result.issues) ctx.io.stderr(`${i.severity}: ${i.message}\n`);
        for (const c of result.conflicts)
          ctx.io.stderr(`conflict, not exported: ${c.vulnerability} for ${c.component}\n`);
        await writeOutput(ctx, JSON.stringify(result.document, null, 2) + '\n', opts.output);
      }),
    );
}

/** What `vex import` says: recorded and unmatched counts; nothing recorded is exit 1 (a finding about input that was read). */
function printImport(
  ctx: CommandContext,
  opts: VexFlags,
  { file, product, release }: { file: string; product: string; release: string },
  result: Awaited<ReturnType<typeof importVexFile>>,
): void {
  if (result.recorded === 0) ctx.setExit(EXIT.findings);
  if (opts.json) return printJson(ctx, result);
  ctx.io.stdout(
    `${file} (${result.format}): ${result.recorded} analyses recorded, ${result.unmatched.length} statements about products not in ${product} ${release}\n`,
  );
  for (const u of result.unmatched.slice(0, 20))
    ctx.io.stdout(`  not in the release: ${u.vulnerability} for ${u.product}\n`);
  for (const i of result.issues) ctx.io.stderr(`${i.severity}: ${i.message}${i.field ? ` (${i.field})` : ''}\n`);
  if (result.recorded === 0)
    ctx.io.stderr(`nothing recorded: no statement of ${file} is about a component of ${product} ${release}\n`);
}
