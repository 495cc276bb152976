// Model Component → CycloneDX component object (JSON key order, which the XML writer reorders).
import {
  emptyModelCard,
  type Component,
  type Contact,
  type ExternalReference,
  type Hash,
  type OrganizationalEntity,
  type Property,
} from '../../../model/index.js';
import type { CdxComponent, CdxContact, CdxExternalReference, CdxHash, CdxOrganization } from './bom-shape.js';
import { lossy, type EncodeContext } from './encode-context.js';
import { encodeLicenses } from './encode-licenses.js';
import { encodeComponentData, encodeModelCard } from './encode-model-card.js';
import { AI_PROPERTY } from './ai-properties.js';
import { VIGIE_PROPERTY } from './vigie-properties.js';
import { hashAlgorithmFor, isExternalReferenceType, isSchemaHashContent } from './vocabulary.js';

export function encodeContact(c: Contact): CdxContact {
  const out: CdxContact = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.email !== undefined) out.email = c.email;
  if (c.phone !== undefined) out.phone = c.phone;
  return out;
}

export function encodeOrganization(o: OrganizationalEntity): CdxOrganization {
  const out: CdxOrganization = {};
  if (o.name !== undefined) out.name = o.name;
  if (o.urls && o.urls.length > 0) out.url = [...o.urls];
  if (o.contacts && o.contacts.length > 0) out.contact = o.contacts.map(encodeContact);
  return out;
}

export function encodeHashes(hashes: Hash[], ctx: EncodeContext, label?: string): CdxHash[] | undefined {
  const out: CdxHash[] = [];
  // Indexed loops on the per-component path: a short command runs it interpreted, where `for…of`
  // allocates an iterator result per step (ADR 69).
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    const alg = hashAlgorithmFor(ctx.version, h.alg);
    if (!alg) lossy(ctx, `CycloneDX ${ctx.version} has no hash algorithm "${h.alg}"; hash dropped`, label, 'hashes');
    else if (!isSchemaHashContent(h.content))
      lossy(ctx, `${h.alg} digest "${h.content}" is not a hex digest CycloneDX accepts; hash dropped`, label, 'hashes');
    else out.push({ alg, content: h.content });
  }
  return out.length > 0 ? out : undefined;
}

function encodeExternalReferences(
  refs: ExternalReference[],
  ctx: EncodeContext,
  label: string,
): CdxExternalReference[] | undefined {
  if (refs.length === 0) return undefined;
  return refs.map((r) => {
    const out: CdxExternalReference = { type: r.type, url: r.url };
    if (!isExternalReferenceType(ctx.version, r.type)) {
      out.type = 'other';
      lossy(
        ctx,
        `external reference type "${r.type}" does not exist in CycloneDX ${ctx.version}; written as "other"`,
        label,
        'externalReferences',
      );
    }
    const comment = r.comment ?? (out.type !== r.type ? r.type : undefined);
    if (comment !== undefined) out.comment = comment;
    const hashes = r.hashes ? encodeHashes(r.hashes, ctx, label) : undefined;
    if (hashes) out.hashes = hashes;
    return out;
  });
}

function uniqueRef(ref: string, ctx: EncodeContext, label: string): string {
  if (!ctx.refs.has(ref)) {
    ctx.refs.add(ref);
    return ref;
  }
  let n = 2;
  while (ctx.refs.has(`${ref}#${n}`)) n++;
  const renamed = `${ref}#${n}`;
  ctx.refs.add(renamed);
  lossy(ctx, `bom-ref "${ref}" is not unique; this component is written as "${renamed}"`, label, 'bom-ref');
  return renamed;
}

function encodeAiFields(c: Component, out: CdxComponent, ctx: EncodeContext, spill: Property[]): void {
  const found = ctx.lineage?.get(c.ref);
  // Most components carry no AI data: nothing to filter.
  if (!found && !c.modelCard && !c.dataset) return;
  const edges = found ?? [];
  const lineage = edges.filter((e) => e.kind !== 'derived-from');
  // A dataset's sources: a Vigie property on the data component (decode-component.ts reads it back).
  for (const edge of edges.filter((e) => e.kind === 'derived-from')) {
    if (c.type === 'data')
      for (const to of edge.to) spill.push({ name: AI_PROPERTY.lineage, value: `derived-from ${to}` });
    else
      lossy(ctx, `a derived-from edge belongs to data components; left out of this "${c.type}"`, c.ref, 'properties');
  }
  if (c.modelCard || lineage.length > 0) {
    if (c.type === 'machine-learning-model')
      out.modelCard = encodeModelCard(c, c.modelCard ?? emptyModelCard(), lineage, ctx);
    else
      lossy(
        ctx,
        `a model card and lineage belong to machine-learning-model components; left out of this "${c.type}"`,
        c.ref,
        'modelCard',
      );
  }
  if (c.dataset) out.data = encodeComponentData(c, c.dataset, ctx, spill);
}

const NO_IDS: readonly string[] = [];

export function encodeComponent(c: Component, ctx: EncodeContext): CdxComponent {
  const label = c.ref;
  const out: CdxComponent = { type: c.type, 'bom-ref': uniqueRef(c.ref, ctx, label) };
  if (c.supplier) out.supplier = encodeOrganization(c.supplier);
  if (c.manufacturer) out.manufacturer = encodeOrganization(c.manufacturer);
  if (c.authors && c.authors.length > 0) out.authors = c.authors.map(encodeContact);
  if (c.publisher !== undefined) out.publisher = c.publisher;
  if (c.group !== undefined) out.group = c.group;
  out.name = c.name;
  if (c.version !== undefined) out.version = c.version;
  if (c.description !== undefined) out.description = c.description;
  if (c.scope !== undefined) out.scope = c.scope;
  const hashes = encodeHashes(c.hashes, ctx, label);
  if (hashes) out.hashes = hashes;

  const vigieProperties: Property[] = [];
  const licenses = encodeLicenses(c.licenses, ctx, label, vigieProperties);
  if (licenses) out.licenses = licenses;
  if (c.copyright !== undefined) out.copyright = c.copyright;
  if (c.cpe !== undefined) out.cpe = c.cpe;
  if (c.purl !== undefined) out.purl = c.purl;

  const ids = c.otherIdentifiers ?? NO_IDS;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id.startsWith('gitoid:')) (out.omniborId ??= []).push(id);
    else if (id.startsWith('swh:')) (out.swhid ??= []).push(id);
    else if (!out.swid) out.swid = { tagId: id, name: c.name };
    else vigieProperties.push({ name: VIGIE_PROPERTY.otherIdentifier, value: id });
  }
  const externalReferences = encodeExternalReferences(c.externalReferences, ctx, label);
  if (externalReferences) out.externalReferences = externalReferences;

  encodeAiFields(c, out, ctx, vigieProperties);
  if (c.dependencyScope !== undefined)
    vigieProperties.push({ name: VIGIE_PROPERTY.dependencyScope, value: c.dependencyScope });
  if (c.language !== undefined) vigieProperties.push({ name: VIGIE_PROPERTY.language, value: c.language });
  const properties = c.properties.length > 0 ? c.properties.concat(vigieProperties) : vigieProperties;
  if (properties.length > 0) out.properties = properties.map((p) => ({ name: p.name, value: p.value }));

  if (c.components && c.components.length > 0) out.components = c.components.map((n) => encodeComponent(n, ctx));
  if (c.evidence && c.evidence.length > 0) out.evidence = { occurrences: c.evidence.map((location) => ({ location })) };
  return out;
}
