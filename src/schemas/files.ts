// Reads the official schemas shipped in the package's data/schemas folder (see data/schemas/NOTICE.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Both src/schemas (tsx) and dist/schemas (compiled) sit two levels below the package root.
const DATA_DIR = fileURLToPath(new URL('../../data/schemas/', import.meta.url));

const cache = new Map<string, string>();

export function schemaText(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(DATA_DIR + relativePath, 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}

export function schemaJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(schemaText(relativePath)) as Record<string, unknown>;
}
