/**
 * A validation run is stored in two parts (ADR 21): the summary (steps with their counts and notes,
 * the step reached) and the bulky part (every blocker and every resolved usage). Most reads need
 * only the summary — the step reached, which steps pass, the counts — so the bulky part is parsed
 * the first time something reads a step's `blockers` or the report's `usages`, not before. The
 * report a reader gets has the same keys, in the same order, with the same values as the engine's.
 */
import {
  curationGeneralisationsOf,
  usageGeneralisationsOf,
  type Blocker,
  type GeneralisationPlaces,
  type ReleaseValidation as EngineValidation,
} from '../compliance/index.js';
import type { ValidationRun } from '../store/index.js';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { parseJsonInSlices } from '../text/json-in-slices.js';
import { eventLoopTurn } from '../io/event-loop-turn.js';

/**
 * The bulky part of a run: the blockers of each step (in step order) and the resolved usages.
 * `places` (runs stored since ADR 42): the release, product and categories the blockers'
 * generalisations name; a blocker validated in named mode carries its recipe's name instead of
 * the list, rebuilt from its own fields and these places when read.
 */
export interface RunDetails {
  blockers: StoredBlocker[][];
  usages: EngineValidation['usages'];
  places?: GeneralisationPlaces;
}

/** A blocker as stored: its generalisations, or the name of the recipe that rebuilds them. */
type StoredBlocker =
  Blocker | (Omit<Blocker, 'fix'> & { fix: Omit<Blocker['fix'], 'generalisations'> & { generalisations: string } });

/**
 * The report without its bulky part: `blockers` and `usages` are kept as null so that key order
 * survives. The blockers are stored as the engine gave them: named by recipe when it validated in
 * named mode (recordValidationRun), with their lists otherwise.
 */
export function splitReport(
  report: EngineValidation,
  places: GeneralisationPlaces,
): { summary: unknown; details: RunDetails } {
  const summary = {
    ...report,
    steps: report.steps.map((s) => ({ ...s, blockers: null })),
    usages: null,
  };
  return { summary, details: { blockers: report.steps.map((s) => s.blockers), usages: report.usages, places } };
}

/** The blocker as the engine gave it: a recipe's name becomes its generalisations again. */
function rebuilt(b: StoredBlocker, places: GeneralisationPlaces | undefined): Blocker {
  const recipe = b.fix?.generalisations;
  if (typeof recipe !== 'string' || (recipe === 'usage' && !places)) return b as Blocker;
  const key = b.componentKey ?? '';
  const version = b.version ?? '';
  const label = b.component ?? '';
  const generalisations =
    recipe === 'curation'
      ? curationGeneralisationsOf(key, version, label)
      : usageGeneralisationsOf(key, version, label, places as GeneralisationPlaces);
  // The engine shares one frozen fix among the blockers of a licence or expression named by recipe:
  // the reader gets lists of its own.
  return { ...b, fix: { ...b.fix, suggestions: [...b.fix.suggestions], generalisations } };
}

/**
 * Stored blockers as the engine gave them, `places` as their run stored them (RunDetails.places):
 * a page of a large run's blockers has its generalisations rebuilt, not the whole run's.
 */
export function rebuiltBlockers(stored: readonly unknown[], places: unknown): Blocker[] {
  return (stored as StoredBlocker[]).map((b) => rebuilt(b, (places ?? undefined) as GeneralisationPlaces | undefined));
}

/**
 * The report a run was stored from, for the caller that stored it: the stored parts themselves,
 * with each step's blockers (generalisations rebuilt) and the usages given on first read.
 */
export function reportOfParts(parts: { summary: unknown; details: RunDetails | (() => RunDetails) }): EngineValidation {
  const summary = parts.summary as EngineValidation;
  const copy = { ...summary, steps: summary.steps.map((s) => ({ ...s })) };
  const { details } = parts;
  return joinReport(copy, typeof details === 'function' ? details : () => details);
}

/** The report again from its summary, the bulky part read through `details()` on first use. */
export function joinReport(summary: unknown, details: () => unknown): EngineValidation {
  const report = summary as EngineValidation;
  let parsed: RunDetails | undefined;
  const read = (): RunDetails => (parsed ??= details() as RunDetails);
  report.steps.forEach((step, i) =>
    lazyProperty(step, 'blockers', () => {
      const { blockers, places } = read();
      return (blockers[i] ?? []).map((b) => rebuilt(b, places));
    }),
  );
  lazyProperty(report, 'usages', () => read().usages);
  return report;
}

/** Turns an existing key into one computed on first read (then a plain value, writable as before). */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set(value: T[K]) {
      settle(value);
    },
  });
}

/** A stored run's report: whole (runs stored before ADR 21), or its summary with the bulky part read on first use. */
export function reportOfRun(stored: Pick<ValidationRun, 'report' | 'details'>): EngineValidation {
  return stored.details === null ? (stored.report as EngineValidation) : joinReport(stored.report, stored.details);
}

/**
 * reportOfRun for a caller that reads the bulky part anyway (an output renders every usage and
 * blocker): decompressed on libuv's thread pool and decoded a piece at a time as the pieces come
 * (gunzipText), then parsed here a slice of ~2 MB at a time with a turn of the event loop between
 * slices (parseJsonInSlices; in one call, ~0.3–0.4 s on a 50k-usage run). A 100k-usage run is
 * 6 MB of gzip and 99 MB of JSON: decompressing and decoding it in one piece on this thread took
 * ~1.7 s, then the parse and the blockers' rebuild (issue 13 item 6).
 */
export async function reportOfRunRead(
  stored: Pick<ValidationRun, 'report' | 'details' | 'detailsGzip'>,
): Promise<EngineValidation> {
  if (stored.details === null || !stored.detailsGzip) return reportOfRun(stored);
  const text = await gunzipText(stored.detailsGzip);
  await eventLoopTurn();
  const details = (await parseJsonInSlices(text, eventLoopTurn)) as RunDetails;
  await eventLoopTurn();
  return joinReport(stored.report, () => details);
}

/**
 * Gzip-compressed UTF-8 text, decompressed on the thread pool and decoded a piece (1 MiB) at a time
 * as each comes back, between other callbacks; the pieces are joined once at the end. Not one
 * buffer of the whole text gathered and decoded in one piece on this thread.
 */
export function gunzipText(gzip: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    gunzip.on('data', (piece: Buffer) => parts.push(decoder.write(piece)));
    gunzip.on('end', () => {
      parts.push(decoder.end());
      resolve(parts.join(''));
    });
    gunzip.on('error', reject);
    gunzip.end(gzip);
  });
}
