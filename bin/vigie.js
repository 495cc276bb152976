#!/usr/bin/env node
// Entry point of the `vigie` command. In a source checkout it runs the TypeScript sources through tsx
// (so it is never stale); in an installed package it runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
let entry;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import(pathToFileURL(source).href);
} else {
  entry = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
}
process.exitCode = await entry.main(process.argv.slice(2));
