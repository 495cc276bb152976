/**
 * The one capped gunzip (issue 8 item 14): files read from disk (read-document.ts) and uploads
 * (services/decode-upload.ts) both go through it. The cap stops a gzip bomb at `maxBytes` of output
 * instead of filling memory.
 */
import { createRequire } from 'node:module';
import { InputError } from './input-error.js';
import { formatBytes } from './format-bytes.js';

// node:zlib is required on the first gzip input, not at start-up: loading it costs a process about
// 1 ms, and most runs (`vigie sbom generate`, plain JSON documents) never decompress anything.
const requireBuiltin = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;

export function isGzip(buffer: Uint8Array): boolean {
  return buffer[0] === 0x1f && buffer[1] === 0x8b;
}

/** `hint` ends the too-large message (e.g. how to raise the limit on the CLI). */
export function gunzipCapped(buffer: Buffer, label: string, maxBytes: number, hint = ''): Buffer {
  try {
    return (zlib ??= requireBuiltin('node:zlib') as typeof import('node:zlib')).gunzipSync(buffer, {
      maxOutputLength: maxBytes,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError(
        `${label} decompresses to more than ${formatBytes(maxBytes)} (possible gzip bomb${hint})`,
        'too-large',
      );
    }
    throw new InputError(`${label} is not valid gzip data: ${err instanceof Error ? err.message : String(err)}`);
  }
}
