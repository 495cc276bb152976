// One CycloneDX component (and its nested components) → model Component.
import {
  issue,
  licenseFromExpression,
  type Component,
  type Contact,
  type ExternalReference,
  type Hash,
  type LicenseEntry,
  type OrganizationalEntity,
  type Property,
} from '../../../model/index.js';
import type {
  CdxComponent,
  CdxContact,
  CdxExternalReference,
  CdxHash,
  CdxOrganization,
  CdxProperty,
} from './bom-shape.js';
import type { DecodeContext } from './decode-context.js';
import { decodeLicenses } from './decode-licenses.js';
import { decodeAiFields } from './decode-ai-fields.js';
import { AI_PROPERTY } from './ai-properties.js';
import { VIGIE_PREFIX, VIGIE_PROPERTY } from './vigie-properties.js';
import { asComponentType, asHashAlgorithm, asScope } from './vocabulary.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function decodeContact(c: CdxContact): Contact {
  const out: Contact = {};
  if (typeof c.name === 'string') out.name = c.name;
  if (typeof c.email === 'string') out.email = c.email;
  if (typeof c.phone === 'string') out.phone = c.phone;
  return out;
}

export function decodeOrganization(o: CdxOrganization | undefined): OrganizationalEntity | undefined {
  if (!o || typeof o !== 'object') return undefined;
  const out: OrganizationalEntity = {};
  if (typeof o.name === 'string') out.name = o.name;
  if (Array.isArray(o.url) && o.url.length > 0) out.urls = o.url.filter((u) => typeof u === 'string');
  if (Array.isArray(o.contact) && o.contact.length > 0) out.contacts = o.contact.map(decodeContact);
  return out;
}

export function decodeHashes(
  hashes: CdxHash[] | undefined,
  ctx: DecodeContext,
  where: { component?: string; field: string },
): Hash[] {
  if (!Array.isArray(hashes)) return [];
  const out: Hash[] = [];
  for (const h of hashes) {
    if (typeof h.alg !== 'string' || typeof h.content !== 'string') continue;
    const alg = asHashAlgorithm(h.alg);
    if (!alg) {
      ctx.issues.push(
        issue('warning', 'unknown-value', `unknown hash algorithm "${h.alg}", kept as found`, {
          component: where.component,
          field: `${where.field}.alg`,
        }),
      );
    }
    out.push({ alg: alg ?? h.alg, content: h.content.toLowerCase() });
  }
  return out;
}

export function decodeProperties(props: CdxProperty[] | undefined): Property[] {
  if (!Array.isArray(props)) return [];
  const out: Property[] = [];
  for (const p of props) if (typeof p.name === 'string') out.push({ name: p.name, value: str(p.value) ?? '' });
  return out;
}

function decodeExternalReferences(
  refs: CdxExternalReference[] | undefined,
  ctx: DecodeContext,
  label: string,
): ExternalReference[] {
  if (!Array.isArray(refs)) return [];
  const out: ExternalReference[] = [];
  for (const r of refs) {
    if (typeof r.url !== 'string') continue;
    const ref: ExternalReference = { type: str(r.type) ?? 'other', url: r.url };
    if (typeof r.comment === 'string') ref.comment = r.comment;
    if (Array.isArray(r.hashes) && r.hashes.length > 0) {
      ref.hashes = decodeHashes(r.hashes, ctx, { component: label, field: 'externalReferences.hashes' });
    }
    out.push(ref);
  }
  return out;
}

/** A ref for a component that has none: stable across runs because it derives from identity. */
function generatedRef(c: CdxComponent, ctx: DecodeContext): string {
  let base = c.purl;
  if (!base) {
    const name = c.group ? `${c.group}/${c.name ?? ''}` : (c.name ?? 'component');
    base = c.version ? `${name}@${c.version}` : name;
  }
  let ref = base;
  for (let n = 2; ctx.refs.has(ref) || ctx.documentRefs.has(ref); n++) ref = `${base}#${n}`;
  ctx.generatedRefs++;
  ctx.firstGeneratedRef ??= ref;
  return ref;
}

/** Takes Vigie's own properties off the list and sets the model fields they carry. */
function applyVigieProperties(component: Component, properties: Property[]): Property[] {
  let hasVigie = false;
  for (const p of properties) if (p.name.startsWith(VIGIE_PREFIX)) hasVigie = true;
  if (!hasVigie) return properties;
  const kept: Property[] = [];
  for (const p of properties) {
    switch (p.name) {
      case VIGIE_PROPERTY.effectiveLicense:
        component.licenses.effective = licenseFromExpression(p.value);
        break;
      case VIGIE_PROPERTY.declaredLicense:
        component.licenses.declared ??= licenseFromExpression(p.value);
        break;
      case VIGIE_PROPERTY.concludedLicense:
        component.licenses.concluded ??= licenseFromExpression(p.value);
        break;
      case VIGIE_PROPERTY.dependencyScope:
        component.dependencyScope = p.value;
        break;
      case VIGIE_PROPERTY.language:
        component.language = p.value;
        break;
      case VIGIE_PROPERTY.otherIdentifier:
        (component.otherIdentifiers ??= []).push(p.value);
        break;
      default:
        kept.push(p);
    }
  }
  return kept;
}

/**
 * A dataset built from other datasets: `vigie:ai:lineage` = `derived-from <bom-ref>` on the data
 * component (CycloneDX has no reference for it: pedigree ancestors are copies, not references).
 */
function takeDerivedFrom(component: Component, ctx: DecodeContext): void {
  const prefix = 'derived-from ';
  const sources: string[] = [];
  component.properties = component.properties.filter((p) => {
    if (p.name !== AI_PROPERTY.lineage || !p.value.startsWith(prefix) || component.type !== 'data') return true;
    const ref = p.value.slice(prefix.length).trim();
    if (ref && !sources.includes(ref)) sources.push(ref);
    return ref === '';
  });
  if (sources.length > 0) ctx.lineage.push({ from: component.ref, kind: 'derived-from', to: sources });
}

/**
 * CycloneDX 1.3+ evidence licences: the licences found in the component's files (cyclonedx-gomod
 * writes every licence it detects there and none in `licenses`). They are neither declared nor
 * concluded; they are what SPDX calls licenseInfoFromFiles, kept under the same property so that an
 * SPDX document written from them says so. Dropped, a Go module's SBOM lost every licence it had.
 * An expression found in a file ("GPL-2.0-only OR MIT") gives each licence it names: licenseInfoFromFiles
 * lists licences, not how they combine, and an exception (after WITH) is not a licence of its own.
 * Licences given only by name (a licence file's name, its text) stay out.
 */
function keepEvidenceLicenses(c: CdxComponent, component: Component, detected: LicenseEntry[]): void {
  const found = c.evidence?.licenses;
  const given = [
    ...(Array.isArray(found)
      ? found.map((choice) => (typeof choice?.expression === 'string' ? choice.expression : choice?.license?.id))
      : []),
    // Licences a scanner detected, listed among the component's own (ORT's ort:origin), count the same.
    ...detected.map((entry) => entry.expression ?? entry.id),
  ];
  for (const one of given) {
    for (const value of licencesNamedIn(typeof one === 'string' ? one : '')) {
      const already = component.properties.some((p) => p.name === LICENSE_INFO_FROM_FILES && p.value === value);
      if (!already) component.properties.push({ name: LICENSE_INFO_FROM_FILES, value });
    }
  }
}

/**
 * The licence ids an id or an expression names, in order; none when it holds anything but ids,
 * AND/OR/WITH and parentheses (a free-text name is not a licence id).
 */
function licencesNamedIn(given: string): string[] {
  const tokens = given.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter(Boolean);
  const ids: string[] = [];
  // Ids and operators alternate: two ids in a row are words of a text, not an expression.
  let wantId = true;
  let afterWith = false;
  for (const token of tokens) {
    if (token === '(' || token === ')') continue;
    const keyword = token.toUpperCase();
    if (keyword === 'AND' || keyword === 'OR' || keyword === 'WITH') {
      if (wantId) return [];
      afterWith = keyword === 'WITH';
      wantId = true;
      continue;
    }
    if (!wantId || !/^[\w.+:-]+$/.test(token)) return [];
    if (!afterWith && !ids.includes(token)) ids.push(token);
    wantId = false;
  }
  return wantId ? [] : ids;
}

/** SPDX 2's name for the licences found in a package's files (spdx2-common SPDX_PROPERTY). */
const LICENSE_INFO_FROM_FILES = 'spdx:licenseInfoFromFiles';

export function decodeComponent(c: CdxComponent, ctx: DecodeContext, path: string): Component {
  let ref = c['bom-ref'];
  if (typeof ref !== 'string' || ref === '') ref = generatedRef(c, ctx);
  else if (ctx.refs.has(ref)) {
    ctx.issues.push(
      issue('error', 'duplicate-ref', `bom-ref "${ref}" is used by more than one component`, {
        component: ref,
        field: `${path}.bom-ref`,
      }),
    );
  }
  ctx.refs.add(ref);

  let type = asComponentType(c.type);
  if (!type) {
    const found = c.type === undefined ? 'missing' : `"${String(c.type)}" is unknown`;
    ctx.issues.push(
      issue('warning', 'unknown-value', `component type ${found}; read as "library"`, {
        component: ref,
        field: `${path}.type`,
      }),
    );
    type = 'library';
  }
  if (typeof c.name !== 'string') {
    ctx.issues.push(
      issue('error', 'missing-field', 'component has no name', { component: ref, field: `${path}.name` }),
    );
  }

  const detected: LicenseEntry[] = [];
  const component: Component = {
    ref,
    type,
    name: str(c.name) ?? '',
    hashes: decodeHashes(c.hashes, ctx, { component: ref, field: `${path}.hashes` }),
    licenses: decodeLicenses(c.licenses, { component: ref, field: `${path}.licenses` }, ctx.issues, detected),
    externalReferences: decodeExternalReferences(c.externalReferences, ctx, ref),
    properties: [],
  };
  if (typeof c.group === 'string' && c.group !== '') component.group = c.group;
  if (typeof c.version === 'string') component.version = c.version;
  if (typeof c.description === 'string') component.description = c.description;
  if (typeof c.purl === 'string') component.purl = c.purl;
  if (typeof c.cpe === 'string') component.cpe = c.cpe;
  if (typeof c.publisher === 'string') component.publisher = c.publisher;
  if (typeof c.copyright === 'string') component.copyright = c.copyright;
  else {
    // CycloneDX 1.3+: the copyright statements found in the component's files (issue 8 item 10: the NOTICE shows them).
    const found = Array.isArray(c.evidence?.copyright)
      ? c.evidence.copyright.map((x) => (typeof x?.text === 'string' ? x.text.trim() : '')).filter(Boolean)
      : [];
    if (found.length > 0) component.copyright = [...new Set(found)].join('\n');
  }
  if (c.supplier) component.supplier = decodeOrganization(c.supplier);
  if (c.manufacturer) component.manufacturer = decodeOrganization(c.manufacturer);
  if (Array.isArray(c.authors) && c.authors.length > 0) component.authors = c.authors.map(decodeContact);
  else if (typeof c.author === 'string') component.authors = [{ name: c.author }];

  if (c.scope !== undefined) {
    const scope = asScope(c.scope);
    if (scope) component.scope = scope;
    else {
      ctx.issues.push(
        issue('warning', 'unknown-value', `scope "${String(c.scope)}" is unknown; ignored`, {
          component: ref,
          field: `${path}.scope`,
        }),
      );
    }
  }

  const ids: string[] = [];
  if (c.swid && typeof c.swid.tagId === 'string') ids.push(c.swid.tagId);
  if (Array.isArray(c.omniborId)) for (const id of c.omniborId) if (typeof id === 'string') ids.push(id);
  if (Array.isArray(c.swhid)) for (const id of c.swhid) if (typeof id === 'string') ids.push(id);
  if (ids.length > 0) component.otherIdentifiers = ids;

  const occurrences = c.evidence?.occurrences;
  if (Array.isArray(occurrences) && occurrences.length > 0) {
    const where = occurrences.map((o) => o.location).filter((l): l is string => typeof l === 'string');
    if (where.length > 0) component.evidence = where;
  }

  component.properties = applyVigieProperties(component, decodeProperties(c.properties));
  keepEvidenceLicenses(c, component, detected);
  if (c.modelCard !== undefined || c.data !== undefined) decodeAiFields(c, component, ctx, path);
  takeDerivedFrom(component, ctx);

  if (Array.isArray(c.components) && c.components.length > 0) {
    const nested: Component[] = new Array(c.components.length);
    for (let i = 0; i < c.components.length; i++) {
      nested[i] = decodeComponent(c.components[i]!, ctx, `${path}.components[${i}]`);
    }
    component.components = nested;
  }
  return component;
}
