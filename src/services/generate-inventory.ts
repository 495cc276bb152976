/**
 * The inventory of a folder (a repository or an unpacked image) or of one lockfile: the walk finds
 * the files (src/io), each goes through its extractor (src/sbom/generators), and the results merge
 * into one SBOM. A file that cannot be read becomes a warning and the rest is still inventoried.
 */
import { basename } from 'node:path';
import { issue, type DependencyScope, type Issue, type Sbom, type Tool } from '../model/index.js';
import { UnreadableDocumentError } from '../sbom/format.js';
import type { Inventory } from '../sbom/generators/core/extractor.js';
import { mergeInventories } from '../sbom/generators/core/merge-inventories.js';
import { InputError } from '../io/input-error.js';
import { walkProject, type WalkOptions } from '../io/project-walk.js';
import { mayHoldAiDirectories } from '../io/ai-directory-candidates.js';
import { relative, resolve } from 'node:path';
import { ServiceError, serviceErrorOfInput } from './service-error.js';

export interface GenerateInventoryOptions extends WalkOptions {
  /** Name of the primary component; the folder name by default. */
  name?: string;
  version?: string;
  omit?: DependencyScope[];
  tool?: Tool;
}

export interface GeneratedInventory {
  sbom: Sbom;
  issues: Issue[];
  /** Files read, relative to the walked folder, with their extractor id. */
  files: { path: string; extractor: string; packages: number }[];
  /** Files that could not be read (each also an issue). */
  failed: string[];
  /** The texts read, by path: kept as the original documents of an import. */
  originals: Record<string, string>;
}

/** Async only because each extractor's code is loaded when a file it reads is found (ADR 40). */
export async function generateInventory(
  target: string,
  options: GenerateInventoryOptions = {},
): Promise<GeneratedInventory> {
  let walk;
  try {
    walk = walkProject(target, options);
  } catch (err) {
    if (err instanceof InputError) throw serviceErrorOfInput(err);
    throw err;
  }
  const inventories: Inventory[] = [];
  const failures: Issue[] = [...walk.failures];
  const files: GeneratedInventory['files'] = [];
  const originals: Record<string, string> = {};
  for (const found of walk.files) {
    const extract = await found.extractor.load();
    try {
      const inventory = extract(found.input);
      inventories.push(inventory);
      files.push({ path: found.input.path, extractor: found.extractor.id, packages: inventory.components.length });
      originals[found.input.path] = found.input.text;
    } catch (err) {
      if (!(err instanceof UnreadableDocumentError)) throw err;
      failures.push(
        issue('warning', 'unreadable-lockfile', `${err.message}; left out of the inventory`, {
          field: found.input.path,
          ...(err.line && { line: err.line }),
        }),
      );
    }
  }
  for (const { dir, kind, read } of await aiDirectories(resolve(target))) {
    const path = relative(walk.root, dir).split('\\').join('/') || '.';
    const inventory = read(path);
    inventories.push(inventory);
    files.push({
      path,
      extractor: kind === 'model' ? 'model-directory' : 'dataset-directory',
      packages: inventory.components.length + 1,
    });
  }
  if (inventories.length === 0) {
    const reasons = failures.map((f) => f.message).join('\n');
    throw new ServiceError(
      'unreadable-document',
      reasons ||
        `${target}: no supported lockfile or package database found (skipped folders such as node_modules and vendor are searched only with --all)`,
    );
  }
  const { sbom, issues } = mergeInventories(inventories, {
    name: options.name,
    folder: basename(walk.root),
    version: options.version,
    omit: options.omit,
    tool: options.tool,
    failures,
  });
  return { sbom, issues, files, failed: failures.map((f) => f.field ?? ''), originals };
}

/**
 * Model and dataset directories under `root`, each with its reader; the readers' code (weight
 * headers, cards, hashing) is loaded only when a folder may hold one (ADR 40).
 */
async function aiDirectories(
  root: string,
): Promise<{ dir: string; kind: 'model' | 'dataset'; read: (path: string) => Inventory }[]> {
  if (!mayHoldAiDirectories(root)) return [];
  const [io, model, dataset] = await Promise.all([
    import('../io/model-directory.js'),
    import('../ai/model-directory.js'),
    import('../ai/dataset-card.js'),
  ]);
  return io.findAiDirectories(root).map(({ dir, kind }) => ({
    dir,
    kind,
    read: (path: string) =>
      kind === 'model'
        ? model.modelDirectoryInventory(io.readModelDirectory(dir), path)
        : dataset.datasetDirectoryInventory(io.readDatasetDirectory(dir), path),
  }));
}
