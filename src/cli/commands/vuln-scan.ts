import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { artifactUri, readTarget } from '../read-target.js';
import { writeOutput } from '../write-output.js';
import { isServiceError } from '../../services/service-error.js';
import { loadEpssFile, loadKevFile, loadOsvFiles } from '../../services/vulnerability-sources.js';
import { randomUUID } from 'node:crypto';
import { readDocumentFile } from '../../io/read-document.js';
import { InputError } from '../../io/input-error.js';
import { UnreadableDocumentError } from '../../sbom/format.js';
import { UnsupportedDocumentError } from '../../sbom/read.js';
import type { Sbom } from '../../model/index.js';
import {
  applyVex,
  FAIL_ON,
  failsGate,
  findingsAsVex,
  scanSbom,
  type FailOn,
  type VulnerabilityIndex,
  type VulnerabilityScan,
} from '../../vulns/match/index.js';
import type { EpssFile, KevCatalogue } from '../../vulns/severity/index.js';
import { vulnerabilityDataForSbom } from '../../services/vulnerability-store-source.js';
import { withStore, DB_HELP } from './with-store.js';
import { readVex, writeVex, type VexFormat, type VexStatement } from '../../vulns/vex/index.js';
import { renderVulnerabilitySarif } from '../../reports/vulnerability-sarif.js';
import { renderVulnerabilityTable } from '../../reports/vulnerability-table.js';

const FORMATS = ['table', 'json', 'sarif', 'cyclonedx-vex', 'openvex', 'csaf'] as const;
const VEX_OUT = new Set<string>(['cyclonedx-vex', 'openvex', 'csaf']);

interface ScanData {
  index: VulnerabilityIndex;
  kev?: KevCatalogue;
  epss?: EpssFile;
  /** What the load found, for the JSON summary. */
  report: Record<string, unknown>;
}

interface ScanOptions {
  db?: string;
  osv: string[];
  kev?: string;
  epss?: string;
  vex: string[];
  failOn: string;
  format: string;
  output?: string;
  maxSize?: string;
  author: string;
  namespace: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `vigie vuln scan`: one SBOM (or npm project) against OSV files, with KEV and EPSS; no store. */
export function registerVulnScan(vuln: Command, ctx: CommandContext): void {
  vuln
    .command('scan <target>')
    .description(
      'match an SBOM file or npm project folder against OSV advisories (exit 0 clean, 1 findings at or above --fail-on, 2 bad input)',
    )
    .option(
      '--osv <path>',
      "OSV advisories: a JSON/YAML file, a folder, or an osv.dev <Ecosystem>/all.zip (repeatable); without it, the store's database (vigie vuln db)",
      collect,
      [],
    )
    .option('--db <path|url>', `the store whose vulnerability database is used without --osv: ${DB_HELP}`)
    .option('--kev <file>', 'CISA Known Exploited Vulnerabilities catalogue (JSON)')
    .option('--epss <file>', 'FIRST EPSS scores (CSV or CSV.gz)')
    .option('--vex <file>', 'VEX document to apply (repeatable)', collect, [])
    .option('--fail-on <level>', `exit 1 when a finding is at or above: ${FAIL_ON.join(', ')}`, 'low')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .option('--max-size <size>', 'largest SBOM accepted (e.g. 300MB)')
    .option('--author <name>', 'author / CSAF publisher named in VEX output', 'Vigie')
    .option('--namespace <url>', 'CSAF publisher namespace in VEX output', 'https://vigie.invalid')
    .action(async (target: string, opts: ScanOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format))
        throw new UsageError(`--format: "${opts.format}" is not one of ${FORMATS.join(', ')}`);
      if (!(FAIL_ON as readonly string[]).includes(opts.failOn))
        throw new UsageError(`--fail-on: "${opts.failOn}" is not one of ${FAIL_ON.join(', ')}`);
      const sbom = await readTarget(target, ctx, opts.maxSize);
      const cwd = ctx.io.cwd;
      const statements = await readVexFiles(opts.vex, cwd);
      const data = opts.osv.length > 0 ? await fromFiles(opts, ctx) : await fromStore(opts, ctx, sbom);
      const [kevFile, epssFile] = await Promise.all([
        opts.kev ? loadKevFile(resolvePath(cwd, opts.kev)) : undefined,
        opts.epss ? loadEpssFile(resolvePath(cwd, opts.epss)) : undefined,
      ]).catch(serviceToUsage);
      const kev = kevFile ?? data.kev;
      const epss = epssFile ?? data.epss;
      const raw = scanSbom(sbom, data.index, { ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) });
      const vex = applyVex(raw, statements, sbom);
      const scan = vex.scan;
      if (opts.vex.length > 0)
        ctx.io.stderr(`VEX: ${statements.length} statement(s) read, ${vex.applied} finding(s) triaged\n`);
      for (const c of vex.conflicts)
        ctx.io.stderr(`VEX conflict: ${c.vulnerability} on ${c.component}: ${c.states.join(' vs ')}; left untriaged\n`);
      for (const f of scan.findings)
        for (const w of f.warnings ?? []) ctx.io.stderr(`${w} (${f.component.purl || f.component.ref})\n`);
      const threshold = opts.failOn as FailOn;
      const failing = scan.findings.filter((f) => failsGate(f, threshold)).length;
      let text: string;
      if (opts.format === 'json') {
        const database = { ...scan.summary.database, ...data.report };
        text = JSON.stringify(
          { ...scan, summary: { ...scan.summary, failOn: threshold, failing, database, vexConflicts: vex.conflicts } },
          null,
          2,
        );
      } else if (VEX_OUT.has(opts.format)) {
        text = vexOutput(scan, sbom, opts, (line) => ctx.io.stderr(line));
      } else if (opts.format === 'sarif')
        text = renderVulnerabilitySarif(scan, { artifactUri: artifactUri(target, cwd) });
      else
        text =
          renderVulnerabilityTable(scan) +
          (failing > 0 ? `${failing} finding(s) at or above --fail-on ${threshold}.\n` : '');
      await writeOutput(ctx, text, opts.output);
      ctx.setExit(failing > 0 ? EXIT.findings : EXIT.ok);
    });
}

async function readVexFiles(paths: readonly string[], cwd: string): Promise<VexStatement[]> {
  const out: VexStatement[] = [];
  for (const path of paths) {
    try {
      const { text } = await readDocumentFile(resolvePath(cwd, path));
      out.push(...readVex(text, path).document.statements);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--vex: ${err.message}`);
      if (err instanceof UnreadableDocumentError || err instanceof UnsupportedDocumentError)
        throw new UsageError(`--vex: ${err.message}`);
      throw err;
    }
  }
  return out;
}

/** The findings as a VEX document (untriaged ones as in_triage / under_investigation). */
function vexOutput(scan: VulnerabilityScan, sbom: Sbom, opts: ScanOptions, warn: (line: string) => void): string {
  // The clock and randomness are read here, at the edge; the pure encoders take them as input.
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = randomUUID();
  const statements = findingsAsVex(scan.findings, timestamp);
  const { serialNumber, version } = sbom.metadata;
  const target = serialNumber ? { sbom: { serialNumber, version: version ?? 1 } } : {};
  const product = sbom.metadata.component;
  const name = product?.name ?? sbom.metadata.name ?? 'product';
  const format = opts.format as VexFormat;
  const written =
    format === 'cyclonedx-vex'
      ? writeVex(statements, {
          format,
          specVersion: '1.6',
          serialNumber: `urn:uuid:${uuid}`,
          timestamp,
          author: opts.author,
          ...target,
          ...(product ? { subject: { name, ...(product.version ? { version: product.version } : {}) } } : {}),
        })
      : format === 'openvex'
        ? writeVex(statements, { format, id: `urn:uuid:${uuid}`, author: opts.author, timestamp, ...target })
        : writeVex(statements, {
            format,
            trackingId: `VIGIE-VEX-${name}-${product?.version ?? timestamp.slice(0, 10)}`.replace(
              /[^A-Za-z0-9._-]+/g,
              '-',
            ),
            title: `VEX for ${name}${product?.version ? ` ${product.version}` : ''}`,
            publisher: { name: opts.author, namespace: opts.namespace },
            timestamp,
            ...target,
          });
  for (const issue of written.issues) warn(`${format}: ${issue.message}\n`);
  return JSON.stringify(written.document, null, 2);
}

function serviceToUsage(err: unknown): never {
  if (isServiceError(err)) throw new UsageError(err.message);
  throw err;
}

async function fromFiles(opts: ScanOptions, ctx: CommandContext): Promise<ScanData> {
  const osv = await loadOsvFiles(opts.osv, {
    cwd: ctx.io.cwd,
    onProgress: (n) => ctx.io.stderr(`reading advisories: ${n}\r`),
    progressEvery: 5000,
  }).catch(serviceToUsage);
  ctx.io.stderr(
    `advisories: ${osv.accepted} read from ${opts.osv.join(', ')}` +
      (osv.invalid.length > 0
        ? `, ${osv.invalid.length} invalid and skipped (first: ${osv.invalid[0]!.where}: ${osv.invalid[0]!.reason})`
        : '') +
      '\n',
  );
  return {
    index: osv.index,
    report: { source: 'files', read: osv.read, invalid: osv.invalid, tolerated: osv.tolerated },
  };
}

async function fromStore(opts: ScanOptions, ctx: CommandContext, sbom: Sbom): Promise<ScanData> {
  const data = await withStore(ctx, { ...(opts.db ? { db: opts.db } : {}) }, (store) =>
    vulnerabilityDataForSbom(store, sbom),
  );
  ctx.io.stderr(`advisories: ${data.records} read from the store's vulnerability database\n`);
  if (data.records === 0)
    ctx.io.stderr('the store has no advisory for these components (is it loaded? vigie vuln db status)\n');
  return { index: data.index, kev: data.kev, epss: data.epss, report: { source: 'store', read: data.records } };
}
