export { generateNpmSbom, NPM_LOCKFILE_FORMAT_ID, type NpmSbomResult } from './generate-npm-sbom.js';
export type { NpmProjectInput } from './npm-project-input.js';
export { npmLockfileProblem } from './read-lock-tree.js';
export { npmPurl } from './npm-purl.js';
