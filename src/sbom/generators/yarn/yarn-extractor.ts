import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, isObject, objectOr, parseYamlFile, str, type Obj } from '../core/parse-text.js';
import { declaredEdges } from '../npm/declared-edges.js';
import {
  directFromManifest,
  KIND_SCOPE,
  npmPackage,
  projectOfManifest,
  siblingManifest,
  sourceReference,
} from '../npm/js-project.js';
import { parseYarnV1 } from './parse-yarn-v1.js';

/** yarn.lock: the classic v1 syntax and Berry's (yarn 2+) YAML, told apart by `__metadata`. */
export const extract: ExtractFn = (input) =>
  /^__metadata:/m.test(input.text) ? extractBerry(input) : extractV1(input);

interface Entry {
  key: string;
  descriptors: string[];
  name: string;
  version?: string;
  local: boolean;
  deps: [string, string, boolean][];
  /** The folder of a Berry workspace (`packages/lib`), whose package.json tells its dev dependencies. */
  workspace?: string;
}

/** The package a descriptor names: `alias@npm:real@range` names `real`. */
function descriptorName(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  const name = at < 0 ? descriptor : descriptor.slice(0, at);
  const range = at < 0 ? '' : descriptor.slice(at + 1);
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)@/.exec(range);
  return { name: alias ? alias[1]! : name, range };
}

const LOCAL = /^(file|link|portal|workspace|exec):/;

function extractV1(input: LockfileInput): Inventory {
  const builder = new InventoryBuilder('npm', 'JavaScript', input.path);
  const entries: Entry[] = [];
  for (const e of parseYarnV1(input.path, input.text)) {
    const { name, range } = descriptorName(e.descriptors[0]!);
    const version = e.fields.version;
    if (!version) {
      builder.report('warning', 'missing-version', `${e.descriptors[0]} has no version and is left out`, {
        line: e.line,
      });
      continue;
    }
    const local = LOCAL.test(range) || e.descriptors.some((d) => LOCAL.test(descriptorName(d).range));
    const deps: [string, string, boolean][] = [];
    for (const [field, map] of Object.entries(e.maps)) {
      if (field !== 'dependencies' && field !== 'optionalDependencies') continue;
      for (const [dep, spec] of Object.entries(map)) deps.push([dep, spec, field === 'optionalDependencies']);
    }
    entries.push({
      key: local ? `local:${e.descriptors[0]}` : `${name}@${version}`,
      descriptors: e.descriptors,
      name,
      version,
      local,
      deps,
    });
    builder.add(
      npmPackage(local ? `local:${e.descriptors[0]}` : `${name}@${version}`, name, version, {
        integrity: e.fields.integrity,
        local,
        externalReferences: sourceReference(e.fields.resolved),
      }),
    );
  }
  return finish(input, builder, entries, (dep, spec) => `${dep}@${spec}`);
}

function extractBerry(input: LockfileInput): Inventory {
  const doc = parseYamlFile(input.path, input.text);
  if (!isObject(doc)) throw new LockfileError(input.path, 'not a yarn lockfile: the top level is not a mapping', 1);
  const version = Number(objectOr(doc.__metadata).version);
  if (!Number.isInteger(version) || version < 3 || version > 8) {
    throw new LockfileError(
      input.path,
      `yarn lockfile __metadata.version ${String(objectOr(doc.__metadata).version)} is not one this reader knows (4–8)`,
      lineOfMatch(input.text, /^\s+version:/m),
    );
  }
  const builder = new InventoryBuilder('npm', 'JavaScript', input.path);
  const entries: Entry[] = [];
  let rootWorkspace: Entry | undefined;
  for (const [descriptorList, value] of Object.entries(doc)) {
    if (descriptorList === '__metadata' || !isObject(value)) continue;
    const descriptors = descriptorList.split(/,\s*/);
    const resolution = str(value.resolution) ?? descriptors[0]!;
    const { name, range } = descriptorName(resolution);
    const v = str(value.version);
    const workspace = range.startsWith('workspace:');
    const local =
      workspace ||
      LOCAL.test(range) ||
      // A patch is local when what it patches is (`patch:lib@workspace%3A…#…`); its `locator=` parameter
      // names the workspace that declares the patch file, not the package.
      (range.startsWith('patch:') && /@(file|link|portal|workspace):/.test(decodeURIComponent(range.split('#')[0]!)));
    const deps: [string, string, boolean][] = [];
    const optional = objectOr(value.dependenciesMeta);
    for (const [dep, spec] of Object.entries(objectOr(value.dependencies))) {
      deps.push([dep, String(spec), objectOr(optional[dep]).optional === true]);
    }
    const key = local ? `local:${resolution}` : `${name}@${v ?? range}`;
    const entry: Entry = {
      key,
      descriptors,
      name,
      version: v,
      local,
      deps,
      ...(workspace && { workspace: range.slice('workspace:'.length) }),
    };
    if (workspace && range === 'workspace:.') {
      rootWorkspace = entry;
      continue;
    }
    entries.push(entry);
    // A workspace's lockfile version is `0.0.0-use.local`: its package.json has the real one.
    const member =
      entry.workspace !== undefined ? siblingManifest(input, `${entry.workspace}/package.json`) : undefined;
    const memberVersion = typeof member?.version === 'string' ? member.version : undefined;
    builder.add(
      npmPackage(key, name, memberVersion ?? v, {
        local,
        ...(typeof member?.license === 'string' && { license: member.license }),
        // Berry's checksum is its own hash of the zip archive, not of the registry tarball.
        properties: value.checksum ? [{ name: 'vigie:yarn:checksum', value: String(value.checksum) }] : [],
        externalReferences: /^(https?:|git)/.test(range) ? sourceReference(range) : [],
      }),
    );
  }
  return finish(
    input,
    builder,
    entries,
    (dep, spec) => `${dep}@${spec.includes(':') ? spec : `npm:${spec}`}`,
    rootWorkspace,
    true,
  );
}

/** Edges by descriptor, then the project's direct dependencies (package.json, else what no one requires). */
function finish(
  input: LockfileInput,
  builder: InventoryBuilder,
  entries: Entry[],
  descriptorOf: (dep: string, spec: string) => string,
  rootWorkspace?: Entry,
  onlyByName = false,
): Inventory {
  const keyOf = new Map<string, string>();
  for (const e of entries) for (const d of e.descriptors) keyOf.set(d, e.key);
  if (rootWorkspace) for (const d of rootWorkspace.descriptors) keyOf.set(d, rootWorkspace.key);
  // Berry binds a relative descriptor (portal:, link:, file:, a patch file) to the workspace that
  // declares it: `thing@portal:./vendor/thing::locator=app%40workspace%3A.`, while the manifest and
  // the dependency lists say `portal:./vendor/thing`. The unbound form names it too, when unambiguous.
  for (const [d, key] of [...keyOf]) {
    const unbound = d.replace(/::locator=[^,]*$/, '');
    if (unbound !== d && !keyOf.has(unbound)) keyOf.set(unbound, key);
  }
  // A `resolutions` entry of the root package.json (Berry) keys the package by what it was resolved
  // to (`ink@patch:ink@npm%3A3.0.8#…`) while the packages that depend on it still say `ink: npm:^3.0.8`.
  // When every locked entry of that name is the one package, that is the one it resolves to.
  const onlyKeyOf = new Map<string, string | null>();
  for (const e of entries) {
    if (e.local) continue;
    const seen = onlyKeyOf.get(e.name);
    onlyKeyOf.set(e.name, seen === undefined || seen === e.key ? e.key : null);
  }
  const byName = (dep: string, spec: string) => {
    // Only a plain registry range of that very name (not an alias `npm:other@…`, a URL or a path).
    const range = spec.startsWith('npm:') ? spec.slice(4) : spec.includes(':') ? '@' : spec;
    return onlyByName && !range.includes('@') ? (onlyKeyOf.get(dep) ?? undefined) : undefined;
  };
  const resolve = (dep: string, spec: string) =>
    keyOf.get(descriptorOf(dep, spec)) ?? keyOf.get(`${dep}@${spec}`) ?? byName(dep, spec);
  let dangling = false;
  const required = new Set<string>();
  for (const e of entries) {
    // Berry lists a workspace's devDependencies among its dependencies: its package.json tells them apart.
    const devOnly = e.workspace ? devOnlyNames(siblingManifest(input, `${e.workspace}/package.json`)) : new Set();
    for (const [dep, spec, optional] of e.deps) {
      const target = resolve(dep, spec);
      if (target) {
        builder.edge(e.key, target, devOnly.has(dep) ? 'dev' : undefined);
        required.add(target);
      } else if (!optional) {
        dangling = true;
        builder.report(
          'warning',
          'unresolved-dependency',
          `${e.name}@${e.version ?? '?'} depends on ${dep}@${spec}, which the lockfile does not resolve`,
        );
      }
    }
  }
  const manifest = siblingManifest(input);
  if (!rootWorkspace && addClassicWorkspaces(input, builder, manifest, resolve)) dangling = true;
  let complete = !dangling;
  if (!directFromManifest(builder, manifest, resolve)) {
    if (rootWorkspace)
      for (const [dep, spec] of rootWorkspace.deps) {
        const target = resolve(dep, spec);
        if (target) builder.direct(target, 'prod');
      }
    else {
      // A lockfile alone does not say what the project asked for: take what no package requires.
      complete = false;
      for (const e of entries) if (!required.has(e.key)) builder.direct(e.key, 'prod');
    }
  }
  const project = projectOfManifest(manifest ?? (rootWorkspace && ({ name: rootWorkspace.name } as Obj)));
  return builder.build(project, complete ? 'complete' : 'incomplete');
}

/** Names a manifest lists in devDependencies only. */
function devOnlyNames(manifest: Obj | undefined): Set<string> {
  const shipped = new Set([
    ...Object.keys(objectOr(manifest?.dependencies)),
    ...Object.keys(objectOr(manifest?.optionalDependencies)),
  ]);
  return new Set(Object.keys(objectOr(manifest?.devDependencies)).filter((name) => !shipped.has(name)));
}

/**
 * Yarn classic does not lock its workspaces: the root package.json's `workspaces` (`packages/*` or
 * literal folders) name them. Each member is a local component the project depends on, with its
 * own dependencies (its devDependencies as dev) resolved through the lockfile or to another member.
 * True when a member names a package the lockfile does not resolve.
 */
function addClassicWorkspaces(
  input: LockfileInput,
  builder: InventoryBuilder,
  manifest: Obj | undefined,
  resolve: (dep: string, spec: string) => string | undefined,
): boolean {
  const globs = (
    Array.isArray(manifest?.workspaces) ? manifest.workspaces : arrayOr(objectOr(manifest?.workspaces).packages)
  )
    .map(String)
    .map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
  const members: { key: string; manifest: Obj }[] = [];
  for (const glob of globs) {
    const parent = glob.endsWith('/*') ? glob.slice(0, -2) : undefined;
    if (parent === undefined && glob.includes('*')) continue;
    const folders = parent !== undefined ? (input.listRelated?.(parent) ?? []).map((n) => `${parent}/${n}`) : [glob];
    for (const folder of folders) {
      const member = siblingManifest(input, `${folder}/package.json`);
      const name = typeof member?.name === 'string' ? member.name : undefined;
      if (!member || !name) continue;
      const key = `workspace:${folder}`;
      builder.add({
        ...npmPackage(key, name, typeof member.version === 'string' ? member.version : undefined, { local: true }),
        properties: [{ name: 'vigie:workspace', value: folder }],
      });
      builder.direct(key, 'prod');
      members.push({ key, manifest: member });
    }
  }
  const memberByName = new Map(members.map((m) => [String(m.manifest.name), m.key]));
  let dangling = false;
  for (const { key, manifest: member } of members)
    for (const edge of declaredEdges(member, true)) {
      const target = memberByName.get(edge.name) ?? resolve(edge.name, edge.spec);
      if (target) builder.edge(key, target, edge.kind === 'prod' ? undefined : KIND_SCOPE[edge.kind]);
      else if (!edge.mayBeAbsent) {
        dangling = true;
        builder.report(
          'warning',
          'unresolved-dependency',
          `dependency ${edge.name}@${edge.spec} of workspace ${String(member.name)} is not in the lockfile`,
        );
      }
    }
  return dangling;
}
