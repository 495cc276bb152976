// Reads an npm project folder (lockfile, package.json, installed node_modules manifests) and hands
// plain data to the pure generator in src/sbom/generators/npm.
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { npmLockfileProblem, type NpmProjectInput } from '../sbom/generators/npm/index.js';
import { InputError, type InputErrorCode } from './input-error.js';
import { parseJsonDocument } from '../sbom/json-text.js';
import { UnreadableDocumentError } from '../sbom/format.js';
import { DEFAULT_MAX_INPUT_BYTES, readDocumentFile, formatBytes } from './read-document.js';

/** The project cannot be read: no lockfile, a lockfile that is not JSON or not npm's. One line. */
export class NpmProjectError extends InputError {
  constructor(message: string, code: InputErrorCode = 'unreadable') {
    super(message, code);
    this.name = 'NpmProjectError';
  }
}

// npm itself prefers the shrinkwrap when both exist (it is the one that gets published).
const LOCKFILE_NAMES = ['npm-shrinkwrap.json', 'package-lock.json'];
// A package.json larger than this is not a manifest anyone wrote by hand.
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ReadNpmProjectOptions {
  maxBytes?: number;
}

/**
 * `target` is the project folder, or the lockfile itself. Installed manifests are read lazily, only
 * for the paths the generator asks about, and only inside the project folder.
 */
export async function readNpmProject(target: string, options: ReadNpmProjectOptions = {}): Promise<NpmProjectInput> {
  const { dir, lockfilePath } = locateLockfile(target);
  const lockfileName = basename(lockfilePath);
  const { text } = await readDocumentFile(lockfilePath, { maxBytes: options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES });
  const lockfile = parseJson(text, lockfilePath);
  const problem = npmLockfileProblem(lockfile);
  if (problem) throw new NpmProjectError(`${lockfilePath} is not an npm lockfile: ${problem}`);
  const packageJsonPath = join(dir, 'package.json');
  const packageJsonText = readSmallFile(packageJsonPath);
  const packageJson = packageJsonText === undefined ? undefined : parseJson(packageJsonText, packageJsonPath);
  return {
    lockfileName,
    lockfile,
    packageJson,
    installedManifest: (path) => readInstalledManifest(dir, path),
    installedLicenseText: (path) => readInstalledLicenseText(dir, path),
  };
}

function locateLockfile(target: string): { dir: string; lockfilePath: string } {
  const stats = statOrUndefined(target);
  if (!stats) throw new NpmProjectError(`${target} does not exist`);
  if (stats.isFile()) return { dir: dirname(resolve(target)), lockfilePath: target };
  for (const name of LOCKFILE_NAMES) {
    const path = join(target, name);
    if (statOrUndefined(path)?.isFile()) return { dir: resolve(target), lockfilePath: path };
  }
  throw new NpmProjectError(
    `${target} has no npm lockfile (${LOCKFILE_NAMES.join(' or ')}): run \`npm install --package-lock-only\` first`,
  );
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** JSON.parse with the failure turned into one line naming the file and the line. */
export function parseJson(text: string, label: string): unknown {
  try {
    return parseJsonDocument(text, label);
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw new NpmProjectError(err.message);
    throw err;
  }
}

function readSmallFile(path: string): string | undefined {
  const stats = statOrUndefined(path);
  if (!stats?.isFile()) return undefined;
  if (stats.size > MAX_MANIFEST_BYTES) {
    throw new NpmProjectError(
      `${path} is ${formatBytes(stats.size)}, over the ${formatBytes(MAX_MANIFEST_BYTES)} limit for a package.json`,
      'too-large',
    );
  }
  return readFileSync(path, 'utf8');
}

// Licence files are short; a bigger one is not read for copyright lines.
const MAX_LICENSE_FILE_BYTES = 1024 * 1024;
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

/**
 * The text of the installed package's licence file (LICENSE, LICENCE.md, COPYING…), or undefined;
 * like manifests, only inside the project folder and never a link out of it.
 */
function readInstalledLicenseText(dir: string, path: string): string | undefined {
  const folder = resolve(dir, path);
  const inside = relative(dir, folder);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  try {
    const names = readdirSync(folder)
      .filter((n) => LICENSE_FILE.test(n))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const name of names) {
      const file = join(folder, name);
      const stats = lstatSync(file);
      if (!stats.isFile() || stats.size > MAX_LICENSE_FILE_BYTES) continue;
      return readFileSync(file, 'utf8');
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The installed `<dir>/<path>/package.json`, or undefined when absent, unreadable or not JSON (an
 * installed package we cannot read is treated as not installed; the lockfile still lists it). Paths
 * come from the lockfile, which is untrusted: nothing outside the project folder is read.
 */
function readInstalledManifest(dir: string, path: string): unknown {
  const file = resolve(dir, path, 'package.json');
  const inside = relative(dir, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return undefined;
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
