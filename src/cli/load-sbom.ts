import { readDocumentFile, DEFAULT_MAX_INPUT_BYTES } from '../io/read-document.js';
import { InputError, inputErrorOfRangeError } from '../io/input-error.js';
import { readSbomAsNeeded, UnsupportedDocumentError, type ReadResult } from '../sbom/read-steps.js';
import { UnreadableDocumentError } from '../sbom/format.js';
import { UsageError } from './exit-codes.js';
import { resolve } from 'node:path';

export interface LoadOptions {
  maxSize?: string;
}

/** `--max-size` accepts bytes or a unit: 300MB, 2GiB, 512k. */
export function parseSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-size: "${value}" is not a size (examples: 300MB, 2GiB)`);
  const power = ['', 'k', 'm', 'g', 't'].indexOf(m[2].toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}

export interface LoadedSbom extends ReadResult {
  path: string;
  text: string;
}

/** Reads and decodes one SBOM file; every failure becomes a one-line UsageError naming the file. */
export async function loadSbom(path: string, cwd: string, options: LoadOptions = {}): Promise<LoadedSbom> {
  const full = resolve(cwd, path);
  try {
    const { text } = await readDocumentFile(full, { maxBytes: parseSize(options.maxSize) });
    // Only the format identified loads (ADR 51).
    return { ...(await readSbomAsNeeded(text, path)), path, text };
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(err.message);
    if (err instanceof UnsupportedDocumentError || err instanceof UnreadableDocumentError) {
      // A message that already starts with the file's name ('x.json is not valid JSON at …') names it once.
      throw new UsageError(err.message.startsWith(`${path} `) ? err.message : `${path}: ${err.message}`);
    }
    const limit = inputErrorOfRangeError(err, path);
    if (limit) throw new UsageError(limit.message);
    throw err;
  }
}
