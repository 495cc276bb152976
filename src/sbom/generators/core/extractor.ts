import type { Completeness, Component, Dependency, Issue, LineageEdge } from '../../../model/index.js';

/** One supported file, as the walk (src/io) hands it over: the pure extractors never read the disk. */
export interface LockfileInput {
  /** Path relative to the walked folder (`services/api/poetry.lock`): named in messages and evidence. */
  path: string;
  text: string;
  /**
   * Reads a companion file relative to this file's folder (`package.json`, `go.sum`, `../pom.xml`,
   * `../../../etc/os-release`), or undefined when it is absent or outside the walked folder.
   */
  readRelated?: (relativePath: string) => string | undefined;
  /**
   * The names of the sub-folders of a folder relative to this file's folder (yarn workspaces'
   * `packages/*`), or [] when absent or outside the walked folder.
   */
  listRelated?: (relativeFolder: string) => string[];
  /** Rows of a package database the adapter opened (RPM header blobs of rpmdb.sqlite). */
  records?: Uint8Array[];
}

/** What one file says: the project it belongs to, its packages and, where the file has it, the graph. */
export interface Inventory {
  /** purl type of the packages (`npm`, `pypi`, `golang`, `deb`, …). */
  ecosystem: string;
  /** The project (or image) the file describes; its ref is the graph's root. */
  project: Component;
  components: Component[];
  /** Edges, the project's direct dependencies included. */
  dependencies: Dependency[];
  /**
   * `complete`: every edge of the resolved graph is here; `incomplete`: some are missing (a file that
   * records only direct dependencies, or none); said per file, then summarised per SBOM.
   */
  completeness: Completeness;
  /** Problems found while reading (unpinned requirements, unresolved properties, dangling edges). */
  issues: Issue[];
  /** AI lineage (a model directory: trained-on datasets, base model). */
  lineage?: LineageEdge[];
}

/** Reads one file; throws LockfileError when the file cannot be read at all, everything else becomes an Issue. */
export type ExtractFn = (input: LockfileInput) => Inventory;

/**
 * An extractor, keyed in the one table (`./table.ts`) by file name (a path suffix) and, where a name
 * is shared by several formats, by a cheap look at the content. The table holds these fields; the
 * code that reads the file is loaded on first use (ADR 40).
 */
export interface Extractor {
  /** Stable id, also recorded as the component evidence kind (`yarn-lock`, `poetry-lock`). */
  id: string;
  /** Human name for messages and docs (`yarn.lock`, `Cargo.lock`). */
  label: string;
  ecosystem: string;
  /** Does this file name (or path, `/`-separated, relative to the walk) belong to this extractor? */
  matches(path: string): boolean;
  /** Content check for names several formats share; true when absent. */
  accepts?(text: string): boolean;
  /** Sibling file names that, when present, are read by another extractor of the same project instead. */
  yieldsTo?: string[];
  /** What the adapter must hand over: the text (default) or the rows of an RPM database. */
  reads?: 'text' | 'rpmdb';
  /** Loads the extractor's code (once per process) and gives its reading function. */
  load(): Promise<ExtractFn>;
}
