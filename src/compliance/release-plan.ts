/**
 * THE mapping from an SBOM to a release (issue 8 item 1), pure: `import` stores it, `vigie check`
 * validates it in memory (snapshot-from-sbom.ts), so both see the same usages. Components are
 * deduplicated by identity (model/component-identity.ts: purl type, namespace, name), versions by
 * number; one usage per (version, scope) where the scope is the package manager's dependency scope,
 * else the CycloneDX scope (required/optional/excluded); the dependency graph as edges between
 * versions. Licences are kept as found: the declared one as written, the concluded one as its
 * expression or, when that did not parse, its raw text (step 1 decides what they mean).
 */
import type { Component, DatasetFacts, DeclaredUsage, LineageKind, Linking, ModelCard, Sbom } from '../model/index.js';
import type { ComponentRecord } from '../model/portfolio.js';
import { componentKey, sharedComponentIdentity } from '../model/component-identity.js';
import { allComponents, refGraph, type RefGraph } from '../sbom/graph.js';
import { projectMembership } from './project-membership.js';

/** A component's identity and descriptive fields, as the store keeps them. */
export type ComponentInput = Omit<ComponentRecord, 'id'>;

export interface PlannedVersion {
  /** Index into ImportPlan.components. */
  component: number;
  number: string;
  purl: string | null;
  declaredLicense: string | null;
  concludedLicense: string | null;
  copyright: string | null;
}

export interface PlannedUsage {
  /** Index into ImportPlan.versions. */
  version: number;
  scope: string;
  project: string;
  /** What the document says (Hermine's KISSBOM does); absent: the import's default, else unknown. */
  linking?: Linking;
  modified?: boolean;
}

/**
 * A dependency between two planned versions; `parent` null = the document's primary component, or
 * the primary component of the project named (a project's direct dependencies).
 */
export interface PlannedEdge {
  parent: number | null;
  child: number;
  project: string;
}

/** An AI lineage edge between planned versions (model → base model or dataset); `parent` null = the primary. */
export interface PlannedLineage {
  parent: number | null;
  child: number;
  kind: LineageKind;
}

export interface ImportPlan {
  components: ComponentInput[];
  versions: PlannedVersion[];
  usages: PlannedUsage[];
  edges: PlannedEdge[];
  /** AI lineage (issue 10 item 5): what obligations propagate along. */
  lineage: PlannedLineage[];
  /** Model cards and dataset facts of planned versions (issue 10): the AI variant of a component. */
  aiFacts: PlannedAiFacts[];
}

export type PlannedAiFacts = { version: number } & (
  { kind: 'model'; facts: ModelCard } | { kind: 'dataset'; facts: DatasetFacts }
);

/**
 * `defaultScope` names the scope of components whose document gives none. `project` puts every
 * usage in that project; left blank, a document split into projects (the inventory of a repository
 * with several lockfiles) gives each component one usage per project that reaches it
 * (project-membership.ts), and components no project reaches stay in the root project ''.
 * `graph`: the document's refGraph, when the caller made it already (an import's quality checks
 * walk it too).
 */
export function planImport(sbom: Sbom, project = '', defaultScope = '', graph: RefGraph = refGraph(sbom)): ImportPlan {
  const membership = project === '' ? projectMembership(sbom) : undefined;
  const componentIndex = new Map<string, number>();
  // Per planned component, its versions by number; per planned version, its usages (few of each:
  // no key string is made per component or usage).
  const versionsOfComponent: (number | Map<string, number>)[] = [];
  const usagesOfVersion: UsagesOfVersion[] = [];
  const plan: ImportPlan = { components: [], versions: [], usages: [], edges: [], lineage: [], aiFacts: [] };
  // Per ref number (refGraph), the planned version of the first component carrying the ref, else -1;
  // the few refs without a number (parts of the primary's parts) by text.
  const versionOfNumber = new Int32Array(graph.numberOf.size).fill(-1);
  const unnumbered = new Map<string, number>();

  for (const c of allComponents(sbom)) {
    const input = componentInputOf(c);
    const key = componentKey(input);
    let ci = componentIndex.get(key);
    if (ci === undefined) {
      ci = plan.components.push(input) - 1;
      componentIndex.set(key, ci);
      versionsOfComponent.push(-1);
    }
    const number = c.version ?? '';
    // Most components have one version: its index alone, a map once there is a second.
    const versions = versionsOfComponent[ci]!;
    let vi =
      typeof versions !== 'number'
        ? versions.get(number)
        : versions >= 0 && plan.versions[versions]!.number === number
          ? versions
          : undefined;
    if (vi === undefined) {
      vi = plan.versions.push(versionOf(c, ci, number)) - 1;
      if (versions === -1) versionsOfComponent[ci] = vi;
      else if (typeof versions === 'number')
        versionsOfComponent[ci] = new Map([
          [plan.versions[versions]!.number, versions],
          [number, vi],
        ]);
      else versions.set(number, vi);
      usagesOfVersion.push(undefined);
      if (c.modelCard) plan.aiFacts.push({ version: vi, kind: 'model', facts: c.modelCard });
      else if (c.dataset) plan.aiFacts.push({ version: vi, kind: 'dataset', facts: c.dataset });
    }
    const n = graph.numberOf.get(c.ref);
    if (n === undefined) {
      if (!unnumbered.has(c.ref)) unnumbered.set(c.ref, vi);
    } else if (versionOfNumber[n] === -1) versionOfNumber[n] = vi;
    const reaching = membership?.projectsOf.get(c.ref);
    if (!c.usages?.length && !hasOrtScope(c)) {
      // The usual component: one usage scope (usageScopeOf), no declared project, linking or
      // modification; the same usages as the general way below, without its lists.
      const scope = usageScopeOf(c) || defaultScope;
      if (project !== '') addUsage(plan, usagesOfVersion, vi, scope, project, undefined);
      else if (reaching === undefined) addUsage(plan, usagesOfVersion, vi, scope, '', undefined);
      else for (const p of reaching) addUsage(plan, usagesOfVersion, vi, scope, p, undefined);
      continue;
    }
    for (const declared of declaredUsagesOf(c)) {
      const scope = declared.scope || defaultScope;
      for (const p of projectsOfUsage(declared, project, reaching))
        addUsage(plan, usagesOfVersion, vi, scope, p, declared);
    }
  }
  plan.edges = dependencyEdges(sbom, graph, versionOfNumber, plan.versions.length, project, membership?.projectOfRef);
  plan.lineage = lineageEdges(sbom, (ref) => {
    const n = graph.numberOf.get(ref);
    const vi = n === undefined ? unnumbered.get(ref) : versionOfNumber[n];
    return vi === undefined || vi < 0 ? undefined : vi;
  });
  return plan;
}

/** Plans a usage of version vi in scope and project p unless the version has it already. */
function addUsage(
  plan: ImportPlan,
  usagesOfVersion: UsagesOfVersion[],
  vi: number,
  scope: string,
  p: string,
  declared: DeclaredUsage | undefined,
): void {
  const planned = usagesOfVersion[vi];
  if (planned !== undefined) {
    if (!Array.isArray(planned)) {
      if (planned.scope === scope && planned.project === p) return;
    } else for (const u of planned) if (u.scope === scope && u.project === p) return;
  }
  const usage: PlannedUsage = { version: vi, scope, project: p };
  if (declared?.linking) usage.linking = declared.linking;
  if (declared?.modified !== undefined) usage.modified = declared.modified;
  if (planned === undefined) usagesOfVersion[vi] = usage;
  else if (!Array.isArray(planned)) usagesOfVersion[vi] = [planned, usage];
  else planned.push(usage);
  plan.usages.push(usage);
}

/**
 * The usages planned for one version so far: most versions have one, kept as it is; a list once
 * there is a second (a list per version was 100k small arrays kept through a large plan).
 */
type UsagesOfVersion = PlannedUsage | PlannedUsage[] | undefined;

/** The document's lineage edges between planned versions, each once; refs naming no component are dropped. */
function lineageEdges(sbom: Sbom, versionOfRef: (ref: string) => number | undefined): PlannedLineage[] {
  const root = sbom.metadata.component?.ref;
  const seen = new Set<string>();
  const out: PlannedLineage[] = [];
  for (const e of sbom.lineage ?? []) {
    const parent = e.from === root ? null : versionOfRef(e.from);
    if (parent === undefined) continue;
    for (const ref of e.to) {
      const child = versionOfRef(ref);
      if (child === undefined || child === parent) continue;
      const key = `${parent ?? ''}>${child}>${e.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ parent, child, kind: e.kind });
    }
  }
  return out;
}

/** The usage scope of a component: its dependency scope, else its CycloneDX scope, else ''. */
export function usageScopeOf(c: Component): string {
  return c.dependencyScope ?? c.scope ?? '';
}

/** The property the ORT reader records each scope name on, as ORT wrote it. */
const ORT_SCOPE = 'ort:scope';

/**
 * The usage scopes of a component: the scope names ORT wrote (`compileClasspath`, `devDependencies`),
 * one usage each as in Hermine (issue 8 item 9), else the one of usageScopeOf.
 */
function hasOrtScope(c: Component): boolean {
  for (const p of c.properties) if (p.name === ORT_SCOPE) return true;
  return false;
}

export function usageScopesOf(c: Component): string[] {
  const ort = c.properties.filter((p) => p.name === ORT_SCOPE).map((p) => p.value);
  return ort.length > 0 ? [...new Set(ort)] : [usageScopeOf(c)];
}

/**
 * The usages a component stands for: the ones its document declares (Hermine's KISSBOM rows; a
 * blank scope there is the component's own), else one per scope of usageScopesOf.
 */
function declaredUsagesOf(c: Component): DeclaredUsage[] {
  if (c.usages?.length) return c.usages.map((u) => ({ ...u, scope: u.scope ?? usageScopeOf(c) }));
  return usageScopesOf(c).map((scope) => ({ scope }));
}

/** `--project` names every usage's project; else the document's project for it, else the projects that reach it. */
function projectsOfUsage(declared: DeclaredUsage, forced: string, reaching: string[] | undefined): string[] {
  if (forced !== '') return [forced];
  if (declared.project) return [declared.project];
  return reaching ?? [''];
}

/** Identity fields of a component; the purl kept is versionless and canonical. */
export function componentInputOf(c: Component): ComponentInput {
  const id = sharedComponentIdentity(c);
  return {
    purlType: id.purlType,
    namespace: id.namespace,
    name: id.name,
    purl: id.purl,
    description: c.description ?? null,
    homepage: c.externalReferences.find((r) => r.type === 'website')?.url ?? null,
    language: c.language ?? null,
  };
}

function versionOf(c: Component, component: number, number: string): PlannedVersion {
  const declared = c.licenses.declared;
  const concluded = c.licenses.concluded;
  return {
    component,
    number,
    purl: c.purl ?? null,
    declaredLicense: declared ? declared.raw : null,
    concludedLicense: concluded ? (concluded.expression ?? concluded.raw) : null,
    copyright: c.copyright ?? null,
  };
}

/**
 * The document's dependency entries as edges between planned versions, each once. Refs that name no
 * component are dropped; the primary component becomes the parent `null`, and so does the primary
 * component of each project (its edges name the project); a version depending on itself (two refs
 * of one version) is no edge.
 */
function dependencyEdges(
  sbom: Sbom,
  graph: RefGraph,
  versionOfNumber: Int32Array,
  versionCount: number,
  project: string,
  projectOfRef: Map<string, string> = new Map(),
): PlannedEdge[] {
  const root = sbom.metadata.component?.ref;
  // A parent version named by one dependency entry has its children side by side: a repeated child
  // is told by the last parent that linked it. Only the children of a parent named by several
  // entries (two refs of one version, an entry repeated) are kept: a short list each (a set once it
  // grows). A key per edge, then a list per parent, made this the slowest part of planning.
  const { entryFrom, entryStart, targets } = graph;
  const entriesOf = new Int32Array(versionCount);
  for (let i = 0; i < entryFrom.length; i++) {
    const parent = versionOfNumber[entryFrom[i]!]!;
    if (parent >= 0) entriesOf[parent]!++;
  }
  const lastParentOf = new Int32Array(versionCount).fill(-1);
  const childrenOf: (number[] | Set<number> | undefined)[] = new Array<undefined>(versionCount);
  const seenTopLevel = new Set<string>();
  const edges: PlannedEdge[] = [];
  const noProjects = projectOfRef.size === 0;
  for (let i = 0; i < sbom.dependencies.length; i++) {
    const ref = sbom.dependencies[i]!.ref;
    const projectOfParent = ref === root ? project : noProjects ? undefined : projectOfRef.get(ref);
    let parent: number | null = null;
    if (projectOfParent === undefined) {
      parent = versionOfNumber[entryFrom[i]!]!;
      if (parent < 0) continue;
    }
    for (let k = entryStart[i]!; k < entryStart[i + 1]!; k++) {
      const child = versionOfNumber[targets[k]!]!;
      if (child < 0 || child === parent) continue;
      if (parent === null) {
        const key = `${projectOfParent}\u0000${child}`;
        if (seenTopLevel.has(key)) continue;
        seenTopLevel.add(key);
        edges.push({ parent, child, project: projectOfParent! });
        continue;
      }
      if (entriesOf[parent] === 1) {
        if (lastParentOf[child] === parent) continue;
        lastParentOf[child] = parent;
      } else if (!firstLink(childrenOf, parent, child)) continue;
      edges.push({ parent, child, project });
    }
  }
  return edges;
}

/** Records child under parent; false when it was there already. */
function firstLink(childrenOf: (number[] | Set<number> | undefined)[], parent: number, child: number): boolean {
  const seen = childrenOf[parent];
  if (seen === undefined) {
    childrenOf[parent] = [child];
    return true;
  }
  if (Array.isArray(seen)) {
    if (seen.includes(child)) return false;
    if (seen.length < 16) seen.push(child);
    else childrenOf[parent] = new Set(seen).add(child);
    return true;
  }
  if (seen.has(child)) return false;
  seen.add(child);
  return true;
}
