// Finds every lockfile and package database under a folder (a repository or an unpacked image) and
// reads them for the pure extractors of src/sbom/generators. Symbolic links are not followed, and a
// companion file is only read when it lies inside the walked folder.
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';
import { issue, type Issue } from '../model/index.js';
import type { Extractor, LockfileInput } from '../sbom/generators/core/extractor.js';
import { extractorFor } from '../sbom/generators/table.js';
import { InputError } from './input-error.js';
import { bytesToText, formatBytes } from './read-document.js';
import { readRpmDatabase } from './rpm-database.js';

/** Folders of installed or generated code, skipped unless `all` is asked: they hold copies, not the project. */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'build',
  'dist',
  'out',
  'target',
  'Pods',
  'Carthage',
  '.git',
  '.hg',
  '.svn',
  '.yarn',
  '.pnpm-store',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pycache__',
  '.gradle',
  '.m2',
  '.idea',
  '.vscode',
  '.next',
  '.nuxt',
  '.dart_tool',
  '_build',
  'deps',
  '.build',
]);
// In an unpacked image these are the system's own trees: never skipped.
const ROOTFS_KEEP = /^(var\/lib\/dpkg|lib\/apk\/db|var\/lib\/rpm|usr\/lib\/sysimage\/rpm)(\/|$)/;

// `ignore` is required when the walk meets its first .gitignore, not at start-up: loading it costs
// a process about 6 ms of CPU (a CommonJS package reached from ESM), wasted on a folder without one.
const requirePackage = createRequire(import.meta.url);
let ignoreFactory: (() => Ignore) | undefined;
const newIgnore = (): Ignore => (ignoreFactory ??= requirePackage('ignore') as () => Ignore)();

const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;
const MAX_FILES = 10_000;

export interface WalkOptions {
  /** Also look inside node_modules, vendor, build output and the other skipped folders. */
  all?: boolean;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  maxBytes?: number;
}

export interface FoundFile {
  extractor: Extractor;
  input: LockfileInput;
  bytes: number;
}

export interface WalkResult {
  /** The walked folder (absolute). */
  root: string;
  files: FoundFile[];
  /** Files found but not readable (too large, binary): they make the inventory incomplete. */
  failures: Issue[];
}

/** `target` is a folder, or one supported file. */
export function walkProject(target: string, options: WalkOptions = {}): WalkResult {
  const full = resolve(target);
  const stats = statOrUndefined(full);
  if (!stats) throw new InputError(`${target} does not exist`);
  const maxBytes = options.maxBytes ?? MAX_LOCKFILE_BYTES;
  if (stats.isFile()) {
    const name = basename(full);
    const extractor = extractorFor(name);
    if (!extractor)
      throw new InputError(
        unreadLockfileAdvice(name, target) ??
          `${target} is not a lockfile or package database Vigie reads (see \`vigie sbom generate --help\`)`,
      );
    const root = dirname(full);
    const failures: Issue[] = [];
    const found = readFound(root, name, extractor, maxBytes, failures, relatedReader(root));
    if (!found) throw new InputError(failures[0]?.message ?? `${target} cannot be read`);
    return { root, files: [found], failures };
  }
  if (!stats.isDirectory()) throw new InputError(`${target} is neither a folder nor a file`);
  const candidates: [string, Extractor][] = [];
  const unread: Issue[] = [];
  const visit = (dir: string, rel: string, ignores: [string, Ignore][]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    let scoped = ignores;
    if (options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const text = readSmall(join(dir, '.gitignore'));
      if (text !== undefined) scoped = [...ignores, [rel, newIgnore().add(text)]];
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) continue;
      const isDir = entry.isDirectory();
      if (isIgnored(scoped, path, isDir)) continue;
      if (isDir) {
        if (!options.all && SKIPPED_FOLDERS.has(entry.name) && !ROOTFS_KEEP.test(path)) continue;
        visit(join(dir, entry.name), path, scoped);
      } else if (entry.isFile()) {
        const extractor = extractorFor(path);
        if (extractor) candidates.push([path, extractor]);
        else {
          // A lockfile Vigie knows but cannot read leaves the inventory incomplete: said, with the way out.
          const advice = unreadLockfileAdvice(entry.name, path, entries);
          if (advice) unread.push(issue('warning', 'unreadable-lockfile', advice, { field: path }));
        }
        if (candidates.length > MAX_FILES)
          throw new InputError(`${target} holds more than ${MAX_FILES} lockfiles; walk a smaller folder`);
      }
    }
  };
  visit(full, '', []);
  const present = new Set(candidates.map(([p]) => p));
  const failures: Issue[] = [...unread];
  const files: FoundFile[] = [];
  const related = relatedReader(full);
  for (const [path, extractor] of candidates) {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    // go.sum gives way to go.mod, package-lock.json to npm-shrinkwrap.json, … in the same folder.
    if (extractor.yieldsTo?.some((name) => !path.endsWith(`/${name}`) && path !== name && present.has(folder + name)))
      continue;
    const found = readFound(full, path, extractor, maxBytes, failures, related);
    if (found) files.push(found);
  }
  return { root: full, files, failures };
}

/**
 * Why a lockfile Vigie knows is not read, and what to do instead, or undefined for any other file.
 * bun.lockb is bun's binary lockfile (before bun 1.2): its layout is bun's internal one and changes
 * between releases. A bun.lock beside it is read instead, so it is mentioned only when alone.
 */
function unreadLockfileAdvice(name: string, shown: string, siblings?: Dirent[]): string | undefined {
  if (name !== 'bun.lockb') return undefined;
  if (siblings?.some((e) => e.name === 'bun.lock')) return undefined;
  return (
    `${shown} is bun's binary lockfile, which Vigie does not read. ` +
    'Write the text lockfile beside it with `bun install --save-text-lockfile` (bun 1.1.39 or later; bun 1.2 writes bun.lock by default) and generate again'
  );
}

function readFound(
  root: string,
  path: string,
  extractor: Extractor,
  maxBytes: number,
  failures: Issue[],
  related: (file: string) => string | undefined,
): FoundFile | undefined {
  const file = join(root, path);
  const size = statOrUndefined(file)?.size ?? 0;
  if (size > maxBytes) {
    failures.push(
      issue(
        'warning',
        'lockfile-too-large',
        `${path} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; left out`,
        { field: path },
      ),
    );
    return undefined;
  }
  const folder = dirname(file);
  // A plain relative path (`node_modules/a/package.json`) joins without path.resolve: a lockfile
  // without its installed tree asks for thousands of them.
  const readRelated = (relativePath: string) =>
    related(
      sep === '/' && isPlainRelative(relativePath) ? `${folder}${sep}${relativePath}` : resolve(folder, relativePath),
    );
  const listRelated = (relativeFolder: string) => subfolders(resolve(folder, relativeFolder), root);
  try {
    if (extractor.reads === 'rpmdb')
      return { extractor, input: { path, text: '', records: readRpmDatabase(file), readRelated }, bytes: size };
    return {
      extractor,
      input: { path, text: bytesToText(readFileSync(file), path), readRelated, listRelated },
      bytes: size,
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    failures.push(issue('warning', 'unreadable-lockfile', `${err.message}; left out`, { field: path }));
    return undefined;
  }
}

/**
 * Reads companion files (package.json, go.sum, a parent pom.xml) for one walk, each once: undefined
 * when absent, too large, binary or outside the walked folder.
 */
function relatedReader(root: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const folderExists = folderExistence(root);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (file) => {
    // `file` is absolute and normalised: inside the root means under `<root>/`.
    if (!file.startsWith(prefix) || !folderExists(parentOf(file, root))) return undefined;
    const known = cache.get(file);
    if (known !== undefined || cache.has(file)) return known;
    const text = readSmall(file);
    cache.set(file, text);
    return text;
  };
}

/** The folder holding `path` (absolute, normalised, under `root`), no higher than `root`. */
function parentOf(path: string, root: string): string {
  const i = path.lastIndexOf(sep);
  return i < root.length ? root : path.slice(0, i);
}

/** Relative, with no `.`/`..`/empty segment and no other separator: joining it needs no normalising. */
function isPlainRelative(path: string): boolean {
  return path !== '' && !PLAIN_UNSAFE.test(path);
}
const PLAIN_UNSAFE = /\\|^\/|\/\/|\/$|(^|\/)\.\.?(\/|$)|^[a-zA-Z]:/;

/**
 * Whether a folder under the walk's root exists, asked once per folder: a lockfile without its
 * installed tree names thousands of `node_modules/<name>/package.json` that one missing
 * `node_modules` answers for (no stat per package). Links to folders count (pnpm's layout).
 */
function folderExistence(root: string): (folder: string) => boolean {
  const known = new Map<string, boolean>([[root, true]]);
  const exists = (folder: string): boolean => {
    const seen = known.get(folder);
    if (seen !== undefined) return seen;
    const parent = parentOf(folder, root);
    let answer = parent === folder || exists(parent);
    if (answer) {
      try {
        answer = statSync(folder).isDirectory();
      } catch {
        answer = false;
      }
    }
    known.set(folder, answer);
    return answer;
  };
  return exists;
}

/** Sub-folder names of `folder` when it lies inside the walked `root` (symbolic links not followed). */
function subfolders(folder: string, root: string): string[] {
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (folder !== root && !folder.startsWith(prefix)) return [];
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function readSmall(file: string): string | undefined {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile() || stats.size > 64 * 1024 * 1024) return undefined;
    return bytesToText(readFileSync(file), file);
  } catch {
    return undefined;
  }
}

function isIgnored(ignores: [string, Ignore][], path: string, isDir: boolean): boolean {
  for (const [base, ig] of ignores) {
    const rel = base ? path.slice(base.length + 1) : path;
    if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
