import type { Command } from 'commander';
import { resolve as resolvePath } from 'node:path';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { artifactUri, readTarget } from '../read-target.js';
import { writeOutput } from '../write-output.js';
import { isServiceError } from '../../services/service-error.js';
import { loadEpssFile, loadKevFile, loadOsvFiles } from '../../services/vulnerability-sources.js';
import { FAIL_ON, failsGate, scanSbom, type FailOn } from '../../vulns/match/index.js';
import { renderVulnerabilitySarif } from '../../reports/vulnerability-sarif.js';
import { renderVulnerabilityTable } from '../../reports/vulnerability-table.js';

const FORMATS = ['table', 'json', 'sarif', 'cyclonedx-vex', 'openvex', 'csaf'] as const;
/** VEX formats come with the VEX work (src/vulns/vex); until then they are refused, not faked. */
const NOT_YET = new Set(['cyclonedx-vex', 'openvex', 'csaf']);

interface ScanOptions {
  osv: string[];
  kev?: string;
  epss?: string;
  vex: string[];
  failOn: string;
  format: string;
  output?: string;
  maxSize?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `vigie vuln scan`: one SBOM (or npm project) against OSV files, with KEV and EPSS; no store. */
export function registerVulnScan(vuln: Command, ctx: CommandContext): void {
  vuln
    .command('scan <target>')
    .description('match an SBOM file or npm project folder against OSV advisories (exit 0 clean, 1 findings at or above --fail-on, 2 bad input)')
    .option('--osv <path>', 'OSV advisories: a JSON/YAML file, a folder, or an osv.dev <Ecosystem>/all.zip (repeatable)', collect, [])
    .option('--kev <file>', 'CISA Known Exploited Vulnerabilities catalogue (JSON)')
    .option('--epss <file>', 'FIRST EPSS scores (CSV or CSV.gz)')
    .option('--vex <file>', 'VEX document to apply (repeatable)', collect, [])
    .option('--fail-on <level>', `exit 1 when a finding is at or above: ${FAIL_ON.join(', ')}`, 'low')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .option('--max-size <size>', 'largest SBOM accepted (e.g. 300MB)')
    .action(async (target: string, opts: ScanOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format: "${opts.format}" is not one of ${FORMATS.join(', ')}`);
      if (NOT_YET.has(opts.format)) throw new UsageError(`--format ${opts.format}: VEX output is not available in this version yet (use table, json or sarif)`);
      if (!(FAIL_ON as readonly string[]).includes(opts.failOn)) throw new UsageError(`--fail-on: "${opts.failOn}" is not one of ${FAIL_ON.join(', ')}`);
      if (opts.vex.length > 0) throw new UsageError('--vex: applying VEX documents is not available in this version yet');
      if (opts.osv.length === 0) {
        throw new UsageError('--osv <path> is required: scanning against the stored vulnerability database is not available in this version yet');
      }
      const sbom = await readTarget(target, ctx, opts.maxSize);
      const cwd = ctx.io.cwd;
      const [osv, kev, epss] = await Promise.all([
        loadOsvFiles(opts.osv, { cwd, onProgress: (n) => ctx.io.stderr(`reading advisories: ${n}\r`), progressEvery: 5000 }),
        opts.kev ? loadKevFile(resolvePath(cwd, opts.kev)) : undefined,
        opts.epss ? loadEpssFile(resolvePath(cwd, opts.epss)) : undefined,
      ]).catch((err: unknown) => {
        if (isServiceError(err)) throw new UsageError(err.message);
        throw err;
      });
      ctx.io.stderr(
        `advisories: ${osv.accepted} read from ${opts.osv.join(', ')}` +
          (osv.invalid.length > 0 ? `, ${osv.invalid.length} invalid and skipped (first: ${osv.invalid[0]!.where}: ${osv.invalid[0]!.reason})` : '') +
          '\n',
      );
      const scan = scanSbom(sbom, osv.index, { ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) });
      const threshold = opts.failOn as FailOn;
      const failing = scan.findings.filter((f) => failsGate(f, threshold)).length;
      let text: string;
      if (opts.format === 'json') {
        const database = { ...scan.summary.database, read: osv.read, invalid: osv.invalid, tolerated: osv.tolerated };
        text = JSON.stringify({ ...scan, summary: { ...scan.summary, failOn: threshold, failing, database } }, null, 2);
      } else if (opts.format === 'sarif') text = renderVulnerabilitySarif(scan, { artifactUri: artifactUri(target, cwd) });
      else text = renderVulnerabilityTable(scan) + (failing > 0 ? `${failing} finding(s) at or above --fail-on ${threshold}.\n` : '');
      await writeOutput(ctx, text, opts.output);
      ctx.setExit(failing > 0 ? EXIT.findings : EXIT.ok);
    });
}
