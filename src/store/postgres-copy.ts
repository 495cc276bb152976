/**
 * Bulk rows into PostgreSQL through `COPY … FROM STDIN` (pg-copy-streams), and large bytes back out
 * through `COPY (SELECT …) TO STDOUT`, inside whatever transaction Kysely holds (ADR 58). A 100k-row table is written about four times faster than by
 * `INSERT … SELECT FROM unnest(…)`: the server reads tab-separated lines instead of parsing one
 * array literal per column and projecting it, and the client writes plain lines instead of
 * escaped array elements into a bound parameter.
 *
 * Kysely hides the pg client of a transaction, so a copy travels as an ordinary query: a fixed
 * comment for its text and the rows as its one parameter. Every pool client is taught, when it
 * connects, to recognise that pair and run the COPY itself; any other query passes through
 * unchanged. The copy thus waits its turn on the transaction's connection like every other
 * statement, and its errors (a unique violation, say) reach the caller as a query's would.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database } from './schema.js';

const COPY_COMMENT = '/* vigie: COPY */';
/** The text of the query copyRows and copyOutBytes send (Kysely numbers the one parameter $1). */
const COPY_QUERY = `${COPY_COMMENT} $1`;
/** Characters that COPY's text format reads as delimiters or escapes. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** About this many bytes go to the socket at a time. */
const PIECE = 1 << 20;

/** What one copy writes: the table, its columns in order, and the rows' values in that order. */
export class CopyRows {
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    readonly rows: readonly (readonly unknown[])[],
    /** Written as the first column before each row's values, when given. */
    readonly leading: readonly unknown[] | null,
  ) {}
}

/** A value of one column in COPY's binary format: a whole int4, text, or bytes (bytea). */
export type BinaryValue = { int4: number } | { text: string } | { bytea: Uint8Array } | null;

/**
 * One row written in COPY's binary format: large bytes (an import's original document) go as they
 * are, with no escaping, where one bound parameter of 18 MB took the server 0.9 s to receive alone.
 */
export class CopyBinaryRow {
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    readonly values: readonly BinaryValue[],
  ) {}
}

/**
 * One value read back by `COPY (SELECT …) TO STDOUT (FORMAT binary)`: a bytea column of the row whose
 * integer key is given. Large bytes (a validation run's details, an original document) come as they
 * are: read as a query's result they came as hex text, twice their size, and were decoded from it
 * (a run's 5.9 MB of details: 180–360 ms as a query, 50–60 ms by COPY).
 */
export class CopyOutBytes {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly key: string,
    readonly id: number,
  ) {
    for (const name of [table, column, key])
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`CopyOutBytes: "${name}" is not a plain identifier`);
    if (!Number.isSafeInteger(id)) throw new Error(`CopyOutBytes: ${id} is not an integer`);
  }
}

/** The bytes of the row's column (null when it holds none); undefined when there is no such row. */
export async function copyOutBytes(db: Kysely<Database>, read: CopyOutBytes): Promise<Buffer | null | undefined> {
  const result = await sql<{ fields: (Buffer | null)[] }>`${sql.raw(COPY_COMMENT)} ${read}`.execute(db);
  if (!Array.isArray(result.rows)) throw new Error('copyOutBytes: the connection was not made by connectPostgres');
  const row = result.rows[0];
  return row === undefined ? undefined : (row.fields[0] ?? null);
}

/** Copies the rows on the connection behind `db` (a transaction or the pool); returns how many were written. */
export async function copyRows(db: Kysely<Database>, rows: CopyRows | CopyBinaryRow): Promise<number> {
  const result = await sql<{ copied: number }>`${sql.raw(COPY_COMMENT)} ${rows}`.execute(db);
  const copied = result.rows[0]?.copied;
  if (typeof copied !== 'number') throw new Error('copyRows: the connection was not made by connectPostgres');
  return copied;
}

/** Teaches a pool client to run the copies that copyRows and copyOutBytes send it. */
export function acceptCopies(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (text === COPY_QUERY && Array.isArray(values) && values.length === 1) {
      const [copy] = values;
      if (copy instanceof CopyRows || copy instanceof CopyBinaryRow) return runCopy(client, copy);
      if (copy instanceof CopyOutBytes) return runCopyOut(client, copy);
    }
    return query(...args);
  };
}

async function runCopy(
  client: pg.PoolClient,
  copy: CopyRows | CopyBinaryRow,
): Promise<{ command: string; rowCount: number; rows: { copied: number }[] }> {
  const binary = copy instanceof CopyBinaryRow;
  const stream = client.query(
    copyFrom(`COPY ${copy.table} (${copy.columns.join(', ')}) FROM STDIN${binary ? ' (FORMAT binary)' : ''}`),
  );
  await pipeline(Readable.from(binary ? copyBinary(copy) : copyText(copy), { objectMode: false }), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [{ copied: stream.rowCount }] };
}

async function runCopyOut(
  client: pg.PoolClient,
  read: CopyOutBytes,
): Promise<{ command: string; rowCount: number; rows: { fields: (Buffer | null)[] }[] }> {
  const stream = client.query(
    copyTo(`COPY (SELECT ${read.column} FROM ${read.table} WHERE ${read.key} = ${read.id}) TO STDOUT (FORMAT binary)`),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const rows = parseCopyBinary(Buffer.concat(chunks)).map((fields) => ({ fields }));
  return { command: 'COPY', rowCount: rows.length, rows };
}

/** The rows of a COPY in binary format, each a list of its fields' bytes (null for NULL). */
export function parseCopyBinary(data: Buffer): (Buffer | null)[][] {
  const signature = BINARY_HEADER.subarray(0, 11);
  if (data.length < 19 || !data.subarray(0, 11).equals(signature)) throw new Error('COPY binary: no signature');
  let at = 19 + data.readInt32BE(15);
  const rows: (Buffer | null)[][] = [];
  for (;;) {
    if (at + 2 > data.length) throw new Error('COPY binary: the data ends before its trailer');
    const count = data.readInt16BE(at);
    at += 2;
    if (count === -1) return rows;
    const fields: (Buffer | null)[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 4 > data.length) throw new Error('COPY binary: a field ends early');
      const length = data.readInt32BE(at);
      at += 4;
      if (length === -1) {
        fields.push(null);
        continue;
      }
      if (at + length > data.length) throw new Error('COPY binary: a field ends early');
      fields.push(data.subarray(at, at + length));
      at += length;
    }
    rows.push(fields);
  }
}

/** The file header of COPY's binary format: its signature, no flags, no header extension. */
const BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);

/** The row in COPY's binary format; its bytes values go as they are, a megabyte at a time. */
export function* copyBinary(row: CopyBinaryRow): Generator<Uint8Array> {
  const count = Buffer.alloc(2);
  count.writeInt16BE(row.values.length);
  yield Buffer.concat([BINARY_HEADER, count]);
  for (const value of row.values) {
    const bytes =
      value === null
        ? null
        : 'int4' in value
          ? int4(value.int4)
          : 'text' in value
            ? Buffer.from(value.text, 'utf8')
            : value.bytea;
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes === null ? -1 : bytes.byteLength);
    yield length;
    for (let at = 0; bytes !== null && at < bytes.byteLength; at += PIECE) yield bytes.subarray(at, at + PIECE);
  }
  // The trailer: a field count of -1.
  yield Buffer.from([0xff, 0xff]);
}

function int4(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}

/**
 * The rows as COPY's text format (UTF-8), a piece of about PIECE bytes at a time. Each value is
 * encoded straight into the piece's buffer: building each line by concatenation and encoding the
 * joined text afterwards cost ~0.3 s for 100k usages (5.3 MB), most of the main thread's share of
 * a COPY.
 */
export function* copyText(rows: CopyRows): Generator<Buffer> {
  let piece = Buffer.allocUnsafe(PIECE);
  let at = 0;
  const leading = rows.leading;
  for (let i = 0; i < rows.rows.length; i++) {
    const row = rows.rows[i]!;
    const width = row.length + (leading ? 1 : 0);
    for (let j = 0; j < width; j++) {
      const value = leading ? (j === 0 ? leading[i] : row[j - 1]) : row[j];
      let text: string;
      if (value === null || value === undefined) text = '\\N';
      else if (typeof value === 'number' && Number.isInteger(value)) text = String(value);
      else text = copyValue(value);
      // A UTF-16 unit is at most 3 bytes of UTF-8, with a delimiter after it.
      if (at + text.length * 3 + 1 > piece.length) {
        if (at > 0) yield piece.subarray(0, at);
        piece = Buffer.allocUnsafe(Math.max(PIECE, text.length * 3 + 1));
        at = 0;
      }
      at += piece.write(text, at);
      piece[at++] = j === width - 1 ? NEWLINE : TAB;
    }
  }
  if (at > 0) yield piece.subarray(0, at);
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/** One value in COPY's text format: \N for null, the rest as text with its delimiters escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]!) : text;
}
