// The document's @graph as an index of elements by id, with every type name in its compact form.

/** One JSON-LD node as found; fields are read through the helpers below. */
export type Node = Record<string, unknown>;

export interface Graph {
  /** Every top-level node, in document order. */
  nodes: Node[];
  /** Nodes by spdxId / @id (first one wins). */
  byId: Map<string, Node>;
  /** Spec version named by the @context IRI, when it names one. */
  contextVersion?: string;
}

const TERMS = /^https?:\/\/spdx\.org\/rdf\/(3\.[0-9.]+)\/terms\/([A-Za-z]+)\/([A-Za-z]+)$/;

/**
 * Compact type name as the 3.0 context spells it (`software_Package`, `Relationship`). A full IRI
 * such as `https://spdx.org/rdf/3.0.1/terms/Software/Package` is folded to the same word.
 */
export function typeOf(node: Node): string {
  const raw = node.type ?? node['@type'];
  const name = Array.isArray(raw) ? raw[0] : raw;
  if (typeof name !== 'string') return '';
  const m = TERMS.exec(name);
  if (!m) return name;
  return m[2] === 'Core' ? m[3] : `${m[2].toLowerCase()}_${m[3]}`;
}

export function idOf(node: Node): string | undefined {
  const id = node.spdxId ?? node['@id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A text field; any other JSON type is no value (string-fields.ts reports it at its path). */
export function str(node: Node, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

/** A field that the schema types as a list; a lone value is accepted as a list of one. */
export function list(node: Node, key: string): unknown[] {
  const v = node[key];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function strings(node: Node, key: string): string[] {
  return list(node, key).filter((v): v is string => typeof v === 'string');
}

export function objects(node: Node, key: string): Node[] {
  return list(node, key).filter(isNode);
}

export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A reference field: either an id string or an inline node (JSON-LD allows both). Inline nodes
 * are returned as such so the caller can read them without a lookup.
 */
export function refs(node: Node, key: string): Array<string | Node> {
  return list(node, key).filter((v): v is string | Node => typeof v === 'string' || isNode(v));
}

/**
 * A relationship's type in its SPDX 3 spelling. Some producers (Microsoft's sbom-tool) keep the
 * SPDX 2 names in 3.0 documents: DEPENDS_ON is read as dependsOn, HAS_DECLARED_LICENSE as
 * hasDeclaredLicense.
 */
export function relationshipTypeOf(rel: Node): string {
  const written = str(rel, 'relationshipType') ?? '';
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(written)) return written;
  return written.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The nodes of a field whose values are inline objects (externalIdentifier, verifiedUsing…); a
 * producer that writes them as elements of their own and puts their ids here is followed too.
 */
export function nodesOf(node: Node, key: string, lookUp: (id: string) => Node | undefined): Node[] {
  const out: Node[] = [];
  for (const v of list(node, key)) {
    const found = typeof v === 'string' ? lookUp(v) : isNode(v) ? v : undefined;
    if (found) out.push(found);
  }
  return out;
}

export function contextVersionOf(context: unknown): string | undefined {
  const all = Array.isArray(context) ? context : [context];
  for (const c of all) {
    const m = typeof c === 'string' ? /spdx\.org\/rdf\/(3\.[0-9.]+)\/spdx-context\.jsonld/.exec(c) : null;
    if (m) return m[1];
  }
  return undefined;
}

/** Indexes the graph; inline nodes that carry their own id (nested agents, licences) are indexed too. */
export function indexGraph(root: Node): Graph {
  const top = Array.isArray(root['@graph']) ? root['@graph'].filter(isNode) : [root];
  const byId = new Map<string, Node>();
  const visit = (n: Node, depth: number) => {
    const id = idOf(n);
    if (id !== undefined && !byId.has(id) && typeOf(n) !== '') byId.set(id, n);
    if (depth > 3) return;
    for (const v of Object.values(n)) {
      if (isNode(v)) visit(v, depth + 1);
      else if (Array.isArray(v)) for (const x of v) if (isNode(x)) visit(x, depth + 1);
    }
  };
  for (const n of top) visit(n, 0);
  return { nodes: top, byId, contextVersion: contextVersionOf(root['@context']) };
}
