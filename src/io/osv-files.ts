// Reads OSV advisories from disk: single JSON or YAML files (one record, or an array of them),
// folders walked recursively, and the per-ecosystem zip archives osv.dev publishes
// (`<Ecosystem>/all.zip`, one JSON per advisory). Zip entries are read one at a time through a
// stream, so memory stays bounded whatever the archive size; every entry is size-checked before
// it is inflated (zip bombs) and never written anywhere (no path traversal to guard).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import yauzl from 'yauzl';
import { jsYaml, yaml } from '../text/libraries.js';
import { InputError } from './input-error.js';

/** One parsed document, or why a file or entry could not be read; `where` names it. */
export type OsvSourceItem = { where: string; value: unknown } | { where: string; problem: string };

export interface OsvReadOptions {
  /** Largest single advisory accepted, file or zip entry (default 16 MiB). */
  maxRecordBytes?: number;
  /** Largest total of inflated zip entries per archive (default 4 GiB). */
  maxArchiveBytes?: number;
}

const MIB = 1024 * 1024;
const RECORD_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Every OSV document under the given paths, in a stable order (folders sorted by name). */
export async function* readOsvSources(
  paths: readonly string[],
  cwd: string,
  options: OsvReadOptions = {},
): AsyncGenerator<OsvSourceItem> {
  for (const path of paths) {
    const full = resolve(cwd, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new InputError(`${path}: no such file or folder`);
    if (info.isDirectory()) yield* readFolder(full, path, options);
    else if (extname(full).toLowerCase() === '.zip') yield* readZip(full, path, options);
    else yield* readRecordFile(full, path, options);
  }
}

async function* readFolder(dir: string, shown: string, options: OsvReadOptions): AsyncGenerator<OsvSourceItem> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    const full = join(dir, e.name);
    const where = join(shown, e.name);
    if (e.isDirectory()) yield* readFolder(full, where, options);
    else if (extname(e.name).toLowerCase() === '.zip') yield* readZip(full, where, options);
    else if (RECORD_EXTENSIONS.has(extname(e.name).toLowerCase())) yield* readRecordFile(full, where, options);
  }
}

/** Whether a decoded YAML value uses one node twice (an alias) or contains itself. */
function sharesNodes(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (sharesNodes(v, seen)) return true;
  return false;
}

/**
 * YAML 1.2 core schema: unquoted timestamps stay strings (PyPA writes them unquoted). js-yaml reads
 * the plain data of advisories about eight times faster than yaml, with the same values; a document
 * with aliases goes to yaml, whose alias limit guards against exponential expansion.
 */
function parseOsvYaml(text: string): unknown {
  let value: unknown;
  try {
    value = jsYaml().load(text, { schema: jsYaml().CORE_SCHEMA });
  } catch {
    value = undefined;
  }
  return value === undefined || sharesNodes(value) ? yaml().parse(text, { schema: 'core' }) : value;
}

function parseRecordText(text: string, where: string): OsvSourceItem[] {
  try {
    const value: unknown = /\.ya?ml$/i.test(where) ? parseOsvYaml(text) : JSON.parse(text);
    return Array.isArray(value) ? value.map((v, i) => ({ where: `${where}[${i}]`, value: v })) : [{ where, value }];
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return [{ where, problem: `not valid ${/\.ya?ml$/i.test(where) ? 'YAML' : 'JSON'}: ${message}` }];
  }
}

async function* readRecordFile(full: string, where: string, options: OsvReadOptions): AsyncGenerator<OsvSourceItem> {
  if (!RECORD_EXTENSIONS.has(extname(full).toLowerCase())) {
    yield { where, problem: 'not an OSV file (expected .json, .yaml, .yml or .zip)' };
    return;
  }
  // One advisory is a few kilobytes: a synchronous read costs less than the thread-pool round
  // trips of an asynchronous one, which dominated loading a folder of thousands of them.
  const info = statSync(full);
  const limit = options.maxRecordBytes ?? 16 * MIB;
  if (info.size > limit) {
    yield { where, problem: `${info.size} bytes, over the ${limit}-byte limit for one advisory` };
    return;
  }
  yield* parseRecordText(readFileSync(full, 'utf8'), where);
}

function openZip(full: string): Promise<yauzl.ZipFile> {
  return new Promise((ok, fail) =>
    yauzl.open(full, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) =>
      err ? fail(err) : ok(zip),
    ),
  );
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err) return fail(err);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) stream.destroy(new Error(`inflates past ${limit} bytes`));
        else chunks.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => ok(Buffer.concat(chunks)));
    }),
  );
}

async function* readZip(full: string, where: string, options: OsvReadOptions): AsyncGenerator<OsvSourceItem> {
  const limit = options.maxRecordBytes ?? 16 * MIB;
  const archiveLimit = options.maxArchiveBytes ?? 4096 * MIB;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(full);
  } catch (err) {
    throw new InputError(`${where}: not a readable zip archive (${err instanceof Error ? err.message : String(err)})`);
  }
  // Entries arrive through events; a one-slot hand-off turns them into a pull loop.
  let next: ((e: yauzl.Entry | null | Error) => void) | undefined;
  const pending: (yauzl.Entry | null | Error)[] = [];
  const deliver = (e: yauzl.Entry | null | Error) => (next ? (next(e), (next = undefined)) : pending.push(e));
  zip.on('entry', (e: yauzl.Entry) => deliver(e));
  zip.on('end', () => deliver(null));
  zip.on('error', (e: Error) => deliver(e));
  const pull = () =>
    new Promise<yauzl.Entry | null | Error>((ok) => (pending.length > 0 ? ok(pending.shift()!) : (next = ok)));
  let total = 0;
  try {
    zip.readEntry();
    for (;;) {
      const entry = await pull();
      if (entry === null) break;
      if (entry instanceof Error) throw new InputError(`${where}: damaged zip archive (${entry.message})`);
      const name = `${where}!${entry.fileName}`;
      if (entry.fileName.endsWith('/') || !RECORD_EXTENSIONS.has(extname(entry.fileName).toLowerCase())) {
        zip.readEntry();
        continue;
      }
      if (entry.uncompressedSize > limit) {
        yield {
          where: name,
          problem: `${entry.uncompressedSize} bytes inflated, over the ${limit}-byte limit for one advisory`,
        };
      } else if (total + entry.uncompressedSize > archiveLimit) {
        throw new InputError(
          `${where}: inflates past ${archiveLimit} bytes in total; refusing the rest of the archive`,
          'too-large',
        );
      } else {
        try {
          const bytes = await readEntry(zip, entry, limit);
          total += bytes.length;
          yield* parseRecordText(bytes.toString('utf8'), name);
        } catch (err) {
          yield { where: name, problem: `cannot inflate: ${err instanceof Error ? err.message : String(err)}` };
        }
      }
      zip.readEntry();
    }
  } finally {
    zip.close();
  }
}
