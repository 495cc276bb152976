/**
 * `vigie vuln db import|update|status`: loads OSV records (files, folders, osv.dev zip archives),
 * the CISA KEV catalogue and EPSS scores into the store. Every OSV record is checked against the
 * OSV schema; an invalid one is skipped and counted with its reason (an input with nothing valid is
 * refused, its transaction leaving nothing behind).
 * A record whose `modified` is not newer than the stored one is skipped. Each input is imported
 * in one transaction (a broken archive leaves the database as it was), streamed in batches.
 */
import { InputError } from '../io/input-error.js';
import { downloadToTemp, removeDownload } from '../io/http-download.js';
import { readOsvSources, type OsvSourceItem } from '../io/osv-files.js';
import type { Store, StoredVulnRecord, VulnSourceStatus } from '../store/index.js';
import { parseKev } from '../vulns/severity/index.js';
import { baseEcosystem, osvIndexEntry, vulnDocumentKind } from '../vulns/db/vuln-document.js';
import { euvdEntries, type EuvdEntry } from '../vulns/db/euvd.js';
import { ServiceError, serviceErrorOfInput } from './service-error.js';
import { checkOsvRecord, loadEpssFile, noValidRecord } from './vulnerability-sources.js';

const BATCH = 500;
const MAX_EXAMPLES = 10;

export interface VulnImportProgress {
  origin: string;
  read: number;
  imported: number;
}

export interface VulnImportOptions {
  /** ISO time of the import (the pure layers never read the clock; services take it from the caller). */
  now: string;
  onProgress?: (p: VulnImportProgress) => void;
  /** Name under which the input is recorded (a URL for `update`); defaults to the path. */
  origin?: string;
}

export interface InvalidReason {
  reason: string;
  count: number;
  examples: string[];
}

export interface VulnSourceReport {
  origin: string;
  kind: VulnSourceStatus['kind'];
  /** Documents (OSV records, KEV entries, EPSS rows) read. */
  read: number;
  imported: number;
  /** OSV records skipped because the stored copy is as new or newer. */
  notNewer: number;
  invalid: number;
  invalidReasons: InvalidReason[];
  /** Harmless deviations repaired before validation (e.g. RustSec's `schema_version: null`). */
  repaired: Record<string, number>;
  /** OSV records imported per base ecosystem. */
  ecosystems: Record<string, number>;
  dataDate: string | null;
}

class Tally {
  readonly reasons = new Map<string, InvalidReason>();
  invalid = 0;
  add(reason: string, example: string): void {
    this.invalid++;
    const r = this.reasons.get(reason) ?? { reason, count: 0, examples: [] };
    r.count++;
    if (r.examples.length < MAX_EXAMPLES) r.examples.push(example);
    this.reasons.set(reason, r);
  }
  list(): InvalidReason[] {
    return [...this.reasons.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }
}

/** Imports every path in turn; each path is one transaction and one report. */
export async function importVulnDatabase(
  store: Store,
  paths: string[],
  options: VulnImportOptions,
): Promise<VulnSourceReport[]> {
  const reports: VulnSourceReport[] = [];
  for (const path of paths) reports.push(await importOne(store, path, options));
  return reports;
}

async function importOne(store: Store, path: string, options: VulnImportOptions): Promise<VulnSourceReport> {
  const origin = options.origin ?? path;
  if (/\.(csv|csv\.gz)$/i.test(path)) return importEpss(store, path, origin, options.now);
  const items = readOsvSources([path], process.cwd());
  // A single JSON file may be the KEV catalogue rather than OSV: look at the first document.
  const first = await guard(() => items.next());
  if (first.done) return importOsv(store, items, origin, options);
  const head = first.value;
  if ('value' in head && /\.(json|ya?ml)$/i.test(path)) {
    const kind = vulnDocumentKind(head.value);
    if (kind === 'kev') return importKev(store, head.value, origin, options.now);
    if (kind === 'euvd') return importEuvd(store, head.value, items, origin, options.now);
    if (kind === 'unknown')
      throw new ServiceError(
        'unsupported-format',
        `${path} is neither an OSV record, a list of them, a CISA KEV catalogue, EUVD records nor an EPSS CSV`,
      );
  }
  return importOsv(
    store,
    (async function* () {
      yield head;
      yield* items;
    })(),
    origin,
    options,
  );
}

async function importOsv(
  store: Store,
  docs: AsyncGenerator<OsvSourceItem>,
  origin: string,
  options: VulnImportOptions,
): Promise<VulnSourceReport> {
  const tally = new Tally();
  const report: VulnSourceReport = {
    origin,
    kind: 'osv',
    read: 0,
    imported: 0,
    notNewer: 0,
    invalid: 0,
    invalidReasons: [],
    repaired: {},
    ecosystems: {},
    dataDate: null,
  };
  await guard(() =>
    store.transaction(async (tx) => {
      let batch: StoredVulnRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        // Several copies of one id in the same input: the newest wins.
        const byId = new Map<string, StoredVulnRecord>();
        for (const r of batch) if (!byId.has(r.id) || newer(r.modified, byId.get(r.id)!.modified)) byId.set(r.id, r);
        const stored = await tx.vulnRecordsModified([...byId.keys()]);
        const fresh = [...byId.values()].filter((r) => {
          const have = stored.get(r.id);
          if (have !== undefined && !newer(r.modified, have)) {
            report.notNewer++;
            return false;
          }
          return true;
        });
        await tx.putVulnRecords(fresh, options.now);
        for (const r of fresh) {
          report.imported++;
          for (const e of new Set(r.packages.map((p) => baseEcosystem(p.ecosystem))))
            report.ecosystems[e] = (report.ecosystems[e] ?? 0) + 1;
        }
        batch = [];
        options.onProgress?.({ origin, read: report.read, imported: report.imported });
      };
      for await (const doc of docs) {
        report.read++;
        if ('problem' in doc) {
          tally.add(doc.problem, doc.where);
          continue;
        }
        const checked = checkOsvRecord(doc.value, report.repaired);
        if ('reason' in checked) {
          tally.add(checked.reason.replace(/ \(\+\d+ more\)$/, ''), doc.where);
          continue;
        }
        const record = checked.record;
        const entry = osvIndexEntry(record);
        if (report.dataDate === null || newer(entry.modified, report.dataDate)) report.dataDate = entry.modified;
        batch.push({ ...entry, source: 'osv', json: JSON.stringify(record) });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      report.invalid = tally.invalid;
      report.invalidReasons = tally.list();
      // Nothing but invalid documents: the input is broken; the transaction leaves no source behind.
      if (report.read > 0 && report.invalid === report.read)
        throw noValidRecord(
          origin,
          report.invalidReasons.flatMap((r) =>
            Array.from({ length: r.count }, () => ({ where: r.examples[0] ?? origin, reason: r.reason })),
          ),
        );
      await tx.recordVulnSource({
        name: `osv:${origin}`,
        kind: 'osv',
        origin,
        loadedAt: options.now,
        dataDate: report.dataDate,
        // What this input now has in the database: the records written and those already as new.
        records: report.imported + report.notNewer,
        details: {
          read: report.read,
          imported: report.imported,
          notNewer: report.notNewer,
          invalid: report.invalid,
          invalidReasons: report.invalidReasons,
          repaired: report.repaired,
          ecosystems: report.ecosystems,
        },
      });
    }),
  );
  return report;
}

/**
 * EUVD records (one, a list, or a search page): each EUVD id joins the alias group of the ids it
 * lists, so `vigie vuln affected EUVD-…` and a triage recorded under an EUVD id reach the findings
 * of its CVE. One transaction; records that are not EUVD records are counted with the reason.
 */
async function importEuvd(
  store: Store,
  first: unknown,
  rest: AsyncGenerator<OsvSourceItem>,
  origin: string,
  now: string,
): Promise<VulnSourceReport> {
  const tally = new Tally();
  const entries: EuvdEntry[] = [];
  const take = (value: unknown, where: string) => {
    const read = euvdEntries(value);
    entries.push(...read.entries);
    for (const p of read.problems) tally.add(p.reason, `${where}${p.where}`);
  };
  take(first, origin);
  for await (const item of rest) {
    if ('problem' in item) tally.add(item.problem, item.where);
    else take(item.value, item.where);
  }
  const dataDate = entries.reduce<string | null>(
    (d, e) => (e.updated && (d === null || e.updated > d) ? e.updated : d),
    null,
  );
  const exploited = entries.filter((e) => e.exploitedSince !== null);
  await guard(() =>
    store.transaction(async (tx) => {
      await tx.linkVulnAliases(entries.map((e) => [e.id, ...e.aliases]));
      await tx.recordVulnSource({
        name: `euvd:${origin}`,
        kind: 'euvd',
        origin,
        loadedAt: now,
        dataDate,
        records: entries.length,
        details: {
          linked: entries.filter((e) => e.aliases.length > 0).length,
          exploited: exploited.length,
          exploitedIds: exploited.slice(0, 1000).map((e) => e.id),
          invalid: tally.invalid,
          invalidReasons: tally.list(),
        },
      });
    }),
  );
  return {
    origin,
    kind: 'euvd',
    read: entries.length + tally.invalid,
    imported: entries.length,
    notNewer: 0,
    invalid: tally.invalid,
    invalidReasons: tally.list(),
    repaired: {},
    ecosystems: {},
    dataDate,
  };
}

async function importKev(store: Store, value: unknown, origin: string, now: string): Promise<VulnSourceReport> {
  const kev = parseKev(value);
  if ('error' in kev) throw new ServiceError('unsupported-format', `${origin}: ${kev.error}`);
  const entries = [...kev.entries.values()].map((e) => ({
    cveId: e.cve,
    dateAdded: e.dateAdded,
    dueDate: e.dueDate || null,
    ransomware: e.knownRansomwareCampaignUse ? 'Known' : 'Unknown',
    json: JSON.stringify(e),
  }));
  const problems = kev.problems.map((p) => ({
    where: p.split(':')[0]!,
    reason: p.replace(/^vulnerabilities\[\d+\]( \([^)]*\))?: /, ''),
  }));
  return replaceSnapshot(
    store,
    {
      kind: 'kev',
      origin,
      now,
      dataDate: kev.dateReleased ?? null,
      count: entries.length,
      problems,
      facts: { catalogVersion: kev.catalogVersion ?? null },
    },
    (tx) => tx.replaceKev(entries),
  );
}

async function importEpss(store: Store, path: string, origin: string, now: string): Promise<VulnSourceReport> {
  const epss = await loadEpssFile(path);
  if (epss.scores.size === 0) throw new ServiceError('unsupported-format', `${path}: no EPSS score read`);
  const scores = [...epss.scores.entries()].map(([cveId, s]) => ({ cveId, epss: s.epss, percentile: s.percentile }));
  const problems = epss.problems.map((p) => ({ where: p.split(':')[0]!, reason: p.replace(/^line \d+: /, '') }));
  return replaceSnapshot(
    store,
    {
      kind: 'epss',
      origin,
      now,
      dataDate: epss.scoreDate ?? null,
      count: scores.length,
      problems,
      facts: { modelVersion: epss.modelVersion ?? null },
    },
    (tx) => tx.replaceEpss(scores),
  );
}

/** KEV and EPSS are published as whole snapshots: the stored one is replaced in one transaction. */
async function replaceSnapshot(
  store: Store,
  s: {
    kind: 'kev' | 'epss';
    origin: string;
    now: string;
    dataDate: string | null;
    count: number;
    problems: { where: string; reason: string }[];
    facts: Record<string, unknown>;
  },
  replace: (tx: Store) => Promise<void>,
): Promise<VulnSourceReport> {
  const tally = new Tally();
  for (const p of s.problems) tally.add(p.reason, p.where);
  await store.transaction(async (tx) => {
    await replace(tx);
    await tx.recordVulnSource({
      name: s.kind,
      kind: s.kind,
      origin: s.origin,
      loadedAt: s.now,
      dataDate: s.dataDate,
      records: s.count,
      details: { ...s.facts, invalid: tally.invalid, invalidReasons: tally.list() },
    });
  });
  return {
    origin: s.origin,
    kind: s.kind,
    read: s.count + tally.invalid,
    imported: s.count,
    notNewer: 0,
    invalid: tally.invalid,
    invalidReasons: tally.list(),
    repaired: {},
    ecosystems: {},
    dataDate: s.dataDate,
  };
}

function newer(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a > b : ta > tb;
}

/** Input problems (unreadable files, broken archives) become a ServiceError the CLI shows in one line. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InputError) throw serviceErrorOfInput(err);
    if (err instanceof Error && err.name === 'UnreadableDocumentError')
      throw new ServiceError('unreadable-document', err.message);
    throw err;
  }
}

export const DEFAULT_OSV_SOURCE = 'https://osv-vulnerabilities.storage.googleapis.com';
/** Ecosystems updated when none is named and the database holds none yet. */
export const DEFAULT_UPDATE_ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'Maven', 'crates.io', 'NuGet', 'RubyGems', 'Packagist'];
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;

export interface VulnUpdateOptions extends VulnImportOptions {
  /** Base URL serving `<Ecosystem>/all.zip` (default: the public OSV bucket). */
  source?: string;
  ecosystems?: string[];
}

/** Downloads `<source>/<Ecosystem>/all.zip` for each ecosystem and imports it (incrementally). */
export async function updateVulnDatabase(store: Store, options: VulnUpdateOptions): Promise<VulnSourceReport[]> {
  const base = (options.source ?? DEFAULT_OSV_SOURCE).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base))
    throw new ServiceError('invalid-input', `--source must be an http(s) URL, not "${base}"`);
  let ecosystems = options.ecosystems ?? [];
  if (ecosystems.length === 0) ecosystems = (await store.vulnEcosystemCounts()).map((e) => e.ecosystem);
  if (ecosystems.length === 0) ecosystems = DEFAULT_UPDATE_ECOSYSTEMS;
  const reports: VulnSourceReport[] = [];
  for (const ecosystem of ecosystems) {
    const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
    const path = await guard(() => downloadToTemp(url, 'all.zip', MAX_ARCHIVE_BYTES));
    try {
      reports.push(await importOne(store, path, { ...options, origin: url }));
    } finally {
      await removeDownload(path);
    }
  }
  return reports;
}

export interface VulnDatabaseStatus {
  sources: VulnSourceStatus[];
  ecosystems: { ecosystem: string; records: number; withdrawn: number; newestModified: string | null }[];
  kev: number;
  epss: number;
}

export async function vulnDatabaseStatus(store: Store): Promise<VulnDatabaseStatus> {
  const sources = await store.listVulnSources();
  const ecosystems = await store.vulnEcosystemCounts();
  return {
    sources,
    ecosystems,
    kev: sources.find((s) => s.name === 'kev')?.records ?? 0,
    epss: sources.find((s) => s.name === 'epss')?.records ?? 0,
  };
}
