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
  /**
   * The text of the licence file (LICENSE, LICENCE, COPYING…) installed at a lockfile package path,
   * or undefined; its copyright lines become the component's copyright when nothing else gives one.
   */
  installedLicenseText?: (path: string) => string | undefined;
  /** The tool to record in metadata.tools (defaults to Vigie without a version). */
  tool?: Tool;
}
