/**
 * The bulky part of a stored validation run (its blockers and resolved usages, ADR 21), read on a
 * worker thread and held there while its blockers are asked for a page at a time (ADR 63), and the
 * licences it resolved for the usages of a page of the release's BOM table. A
 * 100k-usage run is ~6 MB of gzip and ~100 MB of JSON: decompressed and parsed on the thread that
 * serves requests, it stopped the server (/health included) for ~2 s at each read. The worker
 * holds one run, the last one asked for, and is ended after a few idle minutes, which frees the
 * hundreds of megabytes its parse takes; the next read starts it again.
 */
import { Worker } from 'node:worker_threads';

/** Per step (in the run's order) how many blockers it has; how many usages the run resolved. */
export interface HeldRunCounts {
  blockers: number[];
  usages: number;
  /** The places the blockers' generalisations name (RunDetails.places), when stored. */
  places: unknown;
  /** Per step (in the run's order), how many blockers of each kind it has. */
  kinds: Record<string, number>[];
}

/** How long the worker lives after the last question. */
const IDLE_MS = 5 * 60_000;

/** Plain JavaScript (evaluated: the same under tsx and in the built package), no imports of ours. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { gunzipSync } = require('node:zlib');
let held = null;
const answer = (id, value, error) => parentPort.postMessage({ id, value, error });
parentPort.on('message', (m) => {
  try {
    if (m.kind === 'load') {
      held = null;
      const details = JSON.parse(gunzipSync(m.gzip).toString('utf8'));
      if (!details || !Array.isArray(details.blockers) || !Array.isArray(details.usages))
        throw new Error('the stored details of the run are not lists of blockers and usages');
      // Of the usages, only each one's resolved licence is asked for (the BOM table): kept by usage
      // id as [effective, expression], the rest let go.
      const usages = details.usages.length;
      const licences = new Map();
      for (const u of details.usages) licences.set(u.usageId, [u.effective ?? null, u.expression ?? null]);
      details.usages = null;
      held = { key: m.key, details, licences };
      const kinds = details.blockers.map((list) => {
        const counts = {};
        for (const b of list) counts[b.kind] = (counts[b.kind] || 0) + 1;
        return counts;
      });
      answer(m.id, { blockers: details.blockers.map((b) => b.length), usages, places: details.places ?? null, kinds }, null);
    } else if (m.kind === 'page') {
      if (!held || held.key !== m.key) return answer(m.id, null, 'gone');
      const all = held.details.blockers[m.step] || [];
      const list = m.kinds ? all.filter((b) => m.kinds.includes(b.kind)) : all;
      answer(m.id, { items: list.slice(m.offset, m.offset + m.limit), total: list.length }, null);
    } else if (m.kind === 'licences') {
      if (!held || held.key !== m.key) return answer(m.id, null, 'gone');
      answer(m.id, m.ids.map((id) => held.licences.get(id) ?? null), null);
    }
  } catch (e) {
    answer(m.id, null, String((e && e.message) || e));
  }
});
`;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A question about a run the worker no longer holds (ended or restarted since it loaded the run). */
class GoneError extends Error {}

class RunDetailsWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private idle: NodeJS.Timeout | null = null;
  /** The run the worker holds (or is loading), with its counts. */
  private loaded: { key: string; counts: Promise<HeldRunCounts> } | null = null;

  /** The run's counts, its details loaded into the worker unless they are there already. */
  counts(key: string, gzip: Uint8Array): Promise<HeldRunCounts> {
    if (this.loaded?.key === key) {
      this.touch();
      return this.loaded.counts;
    }
    // A copy handed over to the worker: the caller's bytes (a view of the store's row) stay usable.
    const copy = Uint8Array.from(gzip);
    const counts = this.ask({ kind: 'load', key, gzip: copy }, [copy.buffer]) as Promise<HeldRunCounts>;
    const loaded = { key, counts };
    this.loaded = loaded;
    counts.catch(() => {
      if (this.loaded === loaded) this.loaded = null;
    });
    return counts;
  }

  /**
   * Stored blockers offset..offset+limit of the step at `step` (its index in the run), of the kinds
   * given (null: all), and how many of those the step has.
   */
  page(
    key: string,
    gzip: Uint8Array,
    step: number,
    page: { offset: number; limit: number; kinds: readonly string[] | null },
  ): Promise<{ items: unknown[]; total: number }> {
    return this.askHeld(key, gzip, { kind: 'page', key, step, ...page });
  }

  /** The licence the run resolved for each usage id, as [effective, expression]; null for a usage it did not resolve. */
  licences(key: string, gzip: Uint8Array, ids: readonly number[]): Promise<([string | null, string | null] | null)[]> {
    return this.askHeld(key, gzip, { kind: 'licences', key, ids });
  }

  /** A question about the run `key`, loaded first unless the worker holds it already. */
  private async askHeld<T>(key: string, gzip: Uint8Array, question: Record<string, unknown>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // The question goes right after the load it needs (the worker answers in order), so that no
      // other run's load comes between them.
      const loaded = this.counts(key, gzip);
      const answer = this.ask(question) as Promise<T>;
      // Awaited below, unless the load failed first: then it must not go unhandled.
      answer.catch(() => undefined);
      await loaded;
      try {
        return await answer;
      } catch (error) {
        // The worker was ended or restarted in between: load the run again, a few times at most.
        if (!(error instanceof GoneError) || attempt === 3) throw error;
      }
    }
  }

  private ask(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const worker = this.start();
    const id = this.next++;
    this.touch();
    // Waited for, the worker keeps the process alive; held, it does not.
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (m: { id: number; value: unknown; error: string | null }) => {
      const waiting = this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.error === null) waiting.resolve(m.value);
      else waiting.reject(m.error === 'gone' ? new GoneError(m.error) : new Error(m.error));
    });
    const ended = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.loaded = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', ended);
    worker.on('exit', () => ended(new Error('the worker reading validation details ended')));
    // Held details never keep a process alive (unref after the listeners: adding one refs it again).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private touch(): void {
    if (this.idle) this.idle.refresh();
    else {
      this.idle = setTimeout(() => this.stop(), IDLE_MS);
      this.idle.unref();
    }
  }

  private stop(): void {
    this.idle = null;
    if (this.pending.size > 0) return this.touch();
    const worker = this.worker;
    this.worker = null;
    this.loaded = null;
    void worker?.terminate();
  }
}

/** One worker per process: it holds one run at a time, whichever store it came from. */
export const heldRunDetails = new RunDetailsWorker();

/** Each store's number in the worker's keys: run ids are a store's own. */
const storeTokens = new WeakMap<object, number>();
let lastToken = 0;

/** The worker's key of a store's run. */
export function heldRunKey(store: object, runId: number): string {
  let token = storeTokens.get(store);
  if (token === undefined) storeTokens.set(store, (token = ++lastToken));
  return `${token}:${runId}`;
}
