// Reads a model directory for the inventory: the card and config as text (size-capped), every weight
// file hashed (SHA-256 and SHA-512, streamed) and its header read from the first bytes only. The
// pure src/ai/model-directory.ts turns the result into components.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_EXTENSIONS, isDatasetCard, type DataFile, type DatasetDirectoryInput } from '../ai/dataset-card.js';
import { frontMatter, WEIGHT_EXTENSIONS, type ModelDirectoryInput, type WeightFile } from '../ai/model-directory.js';
import { readGgufHeader } from '../ai/weights/gguf.js';
import { readOnnxSummary } from '../ai/weights/onnx.js';
import {
  MAX_SAFETENSORS_HEADER,
  readSafetensorsHeader,
  safetensorsHeaderLength,
  WeightHeaderError,
} from '../ai/weights/safetensors.js';
import { NOT_MODELS } from './ai-directory-candidates.js';
import { InputError } from './input-error.js';

const MAX_CARD_BYTES = 4 * 1024 * 1024;
/** GGUF metadata (vocabularies included) rarely exceeds a few MiB; more is read as truncated. */
const GGUF_HEAD_BYTES = 32 * 1024 * 1024;

function readHead(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 and SHA-512 of a file read in 4 MiB chunks (weights are gigabytes: never whole in memory). */
function hashFile(path: string): WeightFile['hashes'] {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4 << 20);
    let read: number;
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      sha256.update(buffer.subarray(0, read));
      sha512.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return [
    { alg: 'SHA-256', content: sha256.digest('hex') },
    { alg: 'SHA-512', content: sha512.digest('hex') },
  ];
}

function readWeight(dir: string, name: string): WeightFile {
  const path = join(dir, name);
  const { size } = statSync(path);
  const file: WeightFile = { path: name, size, hashes: hashFile(path) };
  try {
    if (name.endsWith('.safetensors')) {
      const length = safetensorsHeaderLength(readHead(path, 8));
      file.summary = readSafetensorsHeader(readHead(path, Math.min(length, MAX_SAFETENSORS_HEADER + 8)));
    } else if (name.endsWith('.gguf')) {
      const summary = readGgufHeader(readHead(path, Math.min(size, GGUF_HEAD_BYTES)));
      file.summary = summary;
      if (summary.truncated)
        file.problem = `GGUF header longer than ${GGUF_HEAD_BYTES} bytes; tensor figures are partial`;
    } else if (name.endsWith('.onnx')) {
      const fd = openSync(path, 'r');
      try {
        file.summary = readOnnxSummary((offset, length) => {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
          const read = readSync(fd, buffer, 0, buffer.length, offset);
          return buffer.subarray(0, read);
        }, size);
      } finally {
        closeSync(fd);
      }
    }
  } catch (err) {
    if (!(err instanceof WeightHeaderError)) throw err;
    file.summary = undefined;
    file.problem = err.message;
  }
  return file;
}

function readCapped(path: string, label: string): string | undefined {
  try {
    const { size } = statSync(path);
    if (size > MAX_CARD_BYTES) throw new InputError(`${label} is larger than ${MAX_CARD_BYTES} bytes`, 'too-large');
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** True when a directory holds weight files beside a model card or a config: what the hubs ship. */
export function isModelDirectory(dir: string): boolean {
  const names = readdirSync(dir);
  const weights = names.some((n) => WEIGHT_EXTENSIONS.some((e) => n.endsWith(e)));
  return (
    weights && (names.includes('config.json') || names.includes('README.md') || names.some((n) => n.endsWith('.gguf')))
  );
}

export function readModelDirectory(dir: string): ModelDirectoryInput {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const weights: WeightFile[] = [];
  for (const name of names) if (WEIGHT_EXTENSIONS.some((e) => name.endsWith(e))) weights.push(readWeight(dir, name));
  return {
    name: basename(dir),
    readme: readCapped(join(dir, 'README.md'), 'README.md'),
    config: readCapped(join(dir, 'config.json'), 'config.json'),
    weights,
  };
}

/** Front matter is at the top of a card: its first 64 KiB are enough to tell a dataset card. */
const CARD_HEAD_BYTES = 64 * 1024;
/** Metadata files of the hub's `datasets` library, not data. */
const NOT_DATA = new Set(['README.md', 'dataset_infos.json', 'dataset_dict.json', 'state.json']);

/** True when a directory holds no weights and its README.md front matter is a dataset card. */
export function isDatasetDirectory(dir: string): boolean {
  const names = readdirSync(dir);
  if (!names.includes('README.md') || names.some((n) => WEIGHT_EXTENSIONS.some((e) => n.endsWith(e)))) return false;
  const path = join(dir, 'README.md');
  if (!statSync(path).isFile()) return false;
  const head = Buffer.from(readHead(path, CARD_HEAD_BYTES)).toString('utf8');
  return isDatasetCard(frontMatter(head, []));
}

function dataFile(dir: string, path: string): DataFile {
  const full = join(dir, path);
  return { path, size: statSync(full).size, hashes: hashFile(full) };
}

/** The card and the data files (top level and the hub's `data/` folder), each hashed. */
export function readDatasetDirectory(dir: string): DatasetDirectoryInput {
  const isData = (name: string) => !NOT_DATA.has(name) && DATA_EXTENSIONS.some((e) => name.endsWith(e));
  const files = (sub: string) =>
    readdirSync(join(dir, sub), { withFileTypes: true })
      .filter((e) => e.isFile() && isData(e.name))
      .map((e) => (sub ? `${sub}/${e.name}` : e.name));
  const paths = [
    ...files(''),
    ...(readdirSync(dir).includes('data') && statSync(join(dir, 'data')).isDirectory() ? files('data') : []),
  ].sort();
  return {
    name: basename(dir),
    readme: readCapped(join(dir, 'README.md'), 'README.md') ?? '',
    dataFiles: paths.map((p) => dataFile(dir, p)),
  };
}

export interface AiDirectory {
  dir: string;
  kind: 'model' | 'dataset';
}

/** Model directories at `root` and up to two levels below it (hidden and dependency folders skipped). */
export function findModelDirectories(root: string, depth = 2): string[] {
  return findAiDirectories(root, depth)
    .filter((d) => d.kind === 'model')
    .map((d) => d.dir);
}

/** Model and dataset directories at `root` and up to two levels below it. */
export function findAiDirectories(root: string, depth = 2): AiDirectory[] {
  const found: AiDirectory[] = [];
  const visit = (dir: string, level: number) => {
    if (isModelDirectory(dir)) found.push({ dir, kind: 'model' });
    else if (isDatasetDirectory(dir)) found.push({ dir, kind: 'dataset' });
    if (level >= depth) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !NOT_MODELS.has(entry.name))
        visit(join(dir, entry.name), level + 1);
    }
  };
  if (statSync(root).isDirectory()) visit(root, 0);
  return found;
}
