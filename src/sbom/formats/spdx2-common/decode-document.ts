import { emptySbom, issue, type Component, type Issue, type Sbom } from '../../../model/index.js';
import type { DecodeResult } from '../../format.js';
import { actorToContact, parseActor, toolFromActorName } from './actor.js';
import { fileToComponent, packageToComponent, type ElementContext } from './decode-element.js';
import { DOCUMENT_ID, type LineLookup, type Spdx2Document, type Spdx2ExtractedLicense } from './document.js';
import { decodeLicenseField } from './license-field.js';
import { SPDX_PROPERTY } from './properties.js';
import { edgeOf } from './relationship-types.js';
import { spdxVersionNumber } from './spec-version.js';
import { DistinctLists } from '../../distinct-lists.js';

interface Relation {
  element: string;
  type: string;
  related: string;
}

const notAnElement = (id: string) => id === 'NOASSERTION' || id === 'NONE' || id.startsWith('DocumentRef-');

/**
 * Maps an SPDX 2 document (any syntax, already parsed) onto the model.
 *
 * - The first package the document DESCRIBES becomes `metadata.component` (a described file when
 *   no package is described); other described elements stay components.
 * - A file CONTAINED by a package (CONTAINS, CONTAINED_BY or hasFiles) is nested under the first
 *   such package; other files are top-level components of type `file`.
 * - Dependency edges come from the relationships listed in relationship-types.ts.
 * - Snippets are skipped with one info Issue.
 */
export function decodeSpdx2Document(
  doc: Spdx2Document,
  format: string,
  lineOf: LineLookup = () => undefined,
): DecodeResult {
  const issues: Issue[] = [];
  const specVersion = spdxVersionNumber(doc.spdxVersion);
  if (!specVersion) {
    issues.push(
      issue('error', 'missing-field', `spdxVersion "${String(doc.spdxVersion ?? '')}" is not SPDX-2.x`, {
        field: 'spdxVersion',
      }),
    );
  }
  const sbom = emptySbom({ id: format, specVersion: specVersion ?? 'unknown' });
  const documentId = doc.SPDXID?.trim() || DOCUMENT_ID;
  const ctx: ElementContext = { specVersion, extracted: extractedLicenses(doc, issues), issues, lineOf };

  decodeMetadata(doc, sbom, ctx);
  const elements = collectElements(doc, ctx);
  if (doc.snippets?.length) {
    issues.push(
      issue('info', 'snippets-skipped', `${doc.snippets.length} snippet(s) skipped: the model has no snippets`, {
        field: 'snippets',
      }),
    );
  }
  const relations = collectRelations(doc, documentId, issues);
  const primary = pickPrimary(relations, documentId, elements.byRef, elements.kind);
  if (primary === undefined) reportExternalPrimary(relations, documentId, issues);
  const { parentOf, nesting } = nestFiles(relations, elements, primary);
  for (const [ref, dependsOn] of dependencyEdges(
    relations.filter((r) => !nesting.has(r)),
    documentId,
    elements.byRef,
    issues,
  )) {
    sbom.dependencies.push({ ref, dependsOn });
  }
  for (const c of elements.order) {
    const parent = elements.byRef.get(c.ref) === c ? parentOf.get(c.ref) : undefined;
    if (parent) (elements.byRef.get(parent)!.components ??= []).push(c);
    else if (c.ref === primary && elements.byRef.get(c.ref) === c) sbom.metadata.component = c;
    else sbom.components.push(c);
  }
  return { sbom, issues };
}

function extractedLicenses(doc: Spdx2Document, issues: Issue[]): Map<string, Spdx2ExtractedLicense> {
  const extracted = new Map<string, Spdx2ExtractedLicense>();
  for (const info of doc.hasExtractedLicensingInfos ?? []) {
    if (info.licenseId) extracted.set(info.licenseId, info);
    else
      issues.push(
        issue('warning', 'missing-field', 'extracted licence without licenseId skipped', {
          field: 'hasExtractedLicensingInfos',
        }),
      );
  }
  return extracted;
}

interface Elements {
  /** The first element of each SPDXID: the one relationships reach. */
  byRef: Map<string, Component>;
  /** Every element, in document order (a reused SPDXID included). */
  order: Component[];
  kind: Map<string, 'package' | 'file'>;
}

/** Packages then files as components; a missing SPDXID gets a generated one, a reused one a warning. */
function collectElements(doc: Spdx2Document, ctx: ElementContext): Elements {
  const elements: Elements = { byRef: new Map(), order: [], kind: new Map() };
  let anonymous = 0;
  const refFor = (id: string | undefined, what: string): string => {
    const trimmed = id?.trim();
    if (trimmed) {
      if (elements.byRef.has(trimmed)) {
        ctx.issues.push(
          issue('warning', 'duplicate-ref', `SPDXID ${trimmed} is used twice; relationships reach the first ${what}`, {
            component: trimmed,
            line: ctx.lineOf(trimmed),
          }),
        );
      }
      return trimmed;
    }
    const ref = `SPDXRef-vigie-anonymous-${++anonymous}`;
    ctx.issues.push(
      issue('error', 'missing-field', `${what} has no SPDXID; named ${ref}`, { component: ref, field: 'SPDXID' }),
    );
    return ref;
  };
  const add = (c: Component, k: 'package' | 'file') => {
    elements.order.push(c);
    if (!elements.byRef.has(c.ref)) {
      elements.byRef.set(c.ref, c);
      elements.kind.set(c.ref, k);
    }
  };
  for (const pkg of doc.packages ?? []) add(packageToComponent(pkg, refFor(pkg.SPDXID, 'package'), ctx), 'package');
  for (const file of doc.files ?? []) add(fileToComponent(file, refFor(file.SPDXID, 'file'), ctx), 'file');
  return elements;
}

/** documentDescribes, hasFiles and relationships as one list of (element, TYPE, related). */
function collectRelations(doc: Spdx2Document, documentId: string, issues: Issue[]): Relation[] {
  const relations: Relation[] = [];
  for (const id of doc.documentDescribes ?? []) relations.push({ element: documentId, type: 'DESCRIBES', related: id });
  for (const pkg of doc.packages ?? []) {
    for (const file of pkg.hasFiles ?? [])
      if (pkg.SPDXID) relations.push({ element: pkg.SPDXID, type: 'CONTAINS', related: file });
  }
  for (const r of doc.relationships ?? []) {
    if (!r.spdxElementId || !r.relationshipType || !r.relatedSpdxElement) {
      issues.push(
        issue('warning', 'invalid-relationship', 'relationship without element, type or related element skipped', {
          field: 'relationships',
        }),
      );
      continue;
    }
    relations.push({
      element: r.spdxElementId.trim(),
      type: r.relationshipType.trim().toUpperCase(),
      related: r.relatedSpdxElement.trim(),
    });
  }
  return relations;
}

/** Files go under the first package that contains them; the relations that say so are not edges. */
function nestFiles(
  relations: Relation[],
  { kind }: Elements,
  primary: string | undefined,
): { parentOf: Map<string, string>; nesting: Set<Relation> } {
  const parentOf = new Map<string, string>();
  const nesting = new Set<Relation>();
  for (const r of relations) {
    const [container, content] =
      r.type === 'CONTAINS' ? [r.element, r.related] : r.type === 'CONTAINED_BY' ? [r.related, r.element] : [];
    if (!container || !content) continue;
    if (kind.get(container) !== 'package' || kind.get(content) !== 'file' || content === primary) continue;
    if (!parentOf.has(content)) parentOf.set(content, container);
    if (parentOf.get(content) === container) nesting.add(r);
  }
  return { parentOf, nesting };
}

/** Dependency edges between elements; relations naming an undefined element are reported once. */
function dependencyEdges(
  relations: Relation[],
  documentId: string,
  byRef: Map<string, Component>,
  issues: Issue[],
): Map<string, string[]> {
  const edges = new DistinctLists<string>();
  const dangling = new Set<string>();
  // Edges to elements of other documents, by document: counted, since they cannot be followed.
  const external = new Map<string, number>();
  for (const r of relations) {
    const edge = edgeOf(r.type, r.element, r.related);
    if (!edge || edge.from === edge.to) continue;
    if (edge.from === documentId || edge.to === documentId) continue;
    const missing = [edge.from, edge.to].filter((id) => !byRef.has(id));
    const elsewhere = missing.find((id) => id.startsWith('DocumentRef-'));
    if (elsewhere) {
      const document = elsewhere.split(':')[0]!;
      external.set(document, (external.get(document) ?? 0) + 1);
      continue;
    }
    if (missing.some(notAnElement)) continue;
    if (missing.length) {
      for (const id of missing) dangling.add(id);
      continue;
    }
    edges.add(edge.from, edge.to);
    const target = byRef.get(edge.to)!;
    if (edge.scope && target.dependencyScope === undefined) target.dependencyScope = edge.scope;
  }
  for (const id of dangling) {
    issues.push(
      issue('warning', 'dangling-ref', `a relationship names ${id}, which the document does not define`, {
        component: id,
        field: 'relationships',
      }),
    );
  }
  for (const [document, count] of external) {
    const what =
      count === 1 ? 'a dependency relationship names an element' : `${count} dependency relationships name elements`;
    issues.push(
      issue(
        'info',
        'external-element',
        `${what} of another document (${document}); this document does not hold them, so the dependency graph stops there`,
        { field: 'relationships' },
      ),
    );
  }
  return edges.lists;
}

/**
 * A document that describes only an element of another document (`DocumentRef-x:SPDXRef-y`, as an image
 * index's document names the image of each architecture) has no primary component here; said so rather
 * than "does not say which component it describes".
 */
function reportExternalPrimary(relations: Relation[], documentId: string, issues: Issue[]): void {
  const described = relations.find(
    (r) => r.type === 'DESCRIBES' && r.element === documentId && /^DocumentRef-[^:]+:/.test(r.related),
  );
  if (!described) return;
  const document = described.related.slice(0, described.related.indexOf(':'));
  issues.push(
    issue(
      'info',
      'external-primary',
      `the document describes ${described.related}, an element of another document (${document}); it holds no primary component of its own`,
      { field: 'relationships' },
    ),
  );
}

function pickPrimary(
  relations: Relation[],
  documentId: string,
  byRef: Map<string, Component>,
  kind: Map<string, 'package' | 'file'>,
): string | undefined {
  const described: string[] = [];
  for (const r of relations) {
    if (r.type === 'DESCRIBES' && r.element === documentId) described.push(r.related);
    else if (r.type === 'DESCRIBED_BY' && r.related === documentId) described.push(r.element);
  }
  return described.find((id) => kind.get(id) === 'package') ?? described.find((id) => byRef.has(id));
}

function decodeMetadata(doc: Spdx2Document, sbom: Sbom, ctx: ElementContext): void {
  const meta = sbom.metadata;
  const missing = (field: string, message: string) =>
    ctx.issues.push(issue('warning', 'missing-field', message, { field }));

  if (doc.documentNamespace?.trim()) meta.serialNumber = doc.documentNamespace.trim();
  else missing('documentNamespace', 'document has no documentNamespace (required)');
  if (doc.name?.trim()) meta.name = doc.name.trim();
  else missing('name', 'document has no name (required)');
  if (!doc.SPDXID) missing('SPDXID', 'document has no SPDXID (required: SPDXRef-DOCUMENT)');
  if (doc.dataLicense?.trim()) {
    const data = decodeLicenseField(doc.dataLicense, ctx.extracted).statement;
    if (data) meta.dataLicense = data;
  } else missing('dataLicense', 'document has no dataLicense (required: CC0-1.0)');
  if (doc.comment) meta.comment = doc.comment;

  const info = doc.creationInfo;
  if (info?.created?.trim()) meta.timestamp = info.created.trim();
  else missing('creationInfo.created', 'document has no creation time (required)');
  if (!info?.creators?.length) missing('creationInfo.creators', 'document names no creator (required)');
  for (const creator of info?.creators ?? []) {
    const actor = parseActor(creator);
    if (!actor) {
      ctx.issues.push(
        issue(
          'warning',
          'invalid-actor',
          `creator "${creator}" is not "Tool: …", "Person: …" or "Organization: …"; ignored`,
          { field: 'creationInfo.creators' },
        ),
      );
    } else if (actor.kind === 'tool') meta.tools.push(toolFromActorName(actor.name));
    else {
      meta.authors.push(actorToContact(actor));
      if (actor.kind === 'organization')
        meta.properties.push({ name: SPDX_PROPERTY.creatorOrganization, value: actor.name });
    }
  }
  if (info?.comment) meta.properties.push({ name: SPDX_PROPERTY.creatorComment, value: info.comment });
  if (info?.licenseListVersion)
    meta.properties.push({ name: SPDX_PROPERTY.licenseListVersion, value: String(info.licenseListVersion) });
  for (const ref of doc.externalDocumentRefs ?? []) {
    if (!ref.externalDocumentId || !ref.spdxDocument) {
      ctx.issues.push(
        issue('warning', 'missing-field', 'external document reference without id or document URI skipped', {
          field: 'externalDocumentRefs',
        }),
      );
      continue;
    }
    const checksum =
      ref.checksum?.algorithm && ref.checksum.checksumValue
        ? ` ${ref.checksum.algorithm}: ${ref.checksum.checksumValue}`
        : '';
    meta.properties.push({
      name: SPDX_PROPERTY.externalDocumentRef,
      value: `${ref.externalDocumentId} ${ref.spdxDocument}${checksum}`,
    });
  }
}
