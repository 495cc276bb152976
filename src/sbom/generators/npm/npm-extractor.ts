import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { LockfileError } from '../core/lockfile-error.js';
import { parseJsonFile } from '../core/parse-text.js';
import { generateNpmSbom } from './generate-npm-sbom.js';
import { npmLockfileProblem } from './read-lock-tree.js';

/** package-lock.json v1–v3 and npm-shrinkwrap.json, through the npm generator. */
export const extract: ExtractFn = extractNpm;

function extractNpm(input: LockfileInput): Inventory {
  const lockfile = parseJsonFile(input.path, input.text);
  const problem = npmLockfileProblem(lockfile);
  if (problem) throw new LockfileError(input.path, `not an npm lockfile: ${problem}`, 1);
  const related = (p: string) => {
    const text = input.readRelated?.(p);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  const name = input.path.slice(input.path.lastIndexOf('/') + 1);
  const { sbom, issues } = generateNpmSbom({
    lockfileName: name,
    lockfile,
    packageJson: related('package.json'),
    installedManifest: (path) => related(`${path}/package.json`),
  });
  const root = sbom.metadata.component!;
  const projectRef = `project:${input.path}`;
  // npm's refs are purls, `npm-local:<path>` and the root's: make the file-local ones unique in a walk.
  const local = (ref: string) =>
    ref === root.ref ? projectRef : ref.startsWith('pkg:') ? ref : `npm:${input.path}#${ref}`;
  // The SBOM was built for this call alone: its components and edges are re-labelled in place.
  const { components, dependencies } = sbom;
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    c.ref = local(c.ref);
    if (c.evidence) c.evidence.unshift(input.path);
    else c.evidence = [input.path];
  }
  for (let i = 0; i < dependencies.length; i++) {
    const d = dependencies[i]!;
    d.ref = local(d.ref);
    const to = d.dependsOn;
    for (let j = 0; j < to.length; j++) to[j] = local(to[j]!);
  }
  return {
    ecosystem: 'npm',
    project: { ...root, ref: projectRef, evidence: [input.path] },
    components: sbom.components,
    dependencies: sbom.dependencies,
    completeness: sbom.dependencyCompleteness,
    issues: issues.map((i) => ({ ...i, message: `${input.path}: ${i.message}` })),
  };
}
