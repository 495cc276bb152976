import type { Tool } from '../../../model/index.js';

/**
 * Everything the npm generator needs, already read from disk by the caller (src/io/npm-project.ts),
 * so that the generator itself stays free of I/O.
 */
export interface NpmProjectInput {
  /** `package-lock.json` or `npm-shrinkwrap.json`: named in messages and in the SBOM source. */
  lockfileName: string;
  /** The parsed lockfile (any lockfileVersion: 1, 2 or 3). */
  lockfile: unknown;
  /** The parsed root package.json, when there is one. */
  packageJson?: unknown;
  /**
   * The parsed `<path>/package.json` for a lockfile package path (`node_modules/a`, `packages/b`),
   * or undefined when that package is not installed. Called at most once per path, lazily.
   */
  installedManifest?: (path: string) => unknown;
  /** The tool to record in metadata.tools (defaults to Vigie without a version). */
  tool?: Tool;
}
