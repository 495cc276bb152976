import type { DependencyScope, Property } from '../../../model/index.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder, type PackageSpec } from '../core/inventory-builder.js';
import { normalizePythonName, pypiPackage } from './python-common.js';

/**
 * pip requirements files: only exact pins (`==`, `===`) become packages; a line without an exact
 * version is reported, never given an invented version. `-r` includes are followed (once each),
 * `--hash` values, extras and environment markers are kept as properties. No graph.
 */
export const extract: ExtractFn = extractRequirements;

interface LogicalLine {
  text: string;
  line: number;
}

/** Joins backslash continuations and drops comments (a `#` at the start or after whitespace). */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let buffer = '';
  let start = 0;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!.replace(/\r$/, '');
    if (buffer === '') start = i + 1;
    const comment = /(^|\s)#/.exec(line);
    if (comment) line = line.slice(0, comment.index);
    if (line.endsWith('\\')) {
      buffer += line.slice(0, -1) + ' ';
      continue;
    }
    buffer += line;
    if (buffer.trim() !== '') out.push({ text: buffer.trim(), line: start });
    buffer = '';
  }
  if (buffer.trim() !== '') out.push({ text: buffer.trim(), line: start });
  return out;
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/;

function extractRequirements(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('pypi', 'Python', input.path);
  const base = input.path.includes('/') ? input.path.slice(0, input.path.lastIndexOf('/') + 1) : '';
  const scope: DependencyScope = /(^|[-_./])(dev|test|tests|lint|docs)([-_.]|$)/i.test(input.path.slice(base.length))
    ? 'dev'
    : 'prod';
  const seen = new Set<string>([input.path]);
  // pip installs an unpinned requirement at the version a constraints file (`-c`) pins it to.
  const pinnedBy = new Map<string, { version: string; file: string }>();
  const read = (relative: string, label: string, text: string) => {
    const lines = logicalLines(text);
    for (const { text: line } of lines) {
      const constraints = /^(-c|--constraint)(?:\s+|=)(\S+)/.exec(line);
      const target = constraints && joinPath(relative, constraints[2]!);
      const content = target ? input.readRelated?.(target) : undefined;
      if (content !== undefined)
        for (const { text: pinLine } of logicalLines(content)) {
          const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([^\s,;*$]+)\s*(;.*)?$/.exec(pinLine);
          const name = m && normalizePythonName(m[1]!);
          if (name && !pinnedBy.has(name)) pinnedBy.set(name, { version: m[2]!, file: constraints![2]! });
        }
    }
    for (const { text: line, line: number } of lines) {
      // Lines of an included file are named by that file; the builder names the top file and line itself.
      const top = label === input.path;
      const where = top ? { line: number } : {};
      const at = top ? '' : `${label}:${number}: `;
      const include = /^(-r|--requirement)(?:\s+|=)(\S+)/.exec(line);
      if (include) {
        const target = joinPath(relative, include[2]!);
        if (seen.has(base + target)) continue;
        seen.add(base + target);
        const included = input.readRelated?.(target);
        if (included === undefined)
          builder.report('warning', 'missing-include', `${at}included file ${include[2]} cannot be read`, where);
        else read(target.includes('/') ? target.slice(0, target.lastIndexOf('/') + 1) : '', include[2]!, included);
        continue;
      }
      if (/^(-e|--editable)\b/.test(line)) {
        builder.report(
          'info',
          'editable-requirement',
          `${at}editable requirement "${line}" is a local or VCS checkout; left out`,
          where,
        );
        continue;
      }
      // Global options (-c constraints, index URLs, binary policies) name no package.
      if (line.startsWith('-')) continue;
      const [spec, ...options] = line.split(/\s+(?=--?[A-Za-z])/);
      const [requirement, marker] = splitMarker(spec!);
      const m = REQUIREMENT.exec(requirement.trim());
      if (!m || (m[3]!.trim() !== '' && !/^(===?|[<>!~]=?|@)/.test(m[3]!.trim()))) {
        builder.report('warning', 'unparsable-requirement', `${at}"${line.slice(0, 80)}" is not a requirement`, where);
        continue;
      }
      const [, name, extras, constraint] = m as unknown as [string, string, string | undefined, string];
      const exact = /^===?\s*([^\s,;*]+)$/.exec(constraint.trim())?.[1];
      const constrained =
        exact === undefined && !constraint.trim().startsWith('@') ? pinnedBy.get(normalizePythonName(name)) : undefined;
      // A direct reference to a wheel or an sdist (`name @ https://…/name-1.2.0-py3-none-any.whl`) pins
      // that one file, whose name carries the version.
      const url = /^@\s*(\S+)$/.exec(constraint.trim())?.[1];
      const fromFile = url ? versionOfArtifact(url, name) : undefined;
      const version = exact ?? constrained?.version ?? fromFile;
      if (!version || version.includes('$')) {
        builder.report(
          'warning',
          'unpinned-requirement',
          `${at}${name}${constraint ? ` ${constraint.trim()}` : ''} is not pinned to one version; left out`,
          where,
        );
        continue;
      }
      const properties: Property[] = [];
      const hashes =
        options
          .join(' ')
          .match(/--hash[=\s]\S+/g)
          ?.map((h) => h.replace(/^--hash[=\s]/, '')) ?? [];
      if (hashes.length) properties.push({ name: 'vigie:python:artifact-hashes', value: hashes.join(' ') });
      if (extras?.trim())
        properties.push({
          name: 'vigie:python:extras',
          value: extras
            .split(',')
            .map((e) => e.trim())
            .filter(Boolean)
            .join(','),
        });
      if (marker) properties.push({ name: 'vigie:python:markers', value: marker });
      if (label !== input.path) properties.push({ name: 'vigie:python:requirements-file', value: label });
      if (constrained) properties.push({ name: 'vigie:python:pinned-by', value: constrained.file });
      builder.add(fromDirectFile(pypiPackage(name, version, { scope, properties }), fromFile && url));
      builder.direct(normalizePythonName(name), scope);
    }
  };
  read('', input.path, input.text);
  return builder.build({}, 'incomplete');
}

/** A package installed from one file's URL: not from an index, so its purl says which file (unless on PyPI's own host). */
function fromDirectFile(pkg: PackageSpec, url: string | undefined): PackageSpec {
  if (!url || !pkg.purl || /^https:\/\/files\.pythonhosted\.org\//.test(url)) return pkg;
  return { ...pkg, purl: { ...pkg.purl, qualifiers: { download_url: url } } };
}

/**
 * The version in the file name of a wheel (`dist-1.2.0(-build)-py3-none-any.whl`) or an sdist
 * (`dist-1.2.0.tar.gz`, `.zip`) at this URL, when the distribution is the one the line names.
 */
function versionOfArtifact(url: string, name: string): string | undefined {
  let file: string;
  try {
    file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return undefined;
  }
  const m =
    /^([A-Za-z0-9][A-Za-z0-9._]*?)-(\d[^-]*?)(?:-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file) ??
    /^([A-Za-z0-9][A-Za-z0-9._-]*?)-(\d[A-Za-z0-9.+!_]*?)\.(?:tar\.gz|tar\.bz2|zip)$/.exec(file);
  return m && normalizePythonName(m[1]!) === normalizePythonName(name) ? m[2] : undefined;
}

function splitMarker(spec: string): [string, string | undefined] {
  const semi = spec.indexOf(';');
  return semi < 0 ? [spec, undefined] : [spec.slice(0, semi), spec.slice(semi + 1).trim() || undefined];
}

function joinPath(folder: string, relative: string): string {
  const parts = folder ? folder.replace(/\/$/, '').split('/') : [];
  for (const seg of relative.split('/')) {
    if (seg === '..') {
      if (parts.length) parts.pop();
      else parts.push('..');
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
