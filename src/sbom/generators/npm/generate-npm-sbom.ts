import {
  emptySbom,
  issue,
  type Component,
  type DependencyScope,
  type ExternalReference,
  type Issue,
  type Sbom,
} from '../../../model/index.js';
import { declaredEdges } from './declared-edges.js';
import { cycloneDxScopeOf, mostNeededScope, scopeOfFlags } from './dependency-scope.js';
import { hashesFromIntegrity } from './integrity.js';
import { isTopLevelFolder, type DeclaredEdge, type LockPackage } from './lock-package.js';
import { licenseFromString, metadataOfManifest } from './manifest-metadata.js';
import { copyrightStatements } from '../copyright-statements.js';
import type { NpmProjectInput } from './npm-project-input.js';
import { npmPurl, splitNpmName } from './npm-purl.js';
import { gitSourceOf, type GitSource } from './git-source.js';
import { readLockTree, type LockTree } from './read-lock-tree.js';
import { resolveDependency, searchFolders } from './resolve-dependency.js';

export const NPM_LOCKFILE_FORMAT_ID = 'npm-package-lock';

export interface NpmSbomResult {
  sbom: Sbom;
  issues: Issue[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The inventory of an npm project from its lockfile, enriched with the installed package.json files
 * when node_modules is there. One component per name@version (its install paths in `evidence`),
 * edges resolved as Node resolves `require`, the root project as metadata.component.
 * Throws UnreadableDocumentError only when the lockfile is not an npm lockfile at all.
 */
export function generateNpmSbom(input: NpmProjectInput): NpmSbomResult {
  const tree = readLockTree(input.lockfile, input.lockfileName);
  const issues: Issue[] = [];
  if (tree.lockfileVersion < 1 || tree.lockfileVersion > 3) {
    issues.push(
      issue(
        'warning',
        'npm-unknown-lockfile-version',
        `${input.lockfileName} has lockfileVersion ${tree.lockfileVersion}; read as the nearest known version`,
        { field: 'lockfileVersion' },
      ),
    );
  }
  const builder = new ComponentBuilder(tree, input, issues);
  const components = builder.buildComponents();
  const root = builder.buildRoot();
  const dependencies = builder.buildDependencies(root.ref);

  const sbom = emptySbom({ id: NPM_LOCKFILE_FORMAT_ID, specVersion: String(tree.lockfileVersion) });
  sbom.metadata.tools.push(input.tool ?? { name: 'Vigie' });
  // Installed package.json files mean the inventory was taken from a built tree; a lockfile alone
  // describes what an install would fetch.
  sbom.metadata.lifecycles.push(builder.foundInstalledPackages ? 'build' : 'pre-build');
  sbom.metadata.component = root;
  sbom.components = components;
  sbom.dependencies = dependencies;
  // Lockfile v1 (npm ≤ 6) records no peer dependencies, so its graph can lack edges.
  sbom.dependencyCompleteness = tree.lockfileVersion >= 2 && !builder.lostRequiredEdges ? 'complete' : 'incomplete';
  return { sbom, issues };
}

class ComponentBuilder {
  foundInstalledPackages = false;
  lostRequiredEdges = false;
  private readonly refOfPath = new Map<string, string>();
  private readonly usedRefs = new Set<string>();
  private readonly rootManifest: Obj | undefined;

  constructor(
    private readonly tree: LockTree,
    private readonly input: NpmProjectInput,
    private readonly issues: Issue[],
  ) {
    this.rootManifest = isObject(input.packageJson) ? input.packageJson : undefined;
  }

  /** Registry packages merge by name@version; local folders stay one component per folder. */
  buildComponents(): Component[] {
    const groups = new Map<string, LockPackage[]>();
    // forEach and indexed loops in this class: most of one run is interpreted, where `for…of`
    // allocates an iterator result per step (ADR 69).
    this.tree.packages.forEach((pkg) => {
      if (pkg.linkTarget !== undefined) return;
      const key = !pkg.local && pkg.version ? `${pkg.name}@${pkg.version}` : `local:${pkg.path}`;
      const group = groups.get(key);
      if (group) group.push(pkg);
      else groups.set(key, [pkg]);
    });
    const registry = [...groups.values()].filter((g) => !g[0]!.local);
    const local = [...groups.values()].filter((g) => g[0]!.local);
    // Registry packages claim their purls first; a local folder whose purl is taken keeps a path ref.
    const components = [...registry, ...local].map((group) => this.componentOf(group));
    return components.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  private componentOf(group: LockPackage[]): Component {
    const paths = group.map((p) => p.path).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const first = group.find((p) => p.path === paths[0])!;
    const installed = this.installedManifestOf(first, paths);
    const manifest = installed?.manifest;
    const git = first.local ? undefined : gitSourceOf(first.resolved);
    // A git dependency without a version of its own (v1 writes the git spec as version) is its commit.
    const version = first.version ?? text(manifest?.version) ?? git?.commit;
    const isPrivate = manifest?.private === true;
    const vcsUrl = git?.commit ? `${git.url}@${git.commit}` : undefined;
    // A local folder gets a purl only when it could be the published package of that name: npm
    // refuses to publish a private package, so a purl would name somebody else's code.
    const purl =
      version && !(first.local && (isPrivate || !manifest)) ? npmPurl(first.name, version, vcsUrl) : undefined;
    const ref = this.claimRef(purl, first.path);
    let scope: DependencyScope = scopeOfFlags(first.flags);
    for (let i = 0; i < group.length; i++) {
      this.refOfPath.set(group[i]!.path, ref);
      scope = mostNeededScope(scope, scopeOfFlags(group[i]!.flags));
    }
    const meta = manifest ? metadataOfManifest(manifest) : undefined;
    const declared = meta?.declaredLicense ?? (first.license ? licenseFromString(first.license) : undefined);
    const { scope: npmScope, name } = splitNpmName(first.name);
    // Optional fields are assigned, not spread in: one object per package, no temporaries (this
    // runs once per lockfile entry). The key order is the one the spreads gave.
    const component = { ref, type: 'library', name } as Component;
    if (npmScope) component.group = npmScope;
    if (version) component.version = version;
    if (meta?.description) component.description = meta.description;
    if (purl) component.purl = purl;
    component.hashes = hashesFromIntegrity(first.integrity);
    if (meta && meta.authors.length > 0) component.authors = meta.authors;
    component.licenses = declared ? { declared } : {};
    const sources = sourceReferences(first.resolved, git, meta?.externalReferences);
    component.externalReferences = meta ? [...meta.externalReferences, ...sources] : sources;
    component.properties = [];
    component.scope = cycloneDxScopeOf(scope);
    component.dependencyScope = scope;
    component.language = 'JavaScript';
    component.evidence = paths;
    const licenseText = installed ? this.input.installedLicenseText?.(installed.path) : undefined;
    const copyright = licenseText ? copyrightStatements(licenseText) : [];
    if (copyright.length > 0) component.copyright = copyright.join('\n');
    if (group.some((p) => p.inBundle)) component.properties.push({ name: 'cdx:npm:package:bundled', value: 'true' });
    if (scope === 'dev') component.properties.push({ name: 'cdx:npm:package:development', value: 'true' });
    if (isPrivate) component.properties.push({ name: 'cdx:npm:package:private', value: 'true' });
    const folder = first.path.slice(first.path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!first.local && folder !== first.name) component.properties.push({ name: 'vigie:npm:alias', value: folder });
    return component;
  }

  /** The first installed package.json among the paths that agrees with the lockfile entry. */
  private installedManifestOf(pkg: LockPackage, paths: string[]): { manifest: Obj; path: string } | undefined {
    const lookup = this.input.installedManifest;
    if (!lookup) return undefined;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const manifest = lookup(path);
      if (!isObject(manifest)) continue;
      this.foundInstalledPackages = true;
      const name = text(manifest.name);
      const version = text(manifest.version);
      if ((pkg.version && version !== pkg.version) || (name && name !== pkg.name && !pkg.local)) {
        this.issues.push(
          issue(
            'warning',
            'npm-installed-mismatch',
            `${path}/package.json is ${name ?? '?'}@${version ?? '?'} but ${this.input.lockfileName} says ${pkg.name}@${pkg.version ?? '?'}: node_modules is out of date, its metadata was ignored`,
            { component: `${pkg.name}@${pkg.version ?? ''}`, field: path },
          ),
        );
        continue;
      }
      return { manifest, path };
    }
    return undefined;
  }

  private claimRef(purl: string | undefined, path: string): string {
    const ref = purl && !this.usedRefs.has(purl) ? purl : `npm-local:${path}`;
    this.usedRefs.add(ref);
    return ref;
  }

  buildRoot(): Component {
    const manifest = this.rootManifest;
    const fullName = text(manifest?.name) ?? text(this.tree.root.name) ?? this.tree.rootName ?? 'project';
    const version = text(manifest?.version) ?? this.tree.root.version ?? this.tree.rootVersion;
    const meta = manifest ? metadataOfManifest(manifest) : undefined;
    const declared =
      meta?.declaredLicense ?? (this.tree.root.license ? licenseFromString(this.tree.root.license) : undefined);
    const purl = version && manifest?.private !== true ? npmPurl(fullName, version) : undefined;
    const ref = purl && !this.usedRefs.has(purl) ? purl : 'npm-project:root';
    this.usedRefs.add(ref);
    this.refOfPath.set('', ref);
    const { scope, name } = splitNpmName(fullName);
    return {
      ref,
      type: 'application',
      name,
      ...(scope && { group: scope }),
      ...(version && { version }),
      ...(meta?.description && { description: meta.description }),
      ...(purl && { purl }),
      hashes: [],
      ...(meta && meta.authors.length > 0 && { authors: meta.authors }),
      licenses: declared ? { declared } : {},
      externalReferences: meta?.externalReferences ?? [],
      properties: [],
      language: 'JavaScript',
      evidence: [this.input.lockfileName],
    };
  }

  /** Every component's direct dependencies, the root's first. */
  buildDependencies(rootRef: string): { ref: string; dependsOn: string[] }[] {
    // Targets are listed, then sorted and made unique once: a set per package cost more.
    const edges = new Map<string, string[]>();
    const targetsSeen = new Set<string>();
    const add = (from: string, pkgPath: string, declared: DeclaredEdge[]) => {
      let list = edges.get(from);
      if (!list) edges.set(from, (list = []));
      if (declared.length === 0) return;
      const folders = searchFolders(pkgPath);
      for (let i = 0; i < declared.length; i++) {
        const edge = declared[i]!;
        const target = resolveDependency(this.tree.packages, pkgPath, folders, edge.name, edge.spec);
        const targetRef = target && this.refOfPath.get(target.path);
        if (!target || !targetRef) {
          this.reportUnresolved(pkgPath, edge);
          continue;
        }
        if (pkgPath !== '') targetsSeen.add(target.path);
        if (targetRef !== from) list.push(targetRef);
      }
    };
    this.tree.packages.forEach((pkg) => {
      if (pkg.linkTarget === undefined) add(this.refOfPath.get(pkg.path)!, pkg.path, pkg.edges);
    });
    add(rootRef, '', this.rootEdges(targetsSeen));
    const rootList = edges.get(rootRef)!;
    if (this.tree.hasWorkspaces) rootList.push(...this.workspaceRefs());

    const refs = [...edges.keys()].filter((r) => r !== rootRef).sort();
    refs.unshift(rootRef);
    return refs.map((ref) => ({ ref, dependsOn: sortedUnique(edges.get(ref)!) }));
  }

  /**
   * The root's declared dependencies: the lockfile's root entry (v2/v3), else package.json, else (a
   * v1 lockfile alone) the top-level packages that no other package requires.
   */
  private rootEdges(requiredByOthers: Set<string>): DeclaredEdge[] {
    if (this.tree.rootEdgesKnown) return this.tree.root.edges;
    if (this.rootManifest) return declaredEdges(this.rootManifest, true);
    const edges: DeclaredEdge[] = [];
    for (const pkg of this.tree.packages.values()) {
      const folder = pkg.path.slice('node_modules/'.length);
      if (
        pkg.path.startsWith('node_modules/') &&
        !folder.includes('/node_modules/') &&
        !requiredByOthers.has(pkg.path)
      ) {
        edges.push({ name: folder, spec: '', kind: pkg.flags.dev ? 'dev' : 'prod', mayBeAbsent: false });
      }
    }
    return edges;
  }

  /** Workspaces: the targets of top-level links that live outside node_modules. */
  private workspaceRefs(): string[] {
    const refs: string[] = [];
    for (const pkg of this.tree.packages.values()) {
      if (pkg.linkTarget === undefined || !/^node_modules\/(@[^/]+\/)?[^/]+$/.test(pkg.path)) continue;
      if (!isTopLevelFolder(pkg.linkTarget)) continue;
      const ref = this.refOfPath.get(pkg.linkTarget);
      if (ref) refs.push(ref);
    }
    return refs;
  }

  private reportUnresolved(fromPath: string, edge: DeclaredEdge): void {
    const who = fromPath === '' ? 'the project' : fromPath;
    if (edge.mayBeAbsent) {
      this.issues.push(
        issue(
          'info',
          'npm-optional-dependency-absent',
          `optional ${edge.kind === 'peer' ? 'peer ' : ''}dependency ${edge.name}@${edge.spec} of ${who} is not installed`,
          { component: this.refOfPath.get(fromPath), field: fromPath },
        ),
      );
      return;
    }
    this.lostRequiredEdges = true;
    this.issues.push(
      issue(
        'warning',
        'npm-unresolved-dependency',
        `${edge.kind === 'prod' ? '' : `${edge.kind} `}dependency ${edge.name}@${edge.spec} of ${who} is not in ${this.input.lockfileName}`,
        { component: this.refOfPath.get(fromPath), field: fromPath },
      ),
    );
  }
}

/** The list sorted, each value once (in place). */
function sortedUnique(list: string[]): string[] {
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = list[i - 1]! < list[i]!;
  if (ascending) return list;
  list.sort();
  let kept = 1;
  for (let i = 1; i < list.length; i++) if (list[i] !== list[kept - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
}

/**
 * Where the package came from: a registry or tarball URL is a `distribution` reference; a git
 * source is a `vcs` reference to the repository at the locked commit (shorthands spelled out,
 * credentials dropped), unless package.json already named that very URL.
 */
function sourceReferences(
  resolved: string | undefined,
  git: GitSource | undefined,
  known: ExternalReference[] | undefined,
): ExternalReference[] {
  if (!resolved) return [];
  if (git) {
    const url = git.commit ? `${git.url}#${git.commit}` : git.url;
    return known?.some((r) => r.type === 'vcs' && r.url === url) ? [] : [{ type: 'vcs', url }];
  }
  if (/^https?:\/\//.test(resolved)) return [{ type: 'distribution', url: resolved }];
  return [];
}
