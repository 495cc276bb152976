/**
 * Imports an SBOM document or an npm project into a release, in one store transaction: bad input
 * leaves the release untouched and ends as a ServiceError with a stable code. A refused document is
 * still written to the import history (status failed) so that the attempt is visible.
 */
import { leftOutErrors, type Issue } from '../model/issue.js';
import type { Sbom } from '../model/index.js';
import type { ComponentRecord, Usage, VersionRecord } from '../model/portfolio.js';
import type { Linking, Modification } from '../model/usage-context.js';
import { generateNpmSbom } from '../sbom/generators/npm/index.js';
import { readNpmProject } from '../io/npm-project.js';
import { InputError } from '../io/input-error.js';
import { generateInventory } from './generate-inventory.js';
import type {
  DataConflict,
  DependencyEdge,
  FillPolicy,
  ImportDocument,
  ImportMode,
  ImportRecord,
  NewUsage,
  ReleaseContext,
  ReleaseData,
  Store,
  VersionAiFacts,
} from '../store/index.js';
import { gzipInBackground } from '../store/index.js';
import { distinctAscending, recordsById } from '../model/records-by-id.js';
import { decodeUpload } from './decode-upload.js';
import { refGraph, type RefGraph } from '../sbom/graph.js';
import { planImport, type ImportPlan } from '../compliance/release-plan.js';
import { assertStorable } from './storable-import.js';
import { getRelease } from './portfolio.js';
import { ServiceError, notFound, serviceErrorOfInput } from './service-error.js';
import { prepareValidationRun, recordValidationRun, storeValidationRun, type PreparedRun } from './validation-runs.js';
import { loadSnapshotFacts, snapshotOf } from './release-snapshot.js';
import { createImportTarget, importByName, type CreatedByImport, type ImportTarget } from './import-target.js';
import { prepareScan, scanRelease, storeScan, type PreparedScan } from './release-vulnerabilities.js';
import { importQualityResults, importQualityResultsInSlices } from './import-quality.js';
import type { ProfileResult } from '../cra/profiles/index.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

export interface ImportOptions {
  mode?: ImportMode;
  /** What to do when stored component/version data differs from the document's. */
  policy?: FillPolicy;
  author?: string | null;
  /** Sub-project the document describes; '' (the default) is the release's root project. */
  project?: string;
  /** Scope name for components whose document gives none (default ''). */
  scope?: string;
  /** Linking recorded on new usages (a usage already recorded keeps its own); default not recorded. */
  linking?: Linking | null;
  /** Modification recorded on new usages, likewise. */
  modification?: Modification | null;
  /** Refuse documents larger than this (bytes); default 512 MiB. */
  maxBytes?: number;
  /**
   * Import a document even when reading it left part of it out (wrong JSON types, unusable values):
   * without it such a document is refused and the release stays as it was.
   */
  acceptErrors?: boolean;
  /** Told when the import enters its next phase (a job shows it as progress). */
  onPhase?: (phase: ImportPhase) => Promise<void>;
  /**
   * Runs inside the import's transaction just before it commits: what it writes commits with the
   * import or not at all (a job records there that its import is done, so a retry never redoes it).
   */
  beforeCommit?: (tx: Store, outcome: ImportOutcome) => Promise<void>;
  /**
   * Largest document (components) whose vulnerability scan runs before the import returns; a larger
   * one gets a `rescan` job recorded in the import's transaction instead (ADR 16), so that an HTTP
   * request does not wait for the scan. Default: always before it returns (the CLI, a job).
   */
  scanInlineUpTo?: number;
}

/** The phases of an import, in order. */
export const IMPORT_PHASES = ['decoding', 'writing', 'validating'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface ImportDocumentInput extends ImportOptions {
  /** The document as uploaded (the bytes are kept as the original). */
  content: string | Uint8Array;
  fileName?: string | null;
  mediaType?: string | null;
}

export interface ImportNpmProjectInput extends ImportOptions {
  /** The project folder, or its lockfile. */
  path: string;
}

export interface ImportCounts {
  components: number;
  componentsCreated: number;
  versions: number;
  versionsCreated: number;
  usagesInserted: number;
  usagesRemoved: number;
  [key: string]: number;
}

export interface ImportOutcome {
  import: ImportRecord;
  counts: ImportCounts;
  conflicts: DataConflict[];
  /** Problems found in the document (kept, not fatal). */
  issues: Issue[];
  /** The job that scans the release for vulnerabilities, when the scan was left to one (scanInlineUpTo). */
  scanJobId?: number;
}

/** A decoded document reduced to its plan: the decoded SBOM is not kept through the store writes. */
interface DecodedSource {
  /** Handed to the import's writes once and dropped there: it is not kept through the validation. */
  plan: ImportPlan | null;
  issues: Issue[];
  format: string;
  fileName: string | null;
  mediaType: string | null;
  /** The original being gzip-compressed on the thread pool while the plan is made and written. */
  packed: Promise<Uint8Array>;
  /**
   * Quality results of the document (CRA Annex I Part II (1)), stored with the import: asked for
   * once the import's first writes are under way, and worked out while the writes wait on a
   * database server when there is one (qualityOf).
   */
  quality: () => Promise<ProfileResult[]>;
}

/**
 * The document's quality results, when asked for. SQLite writes on this thread, so they are worked
 * out at once, before the writes (and the decoded document can go then). PostgreSQL writes in its
 * own process while this thread mostly waits for it (a 100k-component import: ~2 s of its versions
 * and usages), so they are worked out in slices in that wait once the writes ask for them: ~0.7 s
 * of main-thread work (profiles and their garbage) that no longer adds to the import's time (issue
 * 13 item 5). An import that fails before asking never works them out.
 */
function qualityOf(store: Store, sbom: Sbom, graph: RefGraph): () => Promise<ProfileResult[]> {
  return store.dialect === 'postgres' ? qualityInSlices(sbom, graph) : qualityDone(importQualityResults(sbom, graph));
}

// Each kind of thunk is made by a function of its own: a closure keeps the whole scope it was made
// in, so one made beside the document would keep the decoded document alive as long as the import.

function qualityDone(results: ProfileResult[]): () => Promise<ProfileResult[]> {
  const done = Promise.resolve(results);
  return () => done;
}

function qualityInSlices(document: Sbom, graph: RefGraph): () => Promise<ProfileResult[]> {
  let pending: [Sbom, RefGraph] | null = [document, graph];
  let started: Promise<ProfileResult[]> | undefined;
  return () => {
    if (!started) {
      started = importQualityResultsInSlices(...pending!);
      // The slices hold the document until they are done; the thunk no longer does.
      pending = null;
      // Awaited inside the import transaction; a failure before that must not go unhandled meanwhile.
      started.catch(() => undefined);
    }
    return started;
  };
}

/**
 * Starts compressing the original document off the main thread (level 1: a JSON SBOM shrinks to
 * about a tenth, at a fraction of what writing the whole text cost; ADR 21).
 */
function packDocument(original: string | Uint8Array): Promise<Uint8Array> {
  // A text is compressed as its UTF-8 bytes (zlib encodes it so); the copy lasts only while it is compressed.
  const packed = gzipInBackground(original, 1);
  // Awaited inside the import transaction; a failure before that must not go unhandled meanwhile.
  packed.catch(() => undefined);
  return packed;
}

export async function importDocument(
  store: Store,
  releaseId: number,
  input: ImportDocumentInput,
): Promise<ImportOutcome> {
  await getRelease(store, releaseId);
  await input.onPhase?.('decoding');
  let decoded: DecodedSource;
  try {
    decoded = await decodeDocument(store, input);
  } catch (err) {
    if (err instanceof ServiceError)
      await recordFailure(store, releaseId, 'unknown', input.fileName ?? null, input, err);
    throw err;
  }
  return importAndValidate(store, releaseId, decoded, input);
}

async function decodeDocument(store: Store, input: ImportDocumentInput): Promise<DecodedSource> {
  const fileName = input.fileName ?? null;
  const read = await decodeUpload(input.content, fileName ?? 'document', input.maxBytes);
  if (!input.acceptErrors) refuseLeftOutContent(read.issues, fileName ?? 'the document');
  await eventLoopTurn();
  return {
    ...(await decodedSbom(store, read.sbom, input)),
    issues: read.issues,
    format: read.format.id,
    fileName,
    mediaType: input.mediaType ?? null,
    packed: packDocument(read.original),
  };
}

/** How many of the errors a refusal names in its message and hands over in its details. */
const ERRORS_NAMED = 20;

/**
 * A document whose reader left part of it out is not imported unless the caller accepts it: a
 * replace import of `"components": "x"` would otherwise swap the release's whole inventory for
 * nothing, and any import would store less than the document says without anyone deciding so
 * (`sbom inspect` and `validate` exit 1 on the same document).
 */
function refuseLeftOutContent(issues: readonly Issue[], fileName: string): void {
  const errors = leftOutErrors(issues);
  if (errors.length === 0) return;
  const first = errors[0]!;
  // The shape checks name the path in their message; other readers give it as the field.
  const where = first.field && !first.message.startsWith(first.field) ? `${first.field}: ` : '';
  throw new ServiceError(
    'content-left-out',
    `${fileName}: ${errors.length} reading error(s) left part of the document out ` +
      `(${where}${first.message}${errors.length > 1 ? '; …' : ''}); ` +
      'nothing was imported: fix the document, or import what could be read (CLI --accept-errors, API acceptErrors=true)',
    { count: errors.length, errors: errors.slice(0, ERRORS_NAMED) },
  );
}

/**
 * The import plan and the quality checks of a decoded SBOM. Each is a long piece of work on a large
 * document (~0.4 s and ~0.2 s for 50k components): the event loop gets a turn after each, so that a
 * server importing over HTTP keeps answering (issue 13 item 6).
 */
async function decodedSbom(
  store: Store,
  sbom: Sbom,
  input: ImportOptions,
): Promise<Pick<DecodedSource, 'plan' | 'quality'>> {
  // The document's refs are numbered once for the plan and the quality checks.
  const graph = refGraph(sbom);
  const plan = planImport(sbom, input.project ?? '', input.scope ?? '', graph);
  await eventLoopTurn();
  const quality = qualityOf(store, sbom, graph);
  await eventLoopTurn();
  return { plan, quality };
}

/** The outcome of an import addressed by names, with what it created. */
export interface NamedImportOutcome extends ImportOutcome {
  created: CreatedByImport;
}

/**
 * An SBOM document into the release named by product and number. With `create`, a missing product
 * and/or release is created in the import's own transaction: a document that cannot be read, or an
 * import that fails, leaves no product or release behind (issue 8 item 16).
 */
export async function importDocumentByName(
  store: Store,
  target: ImportTarget,
  input: ImportDocumentInput,
): Promise<NamedImportOutcome> {
  let decoded: DecodedSource | undefined;
  return importByName(store, target, {
    existing: (releaseId) => importDocument(store, releaseId, input),
    creating: async (resolved) => {
      await input.onPhase?.('decoding');
      // No release to attach a failed attempt to: a refused document is only the caller's error.
      decoded ??= await decodeDocument(store, input);
      return importAndValidate(store, (tx) => createImportTarget(tx, resolved), decoded, input);
    },
  });
}

/** A project folder into the release named by product and number; `create` as for a document. */
export async function importProjectFolderByName(
  store: Store,
  target: ImportTarget,
  input: ImportNpmProjectInput,
): Promise<NamedImportOutcome> {
  let decoded: DecodedSource | undefined;
  return importByName(store, target, {
    existing: (releaseId) => importProjectFolder(store, releaseId, input),
    creating: async (resolved) => {
      decoded ??= await decodeFolder(store, input);
      return importAndValidate(store, (tx) => createImportTarget(tx, resolved), decoded, input);
    },
  });
}

export async function importNpmProject(
  store: Store,
  releaseId: number,
  input: ImportNpmProjectInput,
): Promise<ImportOutcome> {
  await getRelease(store, releaseId);
  let decoded: DecodedSource;
  try {
    const project = await readNpmProject(input.path, { maxBytes: input.maxBytes });
    const { sbom, issues } = generateNpmSbom(project);
    decoded = {
      ...(await decodedSbom(store, sbom, input)),
      issues,
      format: 'npm-project',
      fileName: project.lockfileName,
      mediaType: 'application/json',
      packed: packDocument(JSON.stringify(project.lockfile)),
    };
  } catch (err) {
    if (err instanceof InputError) {
      const error = serviceErrorOfInput(err);
      await recordFailure(store, releaseId, 'npm-project', input.path, input, error);
      throw error;
    }
    throw err;
  }
  return importAndValidate(store, releaseId, decoded, input);
}

/**
 * A project folder (or one lockfile) through the same walk as `vigie sbom generate`: every lockfile
 * under it, merged into one inventory. The texts of the files read are kept, as JSON by path, as the
 * import's original document.
 */
export async function importProjectFolder(
  store: Store,
  releaseId: number,
  input: ImportNpmProjectInput,
): Promise<ImportOutcome> {
  await getRelease(store, releaseId);
  let decoded: DecodedSource;
  try {
    decoded = await decodeFolder(store, input);
  } catch (err) {
    if (err instanceof ServiceError) await recordFailure(store, releaseId, 'lockfile-walk', input.path, input, err);
    throw err;
  }
  return importAndValidate(store, releaseId, decoded, input);
}

async function decodeFolder(store: Store, input: ImportNpmProjectInput): Promise<DecodedSource> {
  const generated = await generateInventory(input.path, { maxBytes: input.maxBytes });
  return {
    ...(await decodedSbom(store, generated.sbom, input)),
    issues: generated.issues,
    format: 'lockfile-walk',
    fileName: generated.files.length === 1 ? generated.files[0]!.path : `${generated.files.length} lockfiles`,
    mediaType: 'application/json',
    packed: packDocument(JSON.stringify(generated.originals)),
  };
}

export async function listImports(store: Store, releaseId: number): Promise<ImportRecord[]> {
  await getRelease(store, releaseId);
  return store.listImports(releaseId);
}

/** The original document of an import, exactly as it was uploaded. */
export async function importDocumentOf(store: Store, importId: number): Promise<ImportDocument> {
  const doc = await store.getImportDocument(importId);
  if (!doc) throw notFound(`document of import ${importId}`);
  return doc;
}

/** The import, then the release's validation run (its usages changed). */
async function importAndValidate(
  store: Store,
  target: ReleaseTarget,
  source: DecodedSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  // A large release's scan is a job committed with the import: the findings always follow the
  // components, and the request that imported does not wait for the matching.
  let scanJobId: number | undefined;
  const deferScan =
    options.scanInlineUpTo !== undefined && (source.plan?.versions.length ?? 0) > options.scanInlineUpTo;
  const written = deferScan
    ? {
        ...options,
        beforeCommit: async (tx: Store, done: ImportOutcome) => {
          await options.beforeCommit?.(tx, done);
          const releaseId = done.import.releaseId;
          const job = await tx.createJob({
            kind: 'rescan',
            releaseId,
            params: { releaseIds: [releaseId], reason: 'import' },
            createdBy: options.author ?? null,
          });
          scanJobId = job.id;
        },
      }
    : options;
  // On PostgreSQL the validation run and the scan are worked out while the import's rows go to the
  // server (ADR 59).
  const { outcome, inventory, besideWrites } = await importWritten(
    store,
    target,
    source,
    written,
    store.dialect === 'postgres' ? validationBesideWrites(store, !deferScan) : undefined,
  );
  const releaseId = outcome.import.releaseId;
  await options.onPhase?.('validating');
  if (besideWrites) {
    const prepared = await besideWrites;
    await storeValidationRun(store, 'import', prepared.run);
    if (prepared.scan) await storeScan(store, releaseId, 'import', new Date().toISOString(), prepared.scan);
    return scanJobId !== undefined ? { ...outcome, scanJobId } : outcome;
  }
  // One read of the release's data serves the validation run and the scan (neither changes what the
  // other reads: the run writes the run and the step reached, the scan its findings). A replace
  // import knows the release's whole inventory from its own writes: only the rest is read (ADR 28).
  const data = await releaseDataAfter(store, releaseId, inventory);
  if (!data) throw notFound(`release ${releaseId}`);
  await recordValidationRun(store, releaseId, 'import', data);
  // Stored findings follow the release's components (issue 11 item 8).
  if (scanJobId !== undefined) return { ...outcome, scanJobId };
  await scanRelease(store, releaseId, 'import', new Date().toISOString(), data);
  return outcome;
}

/**
 * Work done beside an import's last writes (ADR 59). Given the import's transaction before the
 * release's usages are written, it reads through it what it needs; the function it gives back is
 * started once the usages' ids are taken, with the release's inventory as the import will have
 * stored it (asked for once it runs), while the usages, the dependency edges and the original
 * document go to the database server.
 */
type BesideWrites<T> = (tx: Store, releaseId: number) => Promise<(inventory: () => ReleaseInventory) => Promise<T>>;

/** The validation run of the release as the import stores it, and its scan unless a job does it. */
interface PreparedBesideWrites {
  run: PreparedRun;
  scan: PreparedScan | null;
}

/**
 * Reads the release's context and the snapshot's facts through the transaction (a release the
 * import creates exists only there), then works out the run a slice per turn of the event loop, so
 * that the rows being copied to the server are not held up for long, and then the scan, whose
 * vulnerability data come from `store` (another connection: the import writes none of it).
 */
function validationBesideWrites(store: Store, withScan: boolean): BesideWrites<PreparedBesideWrites> {
  return async (tx, releaseId) => {
    const context = await tx.loadReleaseContext(releaseId);
    if (!context) throw notFound(`release ${releaseId}`);
    const facts = await loadSnapshotFacts(tx, releaseId);
    return async (inventory) => {
      // The usages' write starts first.
      await eventLoopTurn();
      const data = releaseDataOf(context, inventory());
      const run = await prepareValidationRun(snapshotOf(data, facts));
      return { run, scan: withScan ? await prepareScan(store, releaseId, data) : null };
    };
  };
}

/** The release's usages, with the versions and components they name, as an import wrote them. */
type ReleaseInventory = Pick<ReleaseData, 'usages' | 'versions' | 'components'>;

async function releaseDataAfter(
  store: Store,
  releaseId: number,
  inventory: ReleaseInventory | null,
): Promise<ReleaseData | null> {
  if (!inventory) return store.loadReleaseData(releaseId);
  const context = await store.loadReleaseContext(releaseId);
  return context && releaseDataOf(context, inventory);
}

function releaseDataOf(context: ReleaseContext, inventory: ReleaseInventory): ReleaseData {
  const { release, product, categories, exploitationRules, decisions, policies } = context;
  return { release, product, categories, ...inventory, exploitationRules, decisions, policies };
}

/**
 * What loadReleaseData would read back after a replace import: the usages written (by id), the
 * versions they name and those versions' components, each list ordered by id.
 */
function inventoryOf(usages: Usage[], versions: VersionRecord[], components: ComponentRecord[]): ReleaseInventory {
  const versionById = recordsById(versions);
  const componentById = recordsById(components);
  const usedVersions = distinctAscending(usages.map((u) => u.versionId)).map((id) => versionById.get(id)!);
  const usedComponents = distinctAscending(usedVersions.map((v) => v.componentId)).map((id) => componentById.get(id)!);
  return { usages, versions: usedVersions, components: usedComponents };
}

/** A release id, or what creates the release inside the import's transaction (an import by name with create). */
type ReleaseTarget = number | ((tx: Store) => Promise<number>);

/**
 * The import's transaction; a replace import also gives back the release's inventory as it wrote
 * it, and what `beside` worked out while its last rows were written (a replace import only).
 */
async function importWritten<T>(
  store: Store,
  target: ReleaseTarget,
  source: DecodedSource,
  options: ImportOptions,
  beside?: BesideWrites<T>,
): Promise<{ outcome: ImportOutcome; inventory: ReleaseInventory | null; besideWrites?: Promise<T> }> {
  const mode = options.mode ?? 'replace';
  const policy = options.policy ?? 'fill-missing';
  const { plan, packed } = source;
  if (!plan) throw new Error('an import plan is written once');
  source.plan = null;
  // Over-long identifiers shortened, lone surrogates repaired: said among the document's issues.
  source.issues.push(...assertStorable(plan));
  await options.onPhase?.('writing');
  await eventLoopTurn();

  return store.transaction(async (tx) => {
    const releaseId = typeof target === 'number' ? target : await target(tx);
    // Two imports into one release wait for each other instead of colliding on its usages.
    await tx.lockRelease(releaseId);
    const record = await tx.createImport({
      releaseId,
      format: source.format,
      fileName: source.fileName,
      mode,
      policy,
      author: options.author ?? null,
    });
    // From here on the writes are the longest waits on a database server (qualityOf).
    const quality = source.quality();
    const components = await tx.upsertComponents(plan.components, policy);
    // SQLite writes on this thread: the event loop gets a turn between the longest writes (other
    // callers' queries wait for the transaction, as they would for a blocked thread, but /health
    // and requests that need no store are answered meanwhile).
    await eventLoopTurn();
    const versions = await tx.upsertVersions(
      plan.versions.map((v) => ({
        componentId: components.records[v.component].id,
        number: v.number,
        purl: v.purl,
        declaredLicense: v.declaredLicense,
        concludedLicense: v.concludedLicense,
        correctedLicense: null,
        copyright: v.copyright,
      })),
      policy,
      components.createdIds,
    );
    await eventLoopTurn();

    const previous = await tx.listUsages(releaseId);
    const kept = new Map(previous.map((u) => [usageKey(u.versionId, u.scope, u.project), u]));
    let usagesRemoved = 0;
    if (mode === 'replace') {
      usagesRemoved = await tx.deleteUsagesOfRelease(releaseId);
      await tx.deleteDependencyEdgesOfRelease(releaseId);
      await tx.deleteLineageEdgesOfRelease(releaseId);
    }

    const defaultModified = options.modification ? options.modification === 'modified' : null;
    // Each planned version has a stored version of its own, but when two identities were shortened
    // alike (assertStorable): two planned versions then share one, and their usages and edges repeat.
    const versionCount = distinctAscending(versions.records.map((v) => v.id)).length;
    const versionsAsPlanned = versionCount === versions.records.length;
    const planned: NewUsage[] = plan.usages.map((u) => {
      const versionId = versions.records[u.version].id;
      // What a person set on a usage survives a re-import of the same version in the same place.
      const previous = kept.size === 0 ? undefined : kept.get(usageKey(versionId, u.scope, u.project));
      return {
        // What a person set wins, then what the document says, then the import's defaults.
        linking: previous?.linking ?? u.linking ?? options.linking ?? null,
        modified: previous?.modified ?? u.modified ?? defaultModified,
        exploitation: previous?.exploitation ?? null,
        chosenLicense: previous?.chosenLicense ?? null,
        status: previous?.status ?? 'auto',
        addedBy: 'import',
        releaseId,
        versionId,
        scope: u.scope,
        project: u.project,
      };
    });
    const usages = versionsAsPlanned ? planned : firstOfEachPlace(planned);
    // AI lineage and facts before the usages: work beside the usages' write reads them (ADR 59).
    await insertNewLineage(tx, releaseId, plan, versions.records, mode);
    await tx.putVersionAiFacts(
      plan.aiFacts.map((a) => ({ ...a, versionId: versions.records[a.version]!.id }) as VersionAiFacts),
    );
    // Merging keeps what a usage already says (choices, exploitation) and only adds the new ones.
    // Replacing writes the release's every usage: their ids come back with the insert, and are
    // known before the rows are written (the work beside the writes starts then).
    let inventory: ReleaseInventory | null = null;
    let besideWrites: Promise<T> | undefined;
    const start = beside && mode === 'replace' ? await beside(tx, releaseId) : undefined;
    const written =
      mode === 'replace'
        ? await tx.insertUsagesReturning(
            usages,
            'fail',
            start &&
              ((records) => {
                besideWrites = start(() => (inventory ??= inventoryOf(records, versions.records, components.records)));
                // Awaited once the transaction is done; a failure before that must not go unhandled meanwhile.
                besideWrites.catch(() => undefined);
              }),
          )
        : null;
    const usagesInserted = written ? written.length : await tx.insertUsages(usages, 'ignore');
    await eventLoopTurn();
    const edgesInserted = await insertNewEdges(
      tx,
      releaseId,
      options.project ?? '',
      plan,
      versions.records,
      mode,
      versionsAsPlanned,
    );
    await eventLoopTurn();

    // The original, kept byte for byte (stored compressed; compressed meanwhile on the thread pool).
    await tx.saveImportDocument({
      importId: record.id,
      fileName: source.fileName,
      mediaType: source.mediaType,
      content: await packed,
      packed: 'gzip',
    });
    await tx.saveImportQuality(record.id, await quality);

    const conflicts = [...components.conflicts, ...versions.conflicts];
    const counts: ImportCounts = {
      components: distinctAscending(components.records.map((c) => c.id)).length,
      componentsCreated: components.created,
      versions: versionCount,
      versionsCreated: versions.created,
      usagesInserted,
      usagesRemoved,
      usagesInDocument: usages.length,
      edgesInserted,
      issues: source.issues.length,
      conflicts: conflicts.length,
    };
    const finished = await tx.updateImport(record.id, {
      status: 'succeeded',
      counts,
      conflicts,
      finishedAt: new Date().toISOString(),
    });
    const outcome: ImportOutcome = { import: finished ?? record, counts, conflicts, issues: source.issues };
    await options.beforeCommit?.(tx, outcome);
    if (written) inventory ??= inventoryOf(written, versions.records, components.records);
    return { outcome, inventory, besideWrites };
  });
}

/** The plan's edges as version ids; a merge adds only the edges the release does not have yet. */
async function insertNewEdges(
  tx: Store,
  releaseId: number,
  project: string,
  plan: ImportPlan,
  versions: VersionRecord[],
  mode: ImportMode,
  /** Every planned version has a stored version of its own. */
  versionsAsPlanned: boolean,
): Promise<number> {
  // Children already linked, by project and parent version (0 for the project's top level): ids,
  // not a key string per edge.
  // A parent has a few children: a short list each, a set once it grows.
  const existing = new Map<string, Map<number, number[] | Set<number>>>();
  const firstTime = (project: string, parent: number | null, child: number): boolean => {
    let ofProject = existing.get(project);
    if (!ofProject) existing.set(project, (ofProject = new Map()));
    const children = ofProject.get(parent ?? 0);
    if (children === undefined) ofProject.set(parent ?? 0, [child]);
    else if (Array.isArray(children)) {
      if (children.includes(child)) return false;
      if (children.length < 16) children.push(child);
      else ofProject.set(parent ?? 0, new Set(children).add(child));
    } else {
      if (children.has(child)) return false;
      children.add(child);
    }
    return true;
  };
  if (mode === 'merge') {
    for (const e of await tx.listDependencyEdges(releaseId)) firstTime(e.project, e.parentVersionId, e.childVersionId);
  }
  // The plan has each edge once (planImport). Replacing, with every planned version stored as a
  // version of its own, its edges are the release's as they are: 300k edges need no search among
  // the ones before.
  const asPlanned = mode === 'replace' && versionsAsPlanned;
  const edgesPerWrite = tx.dialect === 'sqlite' ? EDGES_PER_WRITE : Infinity;
  let edges: DependencyEdge[] = [];
  let inserted = 0;
  for (const e of plan.edges) {
    const parentVersionId = e.parent === null ? null : versions[e.parent].id;
    const childVersionId = versions[e.child].id;
    // The plan names each edge's project (a project's own top-level edges); --project names them all.
    const edgeProject = project || e.project;
    if (!asPlanned && !firstTime(edgeProject, parentVersionId, childVersionId)) continue;
    edges.push({ releaseId, project: edgeProject, parentVersionId, childVersionId });
    if (edges.length === edgesPerWrite) {
      inserted += await tx.insertDependencyEdges(edges);
      edges = [];
    }
  }
  return inserted + (await tx.insertDependencyEdges(edges));
}

/**
 * Edges handed to a SQLite store at a time. Made all at once, a 100k-component document's 300k edges
 * (and the rows the store makes of them) lived through the whole write and were copied by several of
 * V8's young-generation collections into the old one; a part at a time, most are let go young. On
 * PostgreSQL each part would be another COPY, which cost more than the copies saved (~0.4 s more per
 * 100k-component import with the upserts' parts): all go at once there.
 */
const EDGES_PER_WRITE = 20_000;

/** The plan's AI lineage edges as version ids (issue 10); a merge adds only the missing ones. */
async function insertNewLineage(
  tx: Store,
  releaseId: number,
  plan: ImportPlan,
  versions: VersionRecord[],
  mode: ImportMode,
): Promise<number> {
  if (plan.lineage.length === 0) return 0;
  const key = (parent: number | null, child: number, kind: string) => `${parent ?? ''}>${child}>${kind}`;
  const existing = new Set(
    mode === 'merge'
      ? (await tx.listLineageEdges(releaseId)).map((e) => key(e.parentVersionId, e.childVersionId, e.kind))
      : [],
  );
  const edges = [];
  for (const l of plan.lineage) {
    const parentVersionId = l.parent === null ? null : versions[l.parent]!.id;
    const childVersionId = versions[l.child]!.id;
    const k = key(parentVersionId, childVersionId, l.kind);
    if (existing.has(k)) continue;
    existing.add(k);
    edges.push({ releaseId, parentVersionId, childVersionId, kind: l.kind });
  }
  return tx.insertLineageEdges(edges);
}

/** The first usage of each version, scope and project. */
function firstOfEachPlace(usages: NewUsage[]): NewUsage[] {
  const seen = new Set<string>();
  return usages.filter((u) => seen.size < seen.add(usageKey(u.versionId, u.scope, u.project)).size);
}

function usageKey(versionId: number, scope: string, project: string): string {
  return `${versionId}\u0000${scope}\u0000${project}`;
}

async function recordFailure(
  store: Store,
  releaseId: number,
  format: string,
  fileName: string | null,
  options: ImportOptions,
  error: ServiceError,
): Promise<void> {
  const now = new Date().toISOString();
  await store.createImport({
    releaseId,
    format,
    fileName,
    mode: options.mode ?? 'replace',
    policy: options.policy ?? 'fill-missing',
    author: options.author ?? null,
    status: 'failed',
    error: `${error.code}: ${error.message}`,
    startedAt: now,
    finishedAt: now,
  });
}
