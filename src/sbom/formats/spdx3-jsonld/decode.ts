// Reads an SPDX 3.0 JSON-LD document into Vigie's SBOM model.
import {
  emptySbom,
  issue,
  type Completeness,
  type Component,
  type LineageKind,
  type DependencyScope,
  type Issue,
  type LicenseStatement,
  type LineageEdge,
  type Sbom,
} from '../../../model/index.js';
import { UnreadableDocumentError, type DecodeInput, type DecodeResult } from '../../format.js';
import { agentOf, contactOf } from './decode-agents.js';
import { decodeComponent } from './decode-component.js';
import { isWellKnownLicense, licenseStatementOf, placeholderOf, type LookUp } from './decode-licenses.js';
import {
  ABSTRACT_ARTIFACT_CLASSES,
  AGENT_CLASSES,
  COLLECTION_CLASSES,
  COMPONENT_CLASSES,
  EDGE_TYPES,
  KNOWN_CLASSES,
  RELATIONSHIP_CLASSES,
  WELL_KNOWN_ELEMENTS,
} from './element-kinds.js';
import {
  idOf,
  indexGraph,
  isNode,
  objects,
  refs,
  relationshipTypeOf,
  str,
  strings,
  typeOf,
  type Graph,
  type Node,
} from './graph.js';
import { FORMAT_ID } from './identify.js';
import { parseJsonDocument } from '../../json-text.js';
import { liftAiFields, LINEAGE_FROM_RELATIONSHIP, LINEAGE_RELATIONSHIPS } from './ai-fields.js';
import { reportNonStringFields } from './string-fields.js';
import { DISTRIBUTION_ARTIFACT_PROPERTY, PROPERTY_PREFIX } from './profile-fields.js';
import {
  EFFECTIVE_LICENSE_STATEMENT,
  SBOM_TYPE_TO_PHASE,
  SCOPE_FROM_SPDX,
  SPEC_VERSIONS,
  WRITTEN_VERSION,
} from './vocabulary.js';
import { DistinctLists } from '../../distinct-lists.js';

const MAX_DANGLING_ISSUES = 50;
/** When several lifecycle scopes lead to one component, the one that matters most for compliance wins. */
const SCOPE_PRIORITY: DependencyScope[] = ['prod', 'build', 'dev', 'test', 'design', 'other'];

class DecodeContext {
  readonly issues: Issue[] = [];
  readonly components = new Map<string, Component>();
  readonly lineage: LineageEdge[] = [];
  private readonly externalIds: string[];
  private dangling = 0;

  constructor(readonly graph: Graph) {
    const document = graph.nodes.find((n) => typeOf(n) === 'SpdxDocument');
    // Elements imported from other documents are legitimately absent from this graph.
    this.externalIds = document
      ? objects(document, 'import')
          .map((m) => str(m, 'externalSpdxId'))
          .filter((x): x is string => !!x)
      : [];
  }

  readonly lookUp: LookUp = (id) => this.graph.byId.get(id);

  /** Resolves a reference; records a dangling-ref issue when nothing answers to it. */
  resolve(target: string | Node, where: { component?: string; field: string }): Node | undefined {
    if (isNode(target)) return target;
    const node = this.graph.byId.get(target);
    if (node || WELL_KNOWN_ELEMENTS.has(target) || isWellKnownLicense(target)) return node;
    if (this.externalIds.some((x) => target === x || target.startsWith(x))) return undefined;
    this.dangling++;
    if (this.dangling <= MAX_DANGLING_ISSUES) {
      this.issues.push(issue('warning', 'dangling-ref', `"${target}" names no element of this document`, where));
    }
    return undefined;
  }

  finish(): void {
    if (this.dangling > MAX_DANGLING_ISSUES) {
      this.issues.push(
        issue(
          'warning',
          'dangling-ref',
          `${this.dangling - MAX_DANGLING_ISSUES} more references name no element of this document`,
        ),
      );
    }
  }
}

function readRoot(input: DecodeInput): Node {
  const value = input.json !== undefined ? input.json : parseJsonDocument(input.text, input.name);
  const name = input.name ?? 'document';
  if (!isNode(value)) throw new UnreadableDocumentError(`${name}: an SPDX 3 JSON-LD document is a JSON object`, 1);
  if (!Array.isArray(value['@graph']) && typeOf(value) === '') {
    throw new UnreadableDocumentError(`${name}: no "@graph" array and no element type; not SPDX 3 JSON-LD`, 1);
  }
  return value;
}

function specVersionOf(graph: Graph): string | undefined {
  const creation = graph.nodes.find((n) => typeOf(n) === 'CreationInfo');
  return graph.contextVersion ?? (creation ? str(creation, 'specVersion') : undefined);
}

function creationInfoOf(node: Node, ctx: DecodeContext): Node | undefined {
  const info = refs(node, 'creationInfo')[0];
  if (info === undefined) return undefined;
  return isNode(info) ? info : ctx.graph.byId.get(info);
}

/** The described elements: SpdxDocument root → software_Sbom root → the product. */
function describedIds(document: Node | undefined, ctx: DecodeContext): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (target: string | Node, depth: number) => {
    const node = ctx.resolve(target, { field: 'rootElement' });
    const id = isNode(target) ? idOf(target) : target;
    if (!node || !id || seen.has(id) || depth > 4) return;
    seen.add(id);
    const type = typeOf(node);
    if (COMPONENT_CLASSES.has(type) || ABSTRACT_ARTIFACT_CLASSES.has(type)) out.push(id);
    else if (COLLECTION_CLASSES.has(type) || type === 'SpdxDocument') {
      for (const r of refs(node, 'rootElement')) visit(r, depth + 1);
    }
  };
  if (document) for (const r of refs(document, 'rootElement')) visit(r, 0);
  // SPDX 2 habits survive in some 3.0 documents: "describes" from the document or the SBOM.
  const describers = new Set(
    ctx.graph.nodes.filter((n) => typeOf(n) === 'SpdxDocument' || COLLECTION_CLASSES.has(typeOf(n))).map(idOf),
  );
  for (const rel of ctx.graph.nodes) {
    if (
      RELATIONSHIP_CLASSES.has(typeOf(rel)) &&
      relationshipTypeOf(rel) === 'describes' &&
      describers.has(str(rel, 'from'))
    ) {
      for (const to of refs(rel, 'to')) visit(to, 1);
    }
  }
  return out;
}

function readMetadata(sbom: Sbom, document: Node | undefined, ctx: DecodeContext): void {
  const meta = sbom.metadata;
  const collection = ctx.graph.nodes.find((n) => typeOf(n) === 'software_Sbom');
  const source = document ?? collection;
  if (!source) {
    ctx.issues.push(
      issue('warning', 'missing-document', 'no SpdxDocument element: document metadata is unknown', {
        field: '@graph',
      }),
    );
    return;
  }
  const id = idOf(source);
  if (id) meta.serialNumber = id;
  const name = str(source, 'name') ?? (collection ? str(collection, 'name') : undefined);
  if (name) meta.name = name;
  const comment = str(source, 'comment');
  if (comment) meta.comment = comment;
  const info = creationInfoOf(source, ctx);
  if (info) {
    const created = str(info, 'created');
    if (created) meta.timestamp = created;
    for (const by of refs(info, 'createdBy')) {
      const agent = ctx.resolve(by, { field: 'creationInfo.createdBy' }) && agentOf(by, ctx.lookUp);
      if (agent?.name || agent?.email) meta.authors.push(contactOf(agent));
    }
    for (const using of refs(info, 'createdUsing')) {
      const tool = ctx.resolve(using, { field: 'creationInfo.createdUsing' }) && agentOf(using, ctx.lookUp);
      if (tool?.name) meta.tools.push({ name: tool.name });
    }
  } else {
    ctx.issues.push(
      issue('warning', 'missing-creation-info', 'the document has no creation information', { field: 'creationInfo' }),
    );
  }
  const dataLicense = refs(source, 'dataLicense');
  if (dataLicense.length > 0) meta.dataLicense = licenseStatementOf(dataLicense, ctx.lookUp).statement;
  for (const type of collection ? strings(collection, 'software_sbomType') : []) {
    const phase = SBOM_TYPE_TO_PHASE[type] ?? type;
    if (!meta.lifecycles.includes(phase)) meta.lifecycles.push(phase);
  }
  for (const profile of strings(source, 'profileConformance')) {
    meta.properties.push({ name: `${PROPERTY_PREFIX}profileConformance`, value: profile });
  }
}

interface RelationshipFacts {
  edges: Map<string, string[]>;
  /** Adds to `edges`, each target once per component. */
  linked: DistinctLists<string>;
  /** Lifecycle scopes of the edges arriving at each component ('' for an unscoped edge). */
  incomingScopes: Map<string, Set<string>>;
  containedIn: Map<string, string>;
  licenseTargets: Map<string, { declared: Array<string | Node>; concluded: Array<string | Node> }>;
  ignored: Map<string, number>;
  /** `completeness` of each dependency relationship ('' when it states none). */
  edgeCompleteness: string[];
}

/**
 * The lineage kind a relationship carries, told by the element it starts from: from an AI package
 * (trainedOn, testedOn, descendantOf = fine-tuned-from, variantOf), or descendantOf from a dataset
 * package (derived-from). undefined for any other.
 */
function lineageKindOf(relationship: string, fromType: Component['type'] | undefined): LineageKind | undefined {
  if (fromType === 'data') return relationship === LINEAGE_RELATIONSHIPS['derived-from'] ? 'derived-from' : undefined;
  return fromType === 'machine-learning-model' ? LINEAGE_FROM_RELATIONSHIP.get(relationship) : undefined;
}

/** Packages (not files: they are its content) the described product contains, as its dependency list. */
function addContentsAsDependencies(
  facts: RelationshipFacts,
  ctx: DecodeContext,
  fromId: string,
  toIds: string[],
): void {
  for (const t of toIds) {
    const target = ctx.components.has(t) ? ctx.graph.byId.get(t) : undefined;
    if (!target || typeOf(target) === 'software_File' || t === fromId) continue;
    facts.linked.add(fromId, t);
  }
}

/**
 * `primaryRef` is the described product: what it `contains` stays top-level (nest), so its
 * containment of packages is read as its dependency list, as SPDX 2 reads CONTAINS (syft writes an
 * image's packages this way, and would otherwise leave the product without any dependency).
 */
function readRelationships(ctx: DecodeContext, primaryRef: string | undefined): RelationshipFacts {
  const edges = new Map<string, string[]>();
  const facts: RelationshipFacts = {
    edges,
    linked: new DistinctLists(edges),
    incomingScopes: new Map(),
    containedIn: new Map(),
    licenseTargets: new Map(),
    ignored: new Map(),
    edgeCompleteness: [],
  };
  const ignore = (why: string) => facts.ignored.set(why, (facts.ignored.get(why) ?? 0) + 1);
  for (const rel of ctx.graph.byId.values()) {
    const relType = typeOf(rel);
    if (!RELATIONSHIP_CLASSES.has(relType)) {
      if (relType.endsWith('VulnAssessmentRelationship')) ignore('vulnerability assessments');
      continue;
    }
    const kind = relationshipTypeOf(rel);
    const from = refs(rel, 'from')[0];
    const fromId = typeof from === 'string' ? from : from && idOf(from);
    const field = `relationship ${idOf(rel) ?? ''} (${kind})`.trim();
    if (!fromId) {
      ctx.issues.push(issue('warning', 'invalid-relationship', `relationship without "from"`, { field }));
      continue;
    }
    ctx.resolve(fromId, { field });
    const allTo = refs(rel, 'to')
      .map((t) => (typeof t === 'string' ? t : idOf(t)))
      .filter((t): t is string => !!t);
    // The SPDX 3 individuals (NoneElement, NoAssertionElement) say "none" / "unknown", not an element.
    const toIds = allTo.filter((t) => !WELL_KNOWN_ELEMENTS.has(t));
    if (kind === 'hasDeclaredLicense' || kind === 'hasConcludedLicense') {
      if (!ctx.components.has(fromId)) continue;
      const entry = facts.licenseTargets.get(fromId) ?? { declared: [], concluded: [] };
      (kind === 'hasDeclaredLicense' ? entry.declared : entry.concluded).push(...refs(rel, 'to'));
      facts.licenseTargets.set(fromId, entry);
      continue;
    }
    for (const to of toIds) ctx.resolve(to, { field, component: fromId });
    if (EDGE_TYPES.has(kind)) {
      facts.edgeCompleteness.push(str(rel, 'completeness') ?? '');
      const targets = toIds.filter((t) => ctx.components.has(t));
      if (toIds.length === 0 && ctx.components.has(fromId)) {
        // Only NoneElement (or nothing): the component's list is stated as empty, a leaf.
        if (!facts.edges.has(fromId)) facts.edges.set(fromId, []);
        continue;
      }
      if (!ctx.components.has(fromId) || targets.length === 0) {
        ignore(`${kind} between elements that are not components`);
        continue;
      }
      for (const t of targets) facts.linked.add(fromId, t);
      const scope =
        kind === 'hasOptionalDependency'
          ? 'optional'
          : str(rel, 'scope')
            ? (SCOPE_FROM_SPDX[str(rel, 'scope')!] ?? 'other')
            : '';
      for (const t of targets) {
        const scopes = facts.incomingScopes.get(t) ?? new Set<string>();
        scopes.add(scope);
        facts.incomingScopes.set(t, scopes);
      }
    } else if (kind === 'contains') {
      if (!ctx.components.has(fromId)) {
        ignore('contains from an element that is not a component');
        continue;
      }
      for (const t of toIds)
        if (ctx.components.has(t) && !facts.containedIn.has(t) && t !== fromId) facts.containedIn.set(t, fromId);
      if (fromId === primaryRef) addContentsAsDependencies(facts, ctx, fromId, toIds);
    } else if (kind === 'hasDistributionArtifact') {
      // BSI TR-03183-2 §8.2 puts filename, deployable hash and file purposes on this artefact.
      const component = ctx.components.get(fromId);
      if (!component) continue;
      for (const t of toIds) component.properties.push({ name: DISTRIBUTION_ARTIFACT_PROPERTY, value: t });
    } else if (lineageKindOf(kind, ctx.components.get(fromId)?.type)) {
      const targets = toIds.filter((t) => ctx.components.has(t));
      if (targets.length > 0)
        ctx.lineage.push({ from: fromId, kind: lineageKindOf(kind, ctx.components.get(fromId)?.type)!, to: targets });
      else ignore(`${kind} towards elements that are not components`);
    } else if (kind !== 'describes') {
      ignore(`${kind} relationships`);
    }
  }
  return facts;
}

/**
 * The graph's completeness from its relationships: stated only when every dependency relationship
 * states it; the weakest statement wins (one "incomplete" edge makes the graph incomplete).
 */
function graphCompleteness(stated: string[]): Completeness {
  if (stated.length === 0 || stated.some((c) => c === '')) return 'not_specified';
  if (stated.includes('noAssertion')) return 'unknown';
  if (stated.includes('incomplete')) return 'incomplete';
  return 'complete';
}

function dependencyScopeOf(scopes: Set<string>): DependencyScope | undefined {
  // An unscoped edge says nothing, so it leaves the scope open unless a run-time edge settles it.
  if (scopes.has('prod')) return 'prod';
  if (scopes.has('')) return undefined;
  return SCOPE_PRIORITY.find((s) => scopes.has(s)) ?? [...scopes][0];
}

function applyLicenses(facts: RelationshipFacts, ctx: DecodeContext): void {
  for (const [ref, targets] of facts.licenseTargets) {
    const component = ctx.components.get(ref)!;
    for (const role of ['declared', 'concluded'] as const) {
      if (targets[role].length === 0) continue;
      const resolved = licenseStatementOf(targets[role], ctx.lookUp);
      for (const missing of resolved.missing) {
        ctx.resolve(missing, { component: ref, field: `licenses.${role}` });
      }
      if (resolved.statement) component.licenses[role] = resolved.statement;
    }
  }
  for (const note of ctx.graph.byId.values()) {
    if (typeOf(note) !== 'Annotation') continue;
    const statement = str(note, 'statement');
    const subject = refs(note, 'subject')[0];
    const ref = typeof subject === 'string' ? subject : subject && idOf(subject);
    if (!statement?.startsWith(EFFECTIVE_LICENSE_STATEMENT) || !ref) continue;
    const component = ctx.components.get(ref);
    if (!component) {
      ctx.resolve(ref, { field: 'annotation.subject' });
      continue;
    }
    const text = statement.slice(EFFECTIVE_LICENSE_STATEMENT.length).trim();
    const effective: LicenseStatement = { raw: text, expression: text, entries: [{ expression: text }] };
    component.licenses.effective = effective;
  }
}

/** Nests contained components under their container; the described product's contents stay top-level. */
function nest(facts: RelationshipFacts, primaryRef: string | undefined, ctx: DecodeContext): Component[] {
  const parentOf = (ref: string) => {
    const parent = facts.containedIn.get(ref);
    return parent === undefined || parent === primaryRef || ref === primaryRef ? undefined : parent;
  };
  const topLevel: Component[] = [];
  for (const [ref, component] of ctx.components) {
    if (ref === primaryRef) continue;
    let parent = parentOf(ref);
    // A containment cycle cannot be nested: its members stay top-level.
    for (let p = parent, steps = 0; p !== undefined; p = parentOf(p), steps++) {
      if (p === ref || steps > ctx.components.size) {
        parent = undefined;
        break;
      }
    }
    if (parent === undefined) topLevel.push(component);
    else (ctx.components.get(parent)!.components ??= []).push(component);
  }
  return topLevel;
}

function reportSkipped(ctx: DecodeContext, facts: RelationshipFacts): void {
  const unknown = new Map<string, number>();
  const notKept = new Map<string, number>();
  for (const node of ctx.graph.nodes) {
    const type = typeOf(node);
    if (ctx.components.has(idOf(node) ?? '') && COMPONENT_CLASSES.has(type)) continue;
    if (placeholderOf(node)) continue; // read as the licence NOASSERTION / NONE
    if (!KNOWN_CLASSES.has(type) && !ABSTRACT_ARTIFACT_CLASSES.has(type))
      unknown.set(type, (unknown.get(type) ?? 0) + 1);
    else if (/^(security_|build_|software_Snippet)/.test(type)) notKept.set(type, (notKept.get(type) ?? 0) + 1);
  }
  for (const [type, count] of unknown) {
    const label = type === '' ? 'without a type' : `of unknown type "${type}"`;
    ctx.issues.push(
      issue('warning', 'unknown-element-type', `${count} element(s) ${label} were skipped`, { field: '@graph' }),
    );
  }
  for (const [type, count] of notKept) {
    ctx.issues.push(
      issue('info', 'element-not-kept', `${count} ${type} element(s) are not part of the inventory and were not kept`),
    );
  }
  for (const [why, count] of facts.ignored) {
    ctx.issues.push(issue('info', 'relationship-not-kept', `${count} ${why} were not kept`));
  }
}

export function decodeSpdx3(input: DecodeInput): DecodeResult {
  const root = readRoot(input);
  const graph = indexGraph(root);
  const specVersion = specVersionOf(graph) ?? WRITTEN_VERSION;
  const sbom = emptySbom({ id: FORMAT_ID, specVersion });
  const ctx = new DecodeContext(graph);
  reportNonStringFields(graph.nodes, ctx.issues);
  if (!(SPEC_VERSIONS as readonly string[]).includes(specVersion)) {
    ctx.issues.push(
      issue('warning', 'unsupported-version', `SPDX ${specVersion} is not a version Vigie reads; read as 3.0.1`, {
        field: '@context',
      }),
    );
  }

  for (const [id, node] of graph.byId) {
    const type = typeOf(node);
    if (!COMPONENT_CLASSES.has(type) && !ABSTRACT_ARTIFACT_CLASSES.has(type)) continue;
    if (ABSTRACT_ARTIFACT_CLASSES.has(type)) {
      ctx.issues.push(
        issue('warning', 'abstract-element-type', `${type} is an abstract class; read as a package`, { component: id }),
      );
    }
    const component = decodeComponent(node, id, ctx.lookUp);
    if (!component.name)
      ctx.issues.push(issue('warning', 'missing-name', 'element has no name', { component: id, field: 'name' }));
    for (const agent of [...refs(node, 'suppliedBy'), ...refs(node, 'originatedBy')]) {
      const agentNode = ctx.resolve(agent, { component: id, field: 'suppliedBy/originatedBy' });
      if (agentNode && !AGENT_CLASSES.has(typeOf(agentNode))) {
        ctx.issues.push(issue('warning', 'invalid-agent', `${typeOf(agentNode)} is not an agent`, { component: id }));
      }
    }
    liftAiFields(component);
    ctx.components.set(id, component);
  }
  for (const node of graph.nodes) {
    if (idOf(node) === undefined && typeOf(node) !== 'CreationInfo' && typeOf(node) !== '') {
      ctx.issues.push(issue('warning', 'missing-id', `a ${typeOf(node)} element has no spdxId`, { field: '@graph' }));
    }
  }

  const document = graph.nodes.find((n) => typeOf(n) === 'SpdxDocument');
  readMetadata(sbom, document, ctx);
  const vulnerabilities = graph.nodes.filter((n) => typeOf(n) === 'security_Vulnerability').length;
  if (vulnerabilities > 0) sbom.metadata.embeddedVulnerabilities = vulnerabilities;
  const described = describedIds(document, ctx);
  const primaryRef = described.find((id) => ctx.components.has(id));

  const facts = readRelationships(ctx, primaryRef);
  applyLicenses(facts, ctx);
  for (const [ref, scopes] of facts.incomingScopes) {
    const scope = dependencyScopeOf(scopes);
    if (scope) ctx.components.get(ref)!.dependencyScope = scope;
  }
  if (primaryRef) sbom.metadata.component = ctx.components.get(primaryRef);
  sbom.components = nest(facts, primaryRef, ctx);
  sbom.dependencies = [...facts.edges].map(([ref, dependsOn]) => ({ ref, dependsOn }));
  if (ctx.lineage.length > 0) sbom.lineage = ctx.lineage;
  sbom.dependencyCompleteness = graphCompleteness(facts.edgeCompleteness);
  reportSkipped(ctx, facts);
  ctx.finish();
  return { sbom, issues: ctx.issues };
}
