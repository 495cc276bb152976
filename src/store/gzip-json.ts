/**
 * A large value as gzip-compressed JSON without ever holding its whole JSON text: the value is
 * written piece by piece (arrays and objects of the first levels opened by hand, lists of records a
 * slice of items at a time, everything below by JSON.stringify) into a gzip stream that compresses on the thread pool while the next piece is
 * written. The text it compresses is exactly JSON.stringify(value). A validation run of 100k usages
 * has ~160 MB of details: as one string, then one Buffer, it cost a second of encoding and over a
 * gigabyte of peak memory (issue 13 item 5, ADR 28).
 */
import { createGzip, gzip, type Gzip } from 'node:zlib';
import { eventLoopTurn } from '../io/event-loop-turn.js';

/** UTF-8 bytes handed to the compressor at a time. */
const PIECE_BYTES = 1 << 20;
/**
 * zlib's output buffer. The thread pool compresses one input chunk per trip and then waits for the
 * main thread to collect the output before it goes on; with the default 16 KiB buffer a 1 MiB piece
 * took eight trips, each waiting for the main thread to be free. One trip per piece: JSON at level 1
 * compresses about eightfold, so 1 MiB of room is never short.
 */
const OUTPUT_CHUNK_BYTES = 1 << 20;
/**
 * Marks before a list slice's JSON text (brackets included): the first slice of a list, or a later
 * one. A JSON text never holds a raw NUL, so no piece of text can be taken for one.
 */
const OPENING_SLICE = '\u0000[';
const FOLLOWING_SLICE = '\u0000,';
const COMMA = 0x2c;
/** Pieces written but not yet compressed before the writer waits for the compressor. */
const PIECES_IN_FLIGHT = 4;
/**
 * Characters of JSON text aimed at per JSON.stringify call over a slice of a list's items. A string
 * over V8's largest regular object size (128 KiB) is put in pages of its own, taken fresh from the
 * system and given back when it dies, each new page a fault. 100k records of ~1.4 KB in slices of
 * 256 (~370 KB each): 81k page faults and 0.42 s per call; in slices of ~32 KB, which live and die
 * in the young generation's pages: 2.8k faults and 0.17 s.
 */
const SLICE_CHARS = 32 * 1024;
/** Most items of a deepest opened array written by one JSON.stringify call. */
const MAX_ITEMS_PER_SLICE = 256;

export interface GzipJsonOptions {
  /** zlib level (1 = fastest). */
  level?: number;
  /**
   * How many levels of arrays and objects are written element by element (default 3); an array
   * whose first item is not an array is written a slice of items (about SLICE_CHARS of text) at a
   * time whatever the level.
   */
  depth?: number;
}

/**
 * A value with its JSON already compressed (gzipJson), packed ahead of the write that stores it: an
 * import packs its validation run's details while its own rows go to PostgreSQL (ADR 59), and the
 * store writes the bytes as they are.
 */
export class PackedJson {
  constructor(
    /** The value (read again from the bytes when it was written out as it was made, RunDetailsStream). */
    readonly read: () => unknown,
    readonly gzip: Buffer,
  ) {}
}

export async function gzipJson(value: unknown, options: GzipJsonOptions = {}): Promise<Buffer> {
  const writer = new GzipJsonWriter(options.level);
  try {
    let slice: string | null = null;
    for (const piece of jsonPieces(value, options.depth ?? 3, true)) {
      if (piece === OPENING_SLICE || piece === FOLLOWING_SLICE) slice = piece;
      else if (slice === null) await writer.text(piece);
      else {
        await writer.slice(piece, slice === OPENING_SLICE);
        slice = null;
      }
    }
    return await writer.end();
  } finally {
    writer.destroy();
  }
}

/**
 * JSON text written piece by piece into a gzip stream that compresses on the thread pool while the
 * next piece is written (gzipJson; a validation run written as its steps find their blockers,
 * validation-runs.ts). Pieces are encoded straight into a buffer of about PIECE_BYTES, handed to
 * the compressor when full: no joined text to flatten and encode again, one copy per character. A
 * buffer the compressor is done with is written into again: a few megabytes of memory in all, where
 * a fresh buffer per piece touched the whole JSON's size in new pages (each a page fault, which on
 * a virtual machine can cost more than the copy).
 */
export class GzipJsonWriter {
  private readonly gzip: Gzip;
  private readonly output: Buffer[] = [];
  private readonly finished: Promise<void>;
  private readonly spare: Buffer[] = [];
  private buffer: Buffer = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;

  constructor(level = 1) {
    // The stream options reach the Transform underneath (ZlibOptions does not list them).
    const streamOptions = { writableHighWaterMark: PIECES_IN_FLIGHT * PIECE_BYTES };
    this.gzip = createGzip({ level, chunkSize: OUTPUT_CHUNK_BYTES, ...streamOptions });
    this.gzip.on('data', (chunk: Buffer) => this.output.push(chunk));
    this.finished = new Promise<void>((resolve, reject) => {
      this.gzip.once('end', resolve);
      this.gzip.once('error', reject);
    });
    // Awaited by end(); a writer given up before then must not leave it unhandled.
    this.finished.catch(() => undefined);
  }

  /** A piece of JSON text, written as it is. */
  async text(piece: string): Promise<void> {
    await this.room(piece);
    if (piece.length * 3 > PIECE_BYTES) await this.whole(piece);
    else this.used += this.buffer.write(piece, this.used, 'utf8');
  }

  /**
   * The JSON text of a slice of a list's items (`[a,b]`, JSON.stringify of the slice) written as
   * the list's next items: its `[` opens the list when `opens`, else becomes the comma after the
   * items before; its `]` is left out (no trimmed copy of the text is made).
   */
  async slice(text: string, opens: boolean): Promise<void> {
    await this.room(text);
    if (text.length * 3 > PIECE_BYTES) {
      await this.whole(`${opens ? '[' : ','}${text.slice(1, -1)}`);
      return;
    }
    const start = this.used;
    this.used += this.buffer.write(text, this.used, 'utf8');
    if (!opens) this.buffer[start] = COMMA;
    this.used -= 1;
  }

  /** The compressed bytes of everything written. */
  async end(): Promise<Buffer> {
    await this.flush();
    this.gzip.end();
    await this.finished;
    return Buffer.concat(this.output);
  }

  /** Stops the compressor (after end(), nothing is left to stop). */
  destroy(): void {
    if (!this.gzip.writableFinished) this.gzip.destroy();
  }

  /** Hands the buffer to the compressor when the piece might not fit after what it holds. */
  private async room(piece: string): Promise<void> {
    // A UTF-16 unit is at most 3 bytes of UTF-8, so this much room always holds the piece.
    if (this.used + piece.length * 3 > PIECE_BYTES) await this.flush();
  }

  /** A piece larger than a whole buffer (one very large record), given to the compressor on its own. */
  private async whole(text: string): Promise<void> {
    if (!this.gzip.write(text)) await new Promise<void>((resolve) => this.gzip.once('drain', resolve));
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    const written = this.buffer;
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
    // The callback comes once the piece is compressed (the output is in zlib's own buffer).
    if (!this.gzip.write(full, () => this.spare.push(written)))
      await new Promise<void>((resolve) => this.gzip.once('drain', resolve));
    // One turn of the event loop hands the compressor the piece it finished and the next one to do,
    // so it compresses while the next piece is written instead of only while the writer waits.
    else await eventLoopTurn();
  }
}

/**
 * The JSON texts of slices of a list's items, each JSON.stringify of a few items (brackets kept),
 * sized so that each text stays near SLICE_CHARS whatever the items' size.
 */
export function* sliceTexts(
  values: readonly unknown[],
  from = 0,
  to = values.length,
): Generator<string, void, undefined> {
  let count = 16;
  for (let i = from; i < to;) {
    const text = JSON.stringify(values.slice(i, Math.min(to, i + count)));
    i += count;
    yield text;
    if (text.length > SLICE_CHARS * 2 && count > 1) count >>= 1;
    else if (text.length < SLICE_CHARS / 2 && count < MAX_ITEMS_PER_SLICE) count <<= 1;
  }
}

/** The JSON text of value in pieces. */
function* jsonPieces(value: unknown, depth: number, top: boolean): Generator<string, void, undefined> {
  if (
    depth > 0 &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    if (Array.isArray(value)) {
      if (depth === 1 || !Array.isArray(value[0])) {
        // Items written whole (the deepest level opened, or a list of records such as a run's
        // blockers and usages, each small): a slice of them per JSON.stringify call gives the same
        // text with far fewer calls and pieces than one call per item, or per field of each. Each
        // slice's text keeps its brackets; the writer turns them into the list's opening bracket
        // or a comma, and drops the closing one (no trimmed copy of the text is made).
        if (value.length === 0) {
          yield '[]';
          return;
        }
        let first = true;
        for (const text of sliceTexts(value)) {
          yield first ? OPENING_SLICE : FOLLOWING_SLICE;
          first = false;
          yield text;
        }
        yield ']';
        return;
      }
      yield '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) yield ',';
        const item: unknown = value[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
        else yield* jsonPieces(item, depth - 1, false);
      }
      yield ']';
      return;
    }
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(item, depth - 1, false);
    }
    yield '}';
    return;
  }
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) {
    if (top) throw new TypeError('gzipJson: the value has no JSON text');
    yield 'null';
    return;
  }
  yield text;
}

/**
 * Starts gzip-compressing bytes (or a text, as UTF-8) on the thread pool and returns at once. The
 * output buffer is sized so that the whole result fits in one trip: with zlib's default 16 KiB
 * buffer, compression only went on while the main thread waited for it, so a 144 MB document
 * compressed during a busy import still had ~0.3 s left when the import needed it (issue 13 item 5).
 */
export function gzipInBackground(data: string | Uint8Array, level = 1): Promise<Buffer> {
  // At most the input's size (plus zlib's framing), so the result always fits; only the pages zlib
  // writes are ever touched, so the untouched rest costs address space, not memory.
  const chunkSize = Math.min(MAX_BACKGROUND_CHUNK, Math.max(1 << 16, data.length + 1024));
  return new Promise((resolve, reject) =>
    gzip(data, { level, chunkSize }, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

/** Beyond this a result comes back in more than one trip (a document compressed to over 256 MiB). */
const MAX_BACKGROUND_CHUNK = 1 << 28;
