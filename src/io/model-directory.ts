// Reads a model directory for the inventory: the card and config as text (size-capped), every weight
// file hashed (SHA-256 and SHA-512, streamed) and its header read from the first bytes only. The
// pure src/ai/model-directory.ts turns the result into components.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { WEIGHT_EXTENSIONS, type ModelDirectoryInput, type WeightFile } from '../ai/model-directory.js';
import { readGgufHeader } from '../ai/weights/gguf.js';
import { MAX_SAFETENSORS_HEADER, readSafetensorsHeader, safetensorsHeaderLength, WeightHeaderError } from '../ai/weights/safetensors.js';
import { InputError } from './input-error.js';

const MAX_CARD_BYTES = 4 * 1024 * 1024;
/** GGUF metadata (vocabularies included) rarely exceeds a few MiB; more is read as truncated. */
const GGUF_HEAD_BYTES = 32 * 1024 * 1024;

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function hashFile(path: string): Promise<WeightFile['hashes']> {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    sha256.update(chunk as Buffer);
    sha512.update(chunk as Buffer);
  }
  return [
    { alg: 'SHA-256', content: sha256.digest('hex') },
    { alg: 'SHA-512', content: sha512.digest('hex') },
  ];
}

async function readWeight(dir: string, name: string): Promise<WeightFile> {
  const path = join(dir, name);
  const { size } = await stat(path);
  const file: WeightFile = { path: name, size, hashes: await hashFile(path) };
  try {
    if (name.endsWith('.safetensors')) {
      const length = safetensorsHeaderLength(await readHead(path, 8));
      file.summary = readSafetensorsHeader(await readHead(path, Math.min(length, MAX_SAFETENSORS_HEADER + 8)));
    } else if (name.endsWith('.gguf')) {
      const summary = readGgufHeader(await readHead(path, Math.min(size, GGUF_HEAD_BYTES)));
      file.summary = summary;
      if (summary.truncated) file.problem = `GGUF header longer than ${GGUF_HEAD_BYTES} bytes; tensor figures are partial`;
    } else if (name.endsWith('.onnx')) {
      file.summary = { format: 'onnx', tensors: 0, parameters: 0, dtypes: {}, metadata: {} };
      file.problem = 'ONNX graphs are hashed but their tensors are not counted';
    }
  } catch (err) {
    if (!(err instanceof WeightHeaderError)) throw err;
    file.summary = undefined;
    file.problem = err.message;
  }
  return file;
}

async function readCapped(path: string, label: string): Promise<string | undefined> {
  try {
    const { size } = await stat(path);
    if (size > MAX_CARD_BYTES) throw new InputError(`${label} is larger than ${MAX_CARD_BYTES} bytes`);
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** True when a directory holds weight files beside a model card or a config: what the hubs ship. */
export async function isModelDirectory(dir: string): Promise<boolean> {
  const names = await readdir(dir);
  const weights = names.some((n) => WEIGHT_EXTENSIONS.some((e) => n.endsWith(e)));
  return weights && (names.includes('config.json') || names.includes('README.md') || names.some((n) => n.endsWith('.gguf')));
}

export async function readModelDirectory(dir: string): Promise<ModelDirectoryInput> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const weights: WeightFile[] = [];
  for (const name of names) if (WEIGHT_EXTENSIONS.some((e) => name.endsWith(e))) weights.push(await readWeight(dir, name));
  return {
    name: basename(dir),
    readme: await readCapped(join(dir, 'README.md'), 'README.md'),
    config: await readCapped(join(dir, 'config.json'), 'config.json'),
    weights,
  };
}
