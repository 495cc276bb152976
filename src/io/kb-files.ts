// Reads and writes knowledge-base files: Hermine's per-file directory or shared.json, and our store.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UnreadableDocumentError } from '../sbom/format.js';
import { parseJsonDocument } from '../sbom/json-text.js';
import {
  exportHermineFiles,
  exportHermineShared,
  importHermineFiles,
  importHermineShared,
  type HermineImport,
  type HermineRecord,
} from '../licenses/hermine/index.js';
import type { KnowledgeBase, LicensePolicy } from '../licenses/kb/types.js';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UnreadableDocumentError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  return parseJsonDocument(text, path);
}

function jsonFilesIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => join(dir, n))
    : [];
}

/** Reads Hermine data from a per-file directory (licenses/ and generics/) or a shared.json file. */
export function readHermineData(path: string): HermineImport {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UnreadableDocumentError(`${path} does not exist`);
  }
  if (stat.isFile()) return importHermineShared(readJson(path));
  const licenses = jsonFilesIn(join(path, 'licenses'));
  const generics = jsonFilesIn(join(path, 'generics'));
  if (licenses.length === 0 && generics.length === 0) {
    const shared = join(path, 'shared.json');
    if (existsSync(shared)) return importHermineShared(readJson(shared));
    throw new UnreadableDocumentError(
      `${path} holds no Hermine data (expected licenses/*.json, generics/*.json or shared.json)`,
    );
  }
  return importHermineFiles({
    licenses: licenses.map((f) => readJson(f) as HermineRecord),
    generics: generics.map((f) => readJson(f) as HermineRecord),
  });
}

function write(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 4) + '\n');
}

/** Writes the per-file layout under dir; returns the number of files written. */
export function writeHermineFiles(dir: string, kb: KnowledgeBase, policies: LicensePolicy[] = []): number {
  const { files } = exportHermineFiles(kb, policies);
  for (const [relative, value] of files) write(join(dir, relative), value);
  return files.size;
}

export function writeHermineShared(path: string, kb: KnowledgeBase, date?: string): void {
  write(path, exportHermineShared(kb, date));
}

/** Our own stored form of an imported knowledge base: one JSON document. */
export interface StoredKnowledgeBase {
  format: 'vigie-kb';
  version: 1;
  source: string;
  kb: KnowledgeBase;
  policies: LicensePolicy[];
}

export function saveKnowledgeBase(path: string, stored: Omit<StoredKnowledgeBase, 'format' | 'version'>): void {
  write(path, { format: 'vigie-kb', version: 1, ...stored });
}

export function loadStoredKnowledgeBase(path: string): StoredKnowledgeBase {
  const value = readJson(path) as Partial<StoredKnowledgeBase>;
  if (value?.format !== 'vigie-kb' || !value.kb)
    throw new UnreadableDocumentError(`${path} is not a stored Vigie knowledge base`);
  return value as StoredKnowledgeBase;
}

/**
 * Loads a knowledge base from any supported place: a Hermine directory or shared.json, or a stored
 * Vigie knowledge base (format "vigie-kb").
 */
export function loadKnowledgeBaseFrom(path: string): HermineImport {
  if (existsSync(path) && statSync(path).isFile()) {
    const value = readJson(path) as { format?: unknown };
    if (value && value.format === 'vigie-kb') {
      const stored = value as StoredKnowledgeBase;
      return { kb: stored.kb, policies: stored.policies ?? [], issues: [] };
    }
    return importHermineShared(value);
  }
  return readHermineData(path);
}
