// One SPDX 3 software artifact element → one Vigie component (relationships are applied later).
import type { Component, ComponentType, ExternalReference, Hash, Property } from '../../../model/index.js';
import { agentOf, contactOf, entityOf } from './decode-agents.js';
import type { LookUp } from './decode-licenses.js';
import { isNode, list, nodesOf, objects, refs, str, strings, typeOf, type Node } from './graph.js';
import { AI_FIELDS, ARTIFACT_FIELDS, DATASET_FIELDS, PROPERTY_PREFIX, type ProfileField } from './profile-fields.js';
import { hashFromSpdx, PURPOSE_TO_TYPE, REF_FROM_SPDX } from './vocabulary.js';

function componentType(node: Node): ComponentType {
  const type = typeOf(node);
  if (type === 'ai_AIPackage') return 'machine-learning-model';
  if (type === 'dataset_DatasetPackage') return 'data';
  const purpose = str(node, 'software_primaryPurpose');
  if (type === 'software_File') {
    // A file stays a file unless it is a model or data set in its own right.
    return purpose === 'model' ? 'machine-learning-model' : purpose === 'data' ? 'data' : 'file';
  }
  return (purpose && PURPOSE_TO_TYPE[purpose]) || 'library';
}

function hashesOf(node: Node, lookUp: LookUp): Hash[] {
  const out: Hash[] = [];
  for (const method of nodesOf(node, 'verifiedUsing', lookUp)) {
    if (typeOf(method) !== 'Hash') continue;
    const algorithm = str(method, 'algorithm');
    const value = str(method, 'hashValue');
    if (!algorithm || !value) continue;
    out.push({ alg: hashFromSpdx.get(algorithm) ?? algorithm, content: value.toLowerCase() });
  }
  return out;
}

function externalReferencesOf(node: Node, lookUp: LookUp): ExternalReference[] {
  const out: ExternalReference[] = [];
  const homePage = str(node, 'software_homePage');
  if (homePage) out.push({ type: 'website', url: homePage });
  const download = str(node, 'software_downloadLocation');
  if (download && download !== 'NOASSERTION' && download !== 'NONE') out.push({ type: 'distribution', url: download });
  for (const ref of nodesOf(node, 'externalRef', lookUp)) {
    const spdxType = str(ref, 'externalRefType') ?? 'other';
    const type = REF_FROM_SPDX.get(spdxType) ?? 'other';
    const comment = str(ref, 'comment') ?? (type === 'other' && spdxType !== 'other' ? `spdx3:${spdxType}` : undefined);
    for (const url of strings(ref, 'locator')) out.push({ type, url, ...(comment ? { comment } : {}) });
  }
  return out;
}

function propertyValues(value: unknown, field: ProfileField): string[] {
  const values = Array.isArray(value) ? value : [value];
  if (field.shape === 'json') return [JSON.stringify(value)];
  return values.flatMap((v): string[] => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [String(v)];
    if (isNode(v) && field.shape === 'entries') {
      const key = str(v, 'key');
      return key === undefined ? [] : [`${key}=${str(v, 'value') ?? ''}`];
    }
    return [JSON.stringify(v)];
  });
}

function propertiesOf(node: Node): Property[] {
  const out: Property[] = [];
  const fields = { ...ARTIFACT_FIELDS, ...AI_FIELDS, ...DATASET_FIELDS };
  for (const [key, field] of Object.entries(fields)) {
    if (node[key] === undefined || node[key] === null) continue;
    for (const value of propertyValues(node[key], field)) out.push({ name: PROPERTY_PREFIX + key, value });
  }
  // Properties carried over from CycloneDX by the SPDX 3 extension profile.
  for (const extension of objects(node, 'extension')) {
    if (typeOf(extension) !== 'extension_CdxPropertiesExtension') continue;
    for (const entry of objects(extension, 'extension_cdxProperty')) {
      const name = str(entry, 'extension_cdxPropName');
      if (name) out.push({ name, value: str(entry, 'extension_cdxPropValue') ?? '' });
    }
  }
  return out;
}

/** The identifier type, with the "purl" some producers write for packageUrl. */
function identifierTypeOf(identifier: Node): string | undefined {
  const type = str(identifier, 'externalIdentifierType');
  return type === 'purl' ? 'packageUrl' : type;
}

export function decodeComponent(node: Node, ref: string, lookUp: LookUp): Component {
  const component: Component = {
    ref,
    type: componentType(node),
    name: str(node, 'name') ?? '',
    hashes: hashesOf(node, lookUp),
    licenses: {},
    externalReferences: externalReferencesOf(node, lookUp),
    properties: propertiesOf(node),
  };
  const version = str(node, 'software_packageVersion');
  if (version) component.version = version;
  const description = str(node, 'description') ?? str(node, 'summary');
  if (description) component.description = description;
  const copyright = str(node, 'software_copyrightText');
  if (copyright && copyright !== 'NOASSERTION' && copyright !== 'NONE') component.copyright = copyright;

  const identifiers = nodesOf(node, 'externalIdentifier', lookUp);
  const identifier = (type: string) =>
    identifiers
      .filter((i) => identifierTypeOf(i) === type)
      .map((i) => str(i, 'identifier'))
      .filter(Boolean) as string[];
  const purl = str(node, 'software_packageUrl') ?? identifier('packageUrl')[0];
  if (purl) component.purl = purl.trim();
  const cpe = identifier('cpe23')[0] ?? identifier('cpe22')[0];
  if (cpe) component.cpe = cpe;
  const others = ['swid', 'gitoid', 'swhid'].flatMap(identifier);
  if (others.length > 0) component.otherIdentifiers = others;

  const supplier = refs(node, 'suppliedBy')[0];
  const supplierAgent = supplier === undefined ? undefined : agentOf(supplier, lookUp);
  if (supplierAgent) component.supplier = entityOf(supplierAgent);
  const originators = refs(node, 'originatedBy')
    .map((o) => agentOf(o, lookUp))
    .filter((a) => a !== undefined);
  const organisation = originators.find((a) => a.kind === 'organization');
  if (organisation) component.manufacturer = entityOf(organisation);
  const people = originators
    .filter((a) => a !== organisation)
    .map(contactOf)
    .filter((c) => c.name || c.email);
  if (people.length > 0) component.authors = people;
  if (list(node, 'software_contentIdentifier').length > 0) {
    for (const ci of objects(node, 'software_contentIdentifier')) {
      const value = str(ci, 'software_contentIdentifierValue');
      if (value) (component.otherIdentifiers ??= []).push(value);
    }
  }
  return component;
}
