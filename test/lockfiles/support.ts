// Runs an extractor on a corpus file the way the walk would: the file's text, companions read from
// its own folder (never outside the corpora).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import assert from 'node:assert/strict';
import { corpus } from '../support/corpora.js';
import type { Extractor, Inventory } from '../../src/sbom/generators/core/extractor.js';
import { extractorById } from '../../src/sbom/generators/table.js';
import type { Component } from '../../src/model/index.js';

export async function extractFile(extractorId: string, file: string): Promise<Inventory> {
  return (await readerOf(extractorId))(file);
}

/** A synchronous reader of corpus files for one extractor, its code loaded first (ADR 40). */
export async function readerOf(extractorId: string): Promise<(file: string) => Inventory> {
  const extractor: Extractor | undefined = extractorById(extractorId);
  assert.ok(extractor, `extractor ${extractorId}`);
  const extract = await extractor.load();
  const root = corpus('lockfiles');
  return (file) => {
    const dir = dirname(file);
    return extract({
      path: relative(root, file),
      text: readFileSync(file, 'utf8'),
      readRelated: (p) => {
        const f = join(dir, p);
        return f.startsWith(root) && existsSync(f) ? readFileSync(f, 'utf8') : undefined;
      },
    });
  };
}

/** `name@version` of every component, with the npm scope or Maven group in front. */
export function nameVersions(inventory: Pick<Inventory, 'components'>): string[] {
  return inventory.components.map(label).sort();
}

export function label(c: Component): string {
  // npm scopes are groups with their `@` (issue 13 item 2), so every group joins the same way.
  const name = c.group ? `${c.group}/${c.name}` : c.name;
  return `${name}@${c.version ?? ''}`;
}

/** Structural checks every inventory must pass: unique refs, edges between known refs, canonical purls. */
export function assertWellFormed(inventory: Inventory, what: string): void {
  const refs = new Set([inventory.project.ref, ...inventory.components.map((c) => c.ref)]);
  assert.equal(refs.size, inventory.components.length + 1, `${what}: refs are unique`);
  for (const d of inventory.dependencies) {
    assert.ok(refs.has(d.ref), `${what}: edge from unknown ${d.ref}`);
    for (const r of d.dependsOn) assert.ok(refs.has(r), `${what}: ${d.ref} -> unknown ${r}`);
  }
  const purls = inventory.components.map((c) => c.purl).filter(Boolean);
  assert.equal(new Set(purls).size, purls.length, `${what}: one component per purl`);
  for (const c of inventory.components) {
    assert.ok(c.name, `${what}: a component without a name`);
    if (c.purl) assert.ok(c.version, `${what}: ${c.purl} has a purl but no version`);
  }
}

const ORT_TYPE: Record<string, string> = {
  npm: 'NPM',
  cargo: 'Crate',
  golang: 'Go',
  pypi: 'PyPI',
  composer: 'Composer',
  gem: 'Gem',
  pub: 'Pub',
  hex: 'Hex',
  cocoapods: 'Pod',
  swift: 'Swift',
  conan: 'Conan',
};

/** ORT's id of a component: `Type:namespace:name:version` (Go and Swift: the whole path as name; Go without `v`). */
export function ortId(c: Component): string | undefined {
  const type = c.purl && /^pkg:([^/]+)\//.exec(c.purl)?.[1];
  if (!type || !ORT_TYPE[type]) return undefined;
  if (type === 'golang') return `Go::${c.group}/${c.name}:${(c.version ?? '').replace(/^v/, '')}`;
  if (type === 'swift') return `Swift::${c.group}/${c.name}:${c.version}`;
  if (type === 'npm') return `NPM:${c.group ?? ''}:${c.name}:${c.version}`;
  return `${ORT_TYPE[type]}:${c.group ?? ''}:${c.name}:${c.version}`;
}
