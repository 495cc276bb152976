/**
 * SQLite checkpoints on a thread of their own (ADR 60). In WAL mode a commit appends pages to the
 * write-ahead log, and SQLite copies them into the database file (a checkpoint) on the connection
 * whose commit makes the log pass 1,000 pages: a 100k-component import's commit spent ~0.3 s
 * copying 67 MB, on the thread that serves every request. Here the store's connection never
 * checkpoints by itself below a large safety limit; after a transaction that left the log past a
 * few megabytes, a worker thread with its own connection checkpoints it (PASSIVE: it never waits
 * for readers or writers) while this thread goes on. The worker starts on the first checkpoint a
 * process needs: a short command that writes little never starts it.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** Log size after a transaction from which the worker checkpoints (SQLite's own default: 1,000 pages of 4 KiB). */
const CHECKPOINT_BYTES = 4 * 1024 * 1024;
/**
 * Log size past which the connection checkpoints by itself, as SQLite normally does at 1,000 pages:
 * a safety net should the worker fall behind or be gone. Given to SQLite in pages of the database's
 * own size (16 KiB for a store made since ADR 70, 4 KiB before).
 */
const SAFETY_BYTES = 256 * 1024 * 1024;
/** SQLite's own threshold, 1,000 pages of its default 4 KiB, in bytes. */
const SQLITE_DEFAULT_BYTES = 1_000 * 4096;

/** A log size in pages of the connection's database. */
function inPages(connection: SqliteDatabase, bytes: number): number {
  const pageSize = Number(connection.pragma('page_size', { simple: true })) || 4096;
  return Math.max(1, Math.round(bytes / pageSize));
}

/** The worker: one connection to the file, a passive checkpoint per request, closed on request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let error = null;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    error = String(e && e.message ? e.message : e);
  }
  parentPort.postMessage({ done: true, error });
});
`;

export class BackgroundCheckpoints {
  private worker: Worker | null = null;
  private running = false;
  private wanted = false;
  private closed = false;
  private failed = false;

  private constructor(
    private readonly connection: SqliteDatabase,
    private readonly path: string,
  ) {}

  /** For a database file in WAL mode; null for an in-memory database, which has no log. */
  static forConnection(connection: SqliteDatabase, path: string): BackgroundCheckpoints | null {
    if (path === '' || path === ':memory:' || connection.memory) return null;
    if (String(connection.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
    connection.pragma(`wal_autocheckpoint = ${inPages(connection, SAFETY_BYTES)}`);
    return new BackgroundCheckpoints(connection, path);
  }

  /** After a commit: asks the worker for a checkpoint when the log has grown past a few megabytes. */
  afterCommit(): void {
    if (this.closed || this.failed) return;
    let size: number;
    try {
      size = statSync(`${this.path}-wal`).size;
    } catch {
      return;
    }
    if (size < CHECKPOINT_BYTES) return;
    // The log is reused from its start once wholly checkpointed, but keeps its size: one request
    // per transaction at most, and none while one runs (the worker then runs once more).
    if (this.running) {
      this.wanted = true;
      return;
    }
    this.request();
  }

  /** Waits for a checkpoint under way, then stops the worker (before the connection closes). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Held until it is gone: the caller goes on after close (an unreferenced worker would let the process end first).
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private request(): void {
    const worker = this.worker ?? this.start();
    if (!worker) return;
    this.running = true;
    this.wanted = false;
    worker.postMessage('checkpoint');
  }

  private start(): Worker | null {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, path: this.path } });
      // A process ends when its work does: a checkpoint left unfinished is finished by the next one.
      worker.unref();
      worker.on('message', (message: { done?: boolean; error?: string | null }) => {
        if (!message.done) return;
        this.running = false;
        if (message.error) this.fallBack();
        else if (this.wanted && !this.closed) this.request();
      });
      worker.on('error', () => this.fallBack());
      this.worker = worker;
      return worker;
    } catch {
      this.fallBack();
      return null;
    }
  }

  /** Without a worker the connection checkpoints by itself again, as SQLite does by default. */
  private fallBack(): void {
    this.failed = true;
    this.running = false;
    if (!this.closed && this.connection.open)
      this.connection.pragma(`wal_autocheckpoint = ${inPages(this.connection, SQLITE_DEFAULT_BYTES)}`);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}
