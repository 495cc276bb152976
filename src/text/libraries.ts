// The parsing libraries that only some inputs need (TOML, YAML, XML), loaded on first use.
// A `vigie` process pays for what it reads: an npm-only inventory never loads the TOML, YAML or XML
// stacks (together about 80 ms of start-up), yet every reader stays synchronous. Each library is
// required through its CommonJS entry, which all of them ship (see ADR 20).
import { createRequire } from 'node:module';
import type * as SmolToml from 'smol-toml';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import type * as FastXmlParser from 'fast-xml-parser';

const requireLibrary = createRequire(import.meta.url);

/** One library, required the first time it is asked for and kept. */
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireLibrary(name) as T);
}

/** smol-toml: Cargo.lock, poetry.lock, uv.lock, pdm.lock, pyproject.toml. */
export const toml = lazy<typeof SmolToml>('smol-toml');
/** js-yaml: lockfiles (pnpm, pubspec, …), where its speed on large plain-data documents matters. */
export const jsYaml = lazy<typeof JsYaml>('js-yaml');
/** yaml: SPDX YAML, ORT results, KISSBOM, OSV YAML, model cards (YAML 1.2 core schema, positions). */
export const yaml = lazy<typeof Yaml>('yaml');
/** fast-xml-parser: CycloneDX XML, Maven POMs, .NET project files. */
export const xml = lazy<typeof FastXmlParser>('fast-xml-parser');
