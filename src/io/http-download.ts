/**
 * Downloads a vulnerability-data archive over HTTP(S) into a temporary file (`vigie vuln db
 * update`), with a size limit checked against the declared length and while streaming.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from './input-error.js';
import { formatBytes } from './read-document.js';

/** Downloads `url` into a fresh temporary folder; the caller removes it with `removeDownload`. */
export async function downloadToTemp(url: string, fileName: string, maxBytes: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new InputError(
      `cannot download ${url}: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`,
    );
  }
  if (!response.ok || !response.body)
    throw new InputError(`cannot download ${url}: HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    throw new InputError(
      `${url} is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} download limit`,
      'too-large',
    );
  const dir = await mkdtemp(join(tmpdir(), 'vigie-vulndb-'));
  const path = join(dir, fileName);
  let total = 0;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    total += chunk.length;
    if (total > maxBytes)
      body.destroy(new InputError(`${url} is over the ${formatBytes(maxBytes)} download limit`, 'too-large'));
  });
  try {
    await pipeline(body, createWriteStream(path));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err instanceof InputError
      ? err
      : new InputError(`cannot download ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return path;
}

export async function removeDownload(path: string): Promise<void> {
  await rm(join(path, '..'), { recursive: true, force: true });
}
