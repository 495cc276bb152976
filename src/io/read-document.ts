// Reads a document from disk (or stdin) safely: size-limited, gzip-aware with a decompression cap,
// binary and non-UTF-8 input refused with a clear message. The text then goes to the pure decoders.
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from './input-error.js';
import { formatBytes } from './format-bytes.js';
import { gunzipCapped, isGzip } from './gunzip.js';

export const DEFAULT_MAX_INPUT_BYTES = 512 * 1024 * 1024;

export interface ReadOptions {
  /** Largest file (and largest decompressed content) accepted. */
  maxBytes?: number;
}

export interface DocumentText {
  text: string;
  /** Bytes read from disk. */
  bytes: number;
  gzipped: boolean;
}

export { formatBytes };

export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<DocumentText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new InputError(`${path} is a directory, not a document`);
    size = s.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  if (size > maxBytes) {
    throw new InputError(
      `${path} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} input limit (raise it with --max-size)`,
      'too-large',
    );
  }
  const handle = await open(path, 'r');
  let buffer: Buffer;
  try {
    buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    buffer = buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
  return decodeBytes(buffer, path, maxBytes);
}

export async function readDocumentStream(
  stream: Readable,
  label: string,
  options: ReadOptions = {},
): Promise<DocumentText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      throw new InputError(
        `${label} is over the ${formatBytes(maxBytes)} input limit (raise it with --max-size)`,
        'too-large',
      );
    }
    chunks.push(chunk as Buffer);
  }
  return decodeBytes(Buffer.concat(chunks), label, maxBytes);
}

function decodeBytes(buffer: Buffer, label: string, maxBytes: number): DocumentText {
  const bytes = buffer.length;
  const gzipped = isGzip(buffer);
  if (gzipped) buffer = gunzipCapped(buffer, label, maxBytes, '; raise the limit with --max-size');
  if (buffer.length === 0) throw new InputError(`${label} is empty`);
  return { text: bytesToText(buffer, label), bytes, gzipped };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function bytesToText(buffer: Buffer, label: string): string {
  // UTF-16 with a byte-order mark is legal for XML and appears in Windows-made files.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer);
  // Without a byte-order mark, XML in UTF-16 is known by its first two characters, '<?' (XML 1.0 appendix F).
  if (startsWith(buffer, [0x3c, 0, 0x3f, 0])) return new TextDecoder('utf-16le').decode(buffer);
  if (startsWith(buffer, [0, 0x3c, 0, 0x3f])) return new TextDecoder('utf-16be').decode(buffer);
  const probe = buffer.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new InputError(
      `${label} is binary data (NUL bytes in the first ${formatBytes(probe.length)}), not an SBOM document`,
    );
  }
  try {
    return utf8.decode(buffer);
  } catch {
    const declared = xmlDeclaredEncoding(buffer);
    const decoder = declared === undefined ? undefined : singleByteDecoder(declared);
    if (decoder) return decoder.encoding === 'windows-1252' ? decodeWindows1252(buffer) : decoder.decode(buffer);
    const said = declared === undefined ? '' : ` (its XML declaration names ${declared}, which Vigie cannot decode)`;
    throw new InputError(`${label} is not valid UTF-8 text (binary data, or another encoding)${said}`);
  }
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buffer[i] === b);
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), if the text opens with one. */
function xmlDeclaredEncoding(buffer: Buffer): string | undefined {
  const head = buffer.subarray(0, 200).toString('latin1');
  const declaration = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head);
  return declaration?.[1];
}

/**
 * A decoder for an encoding an XML declaration may name where every byte is one character (ISO-8859-x,
 * windows-125x…): such text is never valid UTF-8 once it holds a non-ASCII letter. UTF-8 itself and the
 * multi-byte encodings are not taken here, so a damaged UTF-8 file is still refused.
 */
function singleByteDecoder(label: string): TextDecoder | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
  const multiByte = [
    'utf-8',
    'utf-16le',
    'utf-16be',
    'gbk',
    'gb18030',
    'big5',
    'euc-jp',
    'iso-2022-jp',
    'shift_jis',
    'euc-kr',
  ];
  return multiByte.includes(decoder.encoding) ? undefined : decoder;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** What windows-1252 (and, per the WHATWG Encoding Standard, an "ISO-8859-1" label) puts at 0x80–0x9F. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * windows-1252 text. Node 20's TextDecoder reads that label as Latin-1, so the 32 bytes where the two
 * differ (curly quotes, dashes, the euro sign in Windows-made files) would become control characters.
 */
function decodeWindows1252(buffer: Buffer): string {
  const text = buffer.toString('latin1');
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
