#!/usr/bin/env node
// Entry point of the `vigie` command: runs the compiled CLI, or the TypeScript sources through tsx
// when working from a checkout that has not been built.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'main.js');
let entry;
if (existsSync(compiled)) {
  entry = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
process.exitCode = await entry.main(process.argv.slice(2));
