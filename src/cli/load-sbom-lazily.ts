import type { LoadedSbom, LoadOptions } from './load-sbom.js';

/**
 * loadSbom with its module loaded on the first call. That module brings the whole reading stack
 * (every format's identification, gzip, attestations, the streamed reader); the `sbom` command group
 * registers the subcommands that read a document beside `sbom generate`, which reads none, and a
 * static import made every one of them load it (ADR 69).
 */
export async function loadSbom(path: string, cwd: string, options?: LoadOptions): Promise<LoadedSbom> {
  const { loadSbom: load } = await import('./load-sbom.js');
  return load(path, cwd, options);
}
