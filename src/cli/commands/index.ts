import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** Registers one top-level command (with its subcommands) on the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/**
 * One top-level command: its name and one-line summary (shown by `vigie --help` without loading
 * anything) and how to load the module that registers it. Only the command being run is loaded, so
 * a command's dependencies (fastify, Kysely, ajv, the XML stack…) cost nothing to the others.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<RegisterCommand | RegisterCommand[]>;
}

/**
 * The command table. Adding a command is one line here and one module under commands/ that
 * exports its register function; keep the summary in step with the module's description.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'sbom',
    summary: 'read, check, convert, generate and compare SBOMs (CycloneDX, SPDX 2/3, ORT, KISSBOM)',
    load: () => import('./sbom.js').then((m) => m.registerSbom),
  },
  {
    name: 'license',
    summary: 'SPDX licence expressions and the licence knowledge base',
    load: () =>
      Promise.all([
        import('./license.js').then((m) => m.registerLicense),
        import('./license-kb.js').then((m) => m.registerLicenseKb),
      ]),
  },
  {
    name: 'kb',
    summary: 'the licence knowledge base: import and export (Hermine format)',
    load: () => import('./kb.js').then((m) => m.registerKb),
  },
  {
    name: 'serve',
    summary: 'start the REST API (and the web UI when built) on the store',
    load: () => import('./serve.js').then((m) => m.registerServe),
  },
  {
    name: 'token',
    summary: 'API tokens for `vigie serve` (stored hashed, with a role and an expiry)',
    load: () => import('./token.js').then((m) => m.registerToken),
  },
  {
    name: 'ai',
    summary: 'AI Act documents of a model from its ML-BOM: training-content summary, Annex XII information',
    load: () => import('./ai.js').then((m) => m.registerAi),
  },
  {
    name: 'check',
    summary:
      'validate an SBOM file or a project folder (any lockfile Vigie reads) against a policy file, the built-in default one unless --policy is given (exit 0 compliant, 1 violations, 2 bad input)',
    load: () => import('./check.js').then((m) => m.registerCheck),
  },
  {
    name: 'vuln',
    summary: 'known vulnerabilities: scan SBOMs against OSV advisories, KEV and EPSS',
    load: () =>
      Promise.all([
        import('./vuln.js').then((m) => m.registerVuln),
        import('./vuln-db.js').then((m) => m.registerVulnDb),
      ]),
  },
  {
    name: 'cra',
    summary: 'EU Cyber Resilience Act: product records, Annex I matrix, Art. 14 reporting clocks and cases',
    load: () => import('./cra.js').then((m) => m.registerCra),
  },
  // Stateful commands: the portfolio in the store (--db).
  {
    name: 'product',
    summary: 'products of the portfolio (stored; see --db)',
    load: () => import('./product.js').then((m) => m.registerProduct),
  },
  {
    name: 'category',
    summary: 'product categories (stored; see --db)',
    load: () => import('./category.js').then((m) => m.registerCategory),
  },
  {
    name: 'release',
    summary: 'releases of a product (stored; see --db)',
    load: () => import('./release.js').then((m) => m.registerRelease),
  },
  {
    name: 'import',
    summary: 'import an SBOM (any format Vigie reads) or a project folder (its lockfiles) into a release',
    load: () => import('./import.js').then((m) => m.registerImport),
  },
  {
    name: 'usage',
    summary: 'usages of a release: record linking, modification, status, description',
    load: () => import('./usage.js').then((m) => m.registerUsage),
  },
  {
    name: 'exploitation',
    summary: 'exploitation rules of a release: (scope?, project?) → exploitation',
    load: () => import('./exploitation.js').then((m) => m.registerExploitation),
  },
  {
    name: 'decision',
    summary: 'reusable decisions: curations, AND confirmations, licence choices, derogations, authorised contexts',
    load: () => import('./decision.js').then((m) => m.registerDecision),
  },
  {
    name: 'policy',
    summary: 'the licence policy of the organisation (stored; see --db)',
    load: () => import('./policy.js').then((m) => m.registerPolicy),
  },
  {
    name: 'validate',
    summary: 'run the six validation steps on a release (exit 0 at step 6, 1 otherwise)',
    load: () => import('./validate.js').then((m) => m.registerValidate),
  },
  {
    name: 'obligations',
    summary: 'obligations grouped by compliance action, with the usages that trigger them',
    load: () => import('./obligations.js').then((m) => m.registerObligations),
  },
  {
    name: 'notice',
    summary: 'the NOTICE / attribution file of a release',
    load: () => import('./notice.js').then((m) => m.registerNotice),
  },
  {
    name: 'vex',
    summary: 'triage memory and VEX documents: import, set, list, export (CycloneDX VEX, OpenVEX, CSAF)',
    load: () => import('./vex.js').then((m) => m.registerVex),
  },
  {
    name: 'evidence',
    summary: 'the append-only, hash-chained evidence log: verify, list, export (stored; see --db)',
    load: () => import('./evidence.js').then((m) => m.registerEvidence),
  },
  {
    name: 'worker',
    summary: 'run the jobs recorded in the store (imports, re-validations) until stopped',
    load: () => import('./worker.js').then((m) => m.registerWorker),
  },
  {
    name: 'job',
    summary: 'jobs recorded in the store (run by vigie worker): show, follow, list, cancel, retry',
    load: () => import('./job.js').then((m) => m.registerJob),
  },
  {
    name: 'query',
    summary: 'portfolio queries (stored; see --db)',
    load: () => import('./query.js').then((m) => m.registerQuery),
  },
];
