// Reads the official schemas shipped in the package's data/schemas folder (see data/schemas/NOTICE.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';

const dataDir = (): string => join(packageRoot(), 'data', 'schemas');

const cache = new Map<string, string>();

export function schemaText(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(join(dataDir(), relativePath), 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}

export function schemaJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(schemaText(relativePath)) as Record<string, unknown>;
}
