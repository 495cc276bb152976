// Prints the CycloneDX object shape as XML, in the element order the 1.6/1.7 XSD sequences demand.
import type {
  CdxBom,
  CdxComponent,
  CdxContact,
  CdxExternalReference,
  CdxHash,
  CdxLicenseChoice,
  CdxMetadata,
  CdxOrganization,
} from '../cyclonedx-common/bom-shape.js';
import { writeComponentData, writeModelCard } from './model-card-to-xml.js';
import { properties } from './xml-write-helpers.js';
import { XmlWriter } from './xml-writer.js';

function contactBody(w: XmlWriter, c: CdxContact): void {
  w.leaf('name', c.name);
  w.leaf('email', c.email);
  w.leaf('phone', c.phone);
}

function contacts(w: XmlWriter, wrapper: string, item: string, list: CdxContact[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open(wrapper);
  for (const c of list) {
    w.open(item);
    contactBody(w, c);
    w.close(item);
  }
  w.close(wrapper);
}

function organization(w: XmlWriter, name: string, o: CdxOrganization | undefined): void {
  if (!o) return;
  w.open(name);
  w.leaf('name', o.name);
  for (const u of o.url ?? []) w.leaf('url', u);
  for (const c of o.contact ?? []) {
    w.open('contact');
    contactBody(w, c);
    w.close('contact');
  }
  w.close(name);
}

function hashes(w: XmlWriter, list: CdxHash[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open('hashes');
  for (const h of list) w.leaf('hash', h.content, { alg: h.alg });
  w.close('hashes');
}

function licenses(w: XmlWriter, list: CdxLicenseChoice[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open('licenses');
  for (const choice of list) {
    if (choice.expression !== undefined) {
      w.leaf('expression', choice.expression, {
        'bom-ref': choice['bom-ref'],
        acknowledgement: choice.acknowledgement,
      });
      continue;
    }
    const l = choice.license ?? {};
    w.open('license', { 'bom-ref': l['bom-ref'], acknowledgement: l.acknowledgement });
    w.leaf('id', l.id);
    w.leaf('name', l.id === undefined ? l.name : undefined);
    if (l.text?.content !== undefined) {
      w.leaf('text', l.text.content, { 'content-type': l.text.contentType, encoding: l.text.encoding });
    }
    w.leaf('url', l.url);
    w.close('license');
  }
  w.close('licenses');
}

function externalReferences(w: XmlWriter, list: CdxExternalReference[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open('externalReferences');
  for (const r of list) {
    w.open('reference', { type: r.type });
    w.leaf('url', r.url);
    w.leaf('comment', r.comment);
    hashes(w, r.hashes);
    w.close('reference');
  }
  w.close('externalReferences');
}

function component(w: XmlWriter, c: CdxComponent): void {
  w.open('component', { type: c.type, 'bom-ref': c['bom-ref'] });
  organization(w, 'supplier', c.supplier);
  organization(w, 'manufacturer', c.manufacturer);
  contacts(w, 'authors', 'author', c.authors);
  w.leaf('publisher', c.publisher);
  w.leaf('group', c.group);
  w.leaf('name', c.name ?? '');
  w.leaf('version', c.version);
  w.leaf('description', c.description);
  w.leaf('scope', c.scope);
  hashes(w, c.hashes);
  licenses(w, c.licenses);
  w.leaf('copyright', c.copyright);
  w.leaf('cpe', c.cpe);
  w.leaf('purl', c.purl);
  for (const id of c.omniborId ?? []) w.leaf('omniborId', id);
  for (const id of c.swhid ?? []) w.leaf('swhid', id);
  if (c.swid) w.empty('swid', { tagId: c.swid.tagId, name: c.swid.name });
  externalReferences(w, c.externalReferences);
  properties(w, c.properties);
  components(w, c.components);
  const occurrences = c.evidence?.occurrences;
  if (occurrences && occurrences.length > 0) {
    w.open('evidence');
    w.open('occurrences');
    for (const o of occurrences) {
      w.open('occurrence');
      w.leaf('location', o.location);
      w.close('occurrence');
    }
    w.close('occurrences');
    w.close('evidence');
  }
  if (c.modelCard) writeModelCard(w, c.modelCard);
  for (const d of c.data ?? []) writeComponentData(w, 'data', d);
  w.close('component');
}

function components(w: XmlWriter, list: CdxComponent[] | undefined): void {
  if (!list || list.length === 0) return;
  w.open('components');
  for (const c of list) component(w, c);
  w.close('components');
}

function metadata(w: XmlWriter, m: CdxMetadata | undefined): void {
  if (!m) return;
  w.open('metadata');
  w.leaf('timestamp', m.timestamp);
  if (m.lifecycles && m.lifecycles.length > 0) {
    w.open('lifecycles');
    for (const l of m.lifecycles) {
      w.open('lifecycle');
      if (l.phase !== undefined) w.leaf('phase', l.phase);
      else w.leaf('name', l.name);
      w.close('lifecycle');
    }
    w.close('lifecycles');
  }
  if (m.tools && !Array.isArray(m.tools)) {
    w.open('tools');
    components(w, m.tools.components);
    w.close('tools');
  }
  contacts(w, 'authors', 'author', m.authors);
  if (m.component) component(w, m.component);
  organization(w, 'manufacturer', m.manufacturer);
  organization(w, 'supplier', m.supplier);
  licenses(w, m.licenses);
  properties(w, m.properties);
  w.close('metadata');
}

export function bomToXml(bom: CdxBom): string {
  const w = new XmlWriter();
  w.open('bom', {
    xmlns: `http://cyclonedx.org/schema/bom/${bom.specVersion}`,
    serialNumber: bom.serialNumber,
    version: String(bom.version ?? 1),
  });
  metadata(w, bom.metadata);
  components(w, bom.components);
  if (bom.dependencies && bom.dependencies.length > 0) {
    w.open('dependencies');
    for (const d of bom.dependencies) {
      if (!d.dependsOn || d.dependsOn.length === 0) {
        w.empty('dependency', { ref: d.ref });
        continue;
      }
      w.open('dependency', { ref: d.ref });
      for (const r of d.dependsOn) w.empty('dependency', { ref: r });
      w.close('dependency');
    }
    w.close('dependencies');
  }
  if (bom.compositions && bom.compositions.length > 0) {
    w.open('compositions');
    for (const c of bom.compositions) {
      w.open('composition');
      w.leaf('aggregate', c.aggregate);
      if (c.dependencies && c.dependencies.length > 0) {
        w.open('dependencies');
        for (const r of c.dependencies) w.empty('dependency', { ref: r });
        w.close('dependencies');
      }
      w.close('composition');
    }
    w.close('compositions');
  }
  w.close('bom');
  return w.toString();
}
