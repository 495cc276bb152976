/**
 * Turns an uploaded document (bytes or text) into a decoded SBOM, or a ServiceError with a stable
 * code: too-large, unreadable-document (binary, bad encoding, syntax), unsupported-format.
 */
import { bytesToText, DEFAULT_MAX_INPUT_BYTES, formatBytes } from '../io/read-document.js';
import { InputError, inputErrorOfRangeError } from '../io/input-error.js';
import { gunzipCapped, isGzip } from '../io/gunzip.js';
import { UnreadableDocumentError } from '../sbom/format.js';
import { readSbom, UnsupportedDocumentError, type ReadResult } from '../sbom/read.js';
import { ServiceError, serviceErrorOfInput } from './service-error.js';

export interface DecodedUpload extends ReadResult {
  /** The document as uploaded (text stands for its UTF-8 bytes; never copied into a Buffer here). */
  original: string | Uint8Array;
}

export function decodeUpload(
  content: string | Uint8Array,
  fileName: string,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
): DecodedUpload {
  // A text's size is its UTF-8 length, counted without making a second copy of a document that may be hundreds of megabytes.
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (size > maxBytes) {
    throw new ServiceError(
      'too-large',
      `${fileName} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`,
      {
        size,
        limit: maxBytes,
      },
    );
  }
  const text =
    typeof content === 'string'
      ? content
      : textOf(Buffer.from(content.buffer, content.byteOffset, content.length), fileName, maxBytes);
  if (text.trim() === '') throw new ServiceError('unreadable-document', `${fileName} is empty`);
  try {
    return { ...readSbom(text, fileName), original: content };
  } catch (err) {
    if (err instanceof UnsupportedDocumentError)
      throw new ServiceError('unsupported-format', `${fileName}: ${err.message}`);
    if (err instanceof UnreadableDocumentError) {
      throw new ServiceError(
        'unreadable-document',
        `${fileName}: ${err.message}`,
        err.line ? { line: err.line } : undefined,
      );
    }
    // V8's limits (nesting, string or object size): the input's problem, named as such.
    const limit = inputErrorOfRangeError(err, fileName);
    if (limit) throw serviceErrorOfInput(limit);
    throw err;
  }
}

function textOf(buffer: Buffer, fileName: string, maxBytes: number): string {
  try {
    return bytesToText(isGzip(buffer) ? gunzipCapped(buffer, fileName, maxBytes) : buffer, fileName);
  } catch (err) {
    if (err instanceof InputError) throw serviceErrorOfInput(err);
    throw err;
  }
}
