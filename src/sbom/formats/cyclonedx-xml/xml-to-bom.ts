// The parsed CycloneDX XML tree → the JSON object shape the shared decoder reads.
import type {
  CdxBom,
  CdxComponent,
  CdxComposition,
  CdxContact,
  CdxDependency,
  CdxExternalReference,
  CdxHash,
  CdxLicenseChoice,
  CdxMetadata,
  CdxOrganization,
  CdxService,
} from '../cyclonedx-common/bom-shape.js';
import { componentDataFromXml, modelCardFromXml } from './model-card-from-xml.js';
import { all, attr, listed, one, properties, setIf, text, texts } from './xml-read-helpers.js';
import { unescapeXml, type XmlNode } from './read-xml.js';

function contact(n: XmlNode): CdxContact {
  const out: CdxContact = {};
  setIf(out, 'name', text(n, 'name'));
  setIf(out, 'email', text(n, 'email'));
  setIf(out, 'phone', text(n, 'phone'));
  return out;
}

function organization(n: XmlNode | undefined): CdxOrganization | undefined {
  if (!n) return undefined;
  const out: CdxOrganization = {};
  setIf(out, 'name', text(n, 'name'));
  const urls = texts(n, 'url');
  if (urls.length > 0) out.url = urls;
  const contacts = all(n, 'contact');
  if (contacts.length > 0) out.contact = contacts.map(contact);
  return out;
}

function hashes(n: XmlNode | undefined): CdxHash[] | undefined {
  const list = listed(n, 'hashes', 'hash');
  return list.length === 0
    ? undefined
    : list.map((h) => ({ alg: attr(h, 'alg'), content: unescapeXml(h['#text'] ?? '') }));
}

function licenses(n: XmlNode | undefined): CdxLicenseChoice[] | undefined {
  const wrapper = one(n, 'licenses');
  if (!wrapper) return undefined;
  const out: CdxLicenseChoice[] = [];
  for (const l of all(wrapper, 'license')) {
    const license: CdxLicenseChoice['license'] = {};
    setIf(license, 'id', text(l, 'id'));
    setIf(license, 'name', text(l, 'name'));
    setIf(license, 'url', text(l, 'url'));
    const t = one(l, 'text');
    if (t)
      license.text = {
        content: unescapeXml(t['#text'] ?? ''),
        contentType: attr(t, 'content-type'),
        encoding: attr(t, 'encoding'),
      };
    setIf(license, 'acknowledgement', attr(l, 'acknowledgement'));
    setIf(license, 'bom-ref', attr(l, 'bom-ref'));
    out.push({ license });
  }
  for (const e of [...all(wrapper, 'expression'), ...all(wrapper, 'expression-detailed')]) {
    const expression = e['#text'] !== undefined ? unescapeXml(e['#text']) : attr(e, 'expression');
    const choice: CdxLicenseChoice = { expression: expression ?? '' };
    setIf(choice, 'acknowledgement', attr(e, 'acknowledgement'));
    setIf(choice, 'bom-ref', attr(e, 'bom-ref'));
    out.push(choice);
  }
  return out;
}

function externalReferences(n: XmlNode): CdxExternalReference[] | undefined {
  const list = listed(n, 'externalReferences', 'reference');
  if (list.length === 0) return undefined;
  return list.map((r) => {
    const out: CdxExternalReference = { type: attr(r, 'type'), url: text(r, 'url') };
    setIf(out, 'comment', text(r, 'comment'));
    setIf(out, 'hashes', hashes(r));
    return out;
  });
}

export function component(n: XmlNode): CdxComponent {
  const out: CdxComponent = { type: attr(n, 'type') };
  setIf(out, 'bom-ref', attr(n, 'bom-ref'));
  setIf(out, 'supplier', organization(one(n, 'supplier')));
  setIf(out, 'manufacturer', organization(one(n, 'manufacturer')));
  const authors = listed(n, 'authors', 'author');
  if (authors.length > 0) out.authors = authors.map(contact);
  else setIf(out, 'author', text(n, 'author'));
  setIf(out, 'publisher', text(n, 'publisher'));
  setIf(out, 'group', text(n, 'group'));
  setIf(out, 'name', text(n, 'name'));
  setIf(out, 'version', text(n, 'version'));
  setIf(out, 'description', text(n, 'description'));
  setIf(out, 'scope', text(n, 'scope'));
  setIf(out, 'hashes', hashes(n));
  setIf(out, 'licenses', licenses(n));
  setIf(out, 'copyright', text(n, 'copyright'));
  setIf(out, 'cpe', text(n, 'cpe'));
  setIf(out, 'purl', text(n, 'purl'));
  const omnibor = texts(n, 'omniborId');
  if (omnibor.length > 0) out.omniborId = omnibor;
  const swhid = texts(n, 'swhid');
  if (swhid.length > 0) out.swhid = swhid;
  const swid = one(n, 'swid');
  if (swid) out.swid = { tagId: attr(swid, 'tagId'), name: attr(swid, 'name') };
  setIf(out, 'externalReferences', externalReferences(n));
  setIf(out, 'properties', properties(n));
  const nested = listed(n, 'components', 'component');
  if (nested.length > 0) out.components = nested.map(component);
  const evidence = one(n, 'evidence');
  const occurrences = listed(evidence, 'occurrences', 'occurrence');
  const copyright = all(evidence, 'copyright').flatMap((c) => texts(c, 'text'));
  const found = licenses(evidence);
  if (occurrences.length > 0 || copyright.length > 0 || found) {
    out.evidence = {};
    if (found) out.evidence.licenses = found;
    if (occurrences.length > 0) out.evidence.occurrences = occurrences.map((o) => ({ location: text(o, 'location') }));
    if (copyright.length > 0) out.evidence.copyright = copyright.map((t) => ({ text: t }));
  }
  const modelCard = one(n, 'modelCard');
  if (modelCard) out.modelCard = modelCardFromXml(modelCard);
  const data = all(n, 'data');
  if (data.length > 0) out.data = data.map(componentDataFromXml);
  return out;
}

function service(n: XmlNode): CdxService {
  const out: CdxService = {};
  setIf(out, 'bom-ref', attr(n, 'bom-ref'));
  setIf(out, 'name', text(n, 'name'));
  setIf(out, 'version', text(n, 'version'));
  setIf(out, 'group', text(n, 'group'));
  setIf(out, 'provider', organization(one(n, 'provider')));
  const nested = listed(n, 'services', 'service');
  if (nested.length > 0) out.services = nested.map(service);
  return out;
}

function metadata(n: XmlNode | undefined): CdxMetadata | undefined {
  if (!n) return undefined;
  const out: CdxMetadata = {};
  setIf(out, 'timestamp', text(n, 'timestamp'));
  const lifecycles = listed(n, 'lifecycles', 'lifecycle');
  if (lifecycles.length > 0)
    out.lifecycles = lifecycles.map((l) => ({ phase: text(l, 'phase'), name: text(l, 'name') }));
  const tools = one(n, 'tools');
  if (tools) {
    const legacy = all(tools, 'tool');
    if (legacy.length > 0) {
      out.tools = legacy.map((t) => ({
        vendor: text(t, 'vendor'),
        name: text(t, 'name'),
        version: text(t, 'version'),
      }));
    } else {
      out.tools = {
        components: listed(tools, 'components', 'component').map(component),
        services: listed(tools, 'services', 'service').map(service),
      };
    }
  }
  const authors = listed(n, 'authors', 'author');
  if (authors.length > 0) out.authors = authors.map(contact);
  const primary = one(n, 'component');
  if (primary) out.component = component(primary);
  setIf(out, 'manufacturer', organization(one(n, 'manufacturer')));
  setIf(out, 'manufacture', organization(one(n, 'manufacture')));
  setIf(out, 'supplier', organization(one(n, 'supplier')));
  setIf(out, 'licenses', licenses(n));
  setIf(out, 'properties', properties(n));
  return out;
}

function dependencies(bom: XmlNode): CdxDependency[] | undefined {
  const list = listed(bom, 'dependencies', 'dependency');
  if (list.length === 0) return undefined;
  return list.map((d) => {
    // A nested entry without ref is kept as undefined so that the decoder can report it.
    const refs = all(d, 'dependency').map((x) => attr(x, 'ref'));
    return { ref: attr(d, 'ref'), dependsOn: refs as string[] };
  });
}

function compositions(bom: XmlNode): CdxComposition[] | undefined {
  const list = listed(bom, 'compositions', 'composition');
  if (list.length === 0) return undefined;
  const refs = (c: XmlNode, wrapper: string, item: string) =>
    listed(c, wrapper, item)
      .map((x) => attr(x, 'ref'))
      .filter((r): r is string => r !== undefined);
  return list.map((c) => ({
    aggregate: text(c, 'aggregate'),
    assemblies: refs(c, 'assemblies', 'assembly'),
    dependencies: refs(c, 'dependencies', 'dependency'),
  }));
}

export function xmlToBom(root: XmlNode, specVersion: string): CdxBom | undefined {
  const bom = one(root, 'bom');
  if (!bom) return undefined;
  const out: CdxBom = { bomFormat: 'CycloneDX', specVersion };
  setIf(out, 'serialNumber', attr(bom, 'serialNumber'));
  const version = attr(bom, 'version');
  if (version !== undefined && /^\d+$/.test(version)) out.version = Number(version);
  setIf(out, 'metadata', metadata(one(bom, 'metadata')));
  out.components = listed(bom, 'components', 'component').map(component);
  const services = listed(bom, 'services', 'service');
  if (services.length > 0) out.services = services.map(service);
  setIf(out, 'dependencies', dependencies(bom));
  setIf(out, 'compositions', compositions(bom));
  // Counted for SBOM quality only: the records themselves are not read.
  const vulnerabilities = listed(bom, 'vulnerabilities', 'vulnerability');
  if (vulnerabilities.length > 0) out.vulnerabilities = vulnerabilities;
  return out;
}
