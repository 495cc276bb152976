import { emptySbom, issue, type Component, type FormatRef, type Issue, type Sbom } from '../../../model/index.js';
import type { DecodeResult } from '../../format.js';
import { strongestScope } from './dependency-scope.js';
import { groupOf, parseOrtIdentifier, purlFromOrtIdentifier } from './identifier.js';
import { DistinctLists } from '../../distinct-lists.js';

/**
 * Collects what the ORT decoders find (packages, projects, edges, scope membership, linkage) and turns
 * it into one Sbom. Projects and packages share one ref space: ORT identifiers.
 */
export class OrtSbomBuilder {
  readonly issues: Issue[] = [];
  readonly sbom: Sbom;
  private readonly components = new Map<string, Component>();
  private readonly projectRefs: string[] = [];
  private readonly projectSet = new Set<string>();
  private readonly edges = new Map<string, string[]>();
  private readonly linked = new DistinctLists(this.edges);
  private readonly scopes = new Map<string, Set<string>>();
  private readonly linkages = new Map<string, Set<string>>();
  /** Each (project, scope) whose trees reach a ref: one usage each, as Hermine reads ORT's paths. */
  private readonly placements = new Map<string, Map<string, { project: string; scope: string }>>();

  constructor(source: FormatRef) {
    this.sbom = emptySbom(source);
  }

  addComponent(component: Component, isProject: boolean, field: string): void {
    if (this.components.has(component.ref)) {
      this.issues.push(
        issue('warning', 'duplicate-ref', `"${component.ref}" is listed twice; the first entry is kept`, {
          component: component.ref,
          field,
        }),
      );
      return;
    }
    this.components.set(component.ref, component);
    if (isProject) {
      this.projectRefs.push(component.ref);
      this.projectSet.add(component.ref);
    }
  }

  has(ref: string): boolean {
    return this.components.has(ref);
  }

  addEdge(from: string, to: string): void {
    this.linked.add(from, to);
  }

  /**
   * Records that `ref` is reached through the scope `scopeName` (the name as the package manager
   * spells it), in the trees of `project` when the reader knows whose scope it is.
   */
  addScope(ref: string, scopeName: string, project?: string): void {
    let set = this.scopes.get(ref);
    if (!set) this.scopes.set(ref, (set = new Set()));
    set.add(scopeName);
    if (project === undefined) return;
    let placed = this.placements.get(ref);
    if (!placed) this.placements.set(ref, (placed = new Map()));
    placed.set(`${project}\u0000${scopeName}`, { project, scope: scopeName });
  }

  addLinkage(ref: string, linkage: string): void {
    let set = this.linkages.get(ref);
    if (!set) this.linkages.set(ref, (set = new Set()));
    set.add(linkage);
  }

  build(): DecodeResult {
    this.addMissingTargets();
    for (const [ref, component] of this.components) {
      const isProject = this.projectSet.has(ref);
      const names = this.scopes.get(ref);
      if (names && !isProject) {
        const scope = strongestScope(names);
        if (scope) component.dependencyScope = scope;
        for (const name of names) component.properties.push({ name: 'ort:scope', value: name });
      }
      for (const linkage of this.linkages.get(ref) ?? [])
        component.properties.push({ name: 'ort:linkage', value: linkage });
    }
    if (this.projectRefs.length > 1) this.placeProjectsUnderRepository();
    else this.placeSingleProject();
    for (const [ref, dependsOn] of this.edges) this.sbom.dependencies.push({ ref, dependsOn });
    return { sbom: this.sbom, issues: withoutRepeats(this.issues) };
  }

  /** One project (or none): it is the document's primary component, the packages its dependencies. */
  private placeSingleProject(): void {
    const [primary] = this.projectRefs;
    for (const [ref, component] of this.components) {
      if (ref === primary) this.sbom.metadata.component = component;
      else this.sbom.components.push(component);
    }
  }

  /**
   * Several projects (a multi-module build; ORT's `is_project` packages): they are the release's own
   * projects, not third-party packages. The primary component stands for the analysed repository and
   * holds each project as a sub-component it depends on, the shape of Vigie's own multi-project
   * inventories, so the one SBOM->release mapping makes no usage of a project. Each package is a
   * usage per (project, scope) whose trees list it, as ORT resolved them (a project's tree holds
   * what a project it depends on brings, not that project's test scopes).
   */
  private placeProjectsUnderRepository(): void {
    const projects: Component[] = [];
    for (const [ref, component] of this.components) {
      if (!this.projectSet.has(ref)) {
        const placed = this.placements.get(ref);
        if (placed) component.usages = [...placed.values()];
        this.sbom.components.push(component);
        continue;
      }
      const definition = component.properties.find((p) => p.name === 'ort:definition-file')?.value;
      if (definition) component.evidence = [definition];
      projects.push(component);
    }
    const root = repositoryComponent(this.sbom, new Set(this.components.keys()));
    root.components = projects;
    this.sbom.metadata.component = root;
    this.sbom.dependencies.push({ ref: root.ref, dependsOn: projects.map((p) => p.ref) });
  }

  /** A dependency whose package entry is missing still belongs in the inventory: keep a stub and say so. */
  private addMissingTargets(): void {
    const missing = new Set<string>();
    for (const [from, targets] of this.edges) {
      for (const ref of [from, ...targets]) if (!this.components.has(ref)) missing.add(ref);
    }
    for (const ref of missing) {
      const id = parseOrtIdentifier(ref);
      const stub: Component = {
        ref,
        type: 'library',
        name: id.name || ref,
        hashes: [],
        licenses: {},
        externalReferences: [],
        properties: id.type ? [{ name: 'ort:type', value: id.type }] : [],
      };
      const group = groupOf(id);
      if (group) stub.group = group;
      if (id.version) stub.version = id.version;
      const purl = purlFromOrtIdentifier(id);
      if (purl) stub.purl = purl;
      this.components.set(ref, stub);
      this.issues.push(
        issue(
          'warning',
          'dangling-ref',
          `"${ref}" is a dependency but has no package entry; only its identifier is known`,
          {
            component: ref,
          },
        ),
      );
    }
  }
}

/** Trees repeat shared subtrees, and with them their issues: report each once. */
function withoutRepeats(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.component ?? ''}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The analysed repository as a component: named after its VCS URL when the result gives one. */
function repositoryComponent(sbom: Sbom, taken: Set<string>): Component {
  let ref = 'ort:repository';
  for (let n = 2; taken.has(ref); n++) ref = `ort:repository#${n}`;
  const url = sbom.metadata.properties.find((p) => p.name === 'ort:repository:url')?.value;
  const name =
    url
      ?.replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .split(/[/:]/)
      .pop() || 'repository';
  return {
    ref,
    type: 'application',
    name,
    hashes: [],
    licenses: {},
    externalReferences: url ? [{ type: 'vcs', url }] : [],
    properties: [],
  };
}
