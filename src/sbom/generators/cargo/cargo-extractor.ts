import { toml } from '../../../text/libraries.js';
import type { ExtractFn, Inventory, LockfileInput } from '../core/extractor.js';
import { hashOf, InventoryBuilder } from '../core/inventory-builder.js';
import { LockfileError, lineOfMatch } from '../core/lockfile-error.js';
import { arrayOr, objectOr, parseTomlFile, str, type Obj } from '../core/parse-text.js';

/**
 * Cargo.lock v1–v4: every resolved crate with its dependency list. Crates without a `source` are the
 * workspace's own; the one Cargo.toml names is the project. Cargo.lock does not say which edges are
 * dev-dependencies, so crates are unscoped unless Cargo.toml tells (direct dev-dependencies).
 */
export const extract: ExtractFn = extractCargo;

function extractCargo(input: LockfileInput): Inventory {
  const doc = parseTomlFile(input.path, input.text);
  const version = doc.version ?? 1;
  if (typeof version !== 'number' || version < 1 || version > 4) {
    throw new LockfileError(
      input.path,
      `Cargo.lock version ${String(version)} is not one this reader knows (1–4)`,
      lineOfMatch(input.text, /^version/m) ?? 1,
    );
  }
  const builder = new InventoryBuilder('cargo', 'Rust', input.path);
  const packages = arrayOr(doc.package).map(objectOr);
  // v1 keeps checksums apart: [metadata] "checksum name version (source)" = "hex".
  const v1Checksums = objectOr(doc.metadata);
  const byName = new Map<string, string[]>();
  const manifest = cargoManifest(input);
  const rootName = str(objectOr(manifest?.package).name);
  const root = packages.find((p) => !p.source && str(p.name) === rootName);
  const keyOf = (p: Obj) => `${str(p.name)} ${str(p.version)}${str(p.source) ? ` (${str(p.source)})` : ''}`;
  for (const p of packages) {
    const name = str(p.name);
    const v = str(p.version);
    if (!name || !v) {
      builder.report('warning', 'missing-version', 'a [[package]] has no name or version; left out');
      continue;
    }
    const source = str(p.source);
    const key = keyOf(p);
    byName.set(name, [...(byName.get(name) ?? []), key]);
    if (p === root) continue;
    const checksum = str(p.checksum) ?? str(v1Checksums[`checksum ${key}`]);
    const hash = hashOf(checksum, 'sha256');
    const git = source?.startsWith('git+') ? source.slice(4) : undefined;
    const registry = source?.startsWith('registry+')
      ? source.slice(9)
      : source?.startsWith('sparse+')
        ? source.slice(7)
        : undefined;
    const crates = registry !== undefined && /crates\.io/.test(registry);
    builder.add({
      key,
      name,
      version: v,
      purl: source
        ? {
            name,
            version: v,
            ...(!crates && registry && { qualifiers: { repository_url: registry } }),
            ...(git && { qualifiers: { vcs_url: vcsUrlOf(git) } }),
          }
        : false,
      ...(hash && { hashes: [hash] }),
      ...(git && { externalReferences: [{ type: 'vcs', url: git }] }),
      ...(!source && { properties: [{ name: 'vigie:cargo:workspace-member', value: 'true' }] }),
    });
  }
  // A reference names the source without the locked revision: `regex 1.11.1 (git+https://…/regex.git)`
  // for a package whose source is `git+https://…/regex.git#1a069b92…`.
  const withoutRevision = (source: string) => source.replace(/#[^)]*(?=\)$)/, '');
  const resolve = (dep: string): string | undefined => {
    const [name, v, source] = dep.split(' ');
    const candidates = byName.get(name!) ?? [];
    if (candidates.length === 1) return candidates[0];
    return candidates.find(
      (k) =>
        k.startsWith(`${name} ${v}`) &&
        (!source || k.endsWith(` ${source}`) || withoutRevision(k).endsWith(` ${source}`)),
    );
  };
  const dangling = addEdges(packages, keyOf, resolve, memberDevDependencies(input, manifest), builder);
  // The project: the crate Cargo.toml declares, else every workspace member is a root.
  const members = packages.filter((p) => !p.source);
  if (root) {
    const devNames = new Set(Object.keys(objectOr(manifest?.['dev-dependencies'])));
    for (const dep of arrayOr(root.dependencies)) {
      const target = typeof dep === 'string' ? resolve(dep) : undefined;
      if (target) builder.direct(target, devNames.has(String(dep).split(' ')[0]!) ? 'dev' : 'prod');
    }
  } else for (const m of members) builder.direct(keyOf(m), 'prod');
  const rootVersion = str(root?.version);
  return builder.build(
    rootName
      ? {
          name: rootName,
          ...(rootVersion && { version: rootVersion }),
          purl: false,
          license: str(objectOr(manifest?.package).license),
        }
      : {},
    dangling ? 'incomplete' : 'complete',
  );
}

/**
 * The purl `vcs_url` of a git source (`https://host/repo.git?branch=x#<commit>`): the purl spec's
 * `git+<url>@<revision>`, where a `#…` would name a sub-path instead of the locked commit.
 */
function vcsUrlOf(git: string): string {
  const m = /^([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/.exec(git)!;
  return `git+${m[1]}${m[2] ? `@${m[2]}` : ''}`;
}

function cargoManifest(input: LockfileInput, path = 'Cargo.toml'): Obj | undefined {
  const text = input.readRelated?.(path);
  if (text === undefined) return undefined;
  try {
    return toml().parse(text) as Obj;
  } catch {
    return undefined;
  }
}

/** The edges between crates; true when a dependency names a crate the lockfile does not list. */
function addEdges(
  packages: Obj[],
  keyOf: (p: Obj) => string,
  resolve: (dep: string) => string | undefined,
  devOnly: Map<string, Set<string>>,
  builder: InventoryBuilder,
): boolean {
  let dangling = false;
  for (const p of packages) {
    // Cargo.lock does not tell dev-dependencies apart: a workspace member's own Cargo.toml does.
    const dev = !p.source ? devOnly.get(str(p.name) ?? '') : undefined;
    for (const dep of arrayOr(p.dependencies)) {
      const target = typeof dep === 'string' ? resolve(dep) : undefined;
      if (target) builder.edge(keyOf(p), target, dev?.has(String(dep).split(' ')[0]!) ? 'dev' : undefined);
      else {
        dangling = true;
        builder.report(
          'warning',
          'unresolved-dependency',
          `${str(p.name)} depends on "${String(dep)}", which the lockfile does not list`,
        );
      }
    }
  }
  return dangling;
}

/**
 * Each workspace member's dev-only dependency names (in `[dev-dependencies]`, not in
 * `[dependencies]` or `[build-dependencies]`), by crate name, from the Cargo.toml files the root
 * manifest's `[workspace] members` name (`crates/*` or literal folders).
 */
function memberDevDependencies(input: LockfileInput, root: Obj | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const folders = arrayOr(objectOr(root?.workspace).members)
    .map((m) => String(m).replace(/^\.\//, '').replace(/\/$/, ''))
    .flatMap((m) =>
      m.endsWith('/*')
        ? (input.listRelated?.(m.slice(0, -2)) ?? []).map((n) => `${m.slice(0, -2)}/${n}`)
        : m.includes('*')
          ? []
          : [m],
    );
  for (const folder of folders) {
    const member = cargoManifest(input, `${folder}/Cargo.toml`);
    const name = str(objectOr(member?.package).name);
    if (!member || !name) continue;
    // A renamed dependency (`alias = { package = "real" }`) is locked under its real name.
    const crates = (table: unknown) =>
      Object.entries(objectOr(table)).map(([key, spec]) => str(objectOr(spec).package) ?? key);
    const shipped = new Set([...crates(member.dependencies), ...crates(member['build-dependencies'])]);
    out.set(name, new Set(crates(member['dev-dependencies']).filter((d) => !shipped.has(d))));
  }
  return out;
}
