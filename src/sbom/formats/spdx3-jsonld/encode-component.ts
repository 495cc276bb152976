// One Vigie component → one SPDX 3 software artifact element (relationships are written by the caller).
import { propertyOf, type Component } from '../../../model/index.js';
import type { Node } from './graph.js';
import {
  AI_FIELDS,
  ARTIFACT_FIELDS,
  DATASET_FIELDS,
  DATASET_TYPES,
  DISTRIBUTION_ARTIFACT_PROPERTY,
  PROPERTY_PREFIX,
  type ProfileField,
} from './profile-fields.js';
import { EXTERNAL_REF_TYPES, hashToSpdx, REF_TO_SPDX, SOFTWARE_PURPOSES, TYPE_TO_PURPOSE } from './vocabulary.js';

export type LossReporter = (field: string, component: Component) => void;

export function elementClass(c: Component): string {
  if (c.type === 'machine-learning-model') return 'ai_AIPackage';
  if (c.type === 'data') return 'dataset_DatasetPackage';
  if (c.type === 'file') return 'software_File';
  return 'software_Package';
}

const TIMESTAMP = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Writes `spdx3:<field>` properties back into the fields they came from, when the class has them. */
function restoreFields(element: Node, c: Component, fields: Record<string, ProfileField>, lose: LossReporter): void {
  for (const [key, field] of Object.entries(fields)) {
    const values = c.properties.filter((p) => p.name === PROPERTY_PREFIX + key).map((p) => p.value);
    if (values.length === 0) continue;
    const allowed = field.values ? values.filter((v) => field.values!.includes(v)) : values;
    if (allowed.length < values.length) lose(key, c);
    if (allowed.length === 0) continue;
    if (field.shape === 'texts') element[key] = allowed;
    else if (field.shape === 'entries') {
      element[key] = allowed.map((v) => {
        const at = v.indexOf('=');
        return at < 0
          ? { type: 'DictionaryEntry', key: v }
          : { type: 'DictionaryEntry', key: v.slice(0, at), value: v.slice(at + 1) };
      });
    } else if (field.shape === 'integer') {
      const n = Number(allowed[0]);
      if (Number.isInteger(n) && n >= 0) element[key] = n;
      else lose(key, c);
    } else if (field.shape === 'json') {
      try {
        element[key] = JSON.parse(allowed[0]);
      } catch {
        lose(key, c);
      }
    } else if (/Time$/.test(key) && !TIMESTAMP.test(allowed[0])) lose(key, c);
    else element[key] = allowed[0];
  }
}

function primaryPurpose(c: Component): string | undefined {
  const kept = propertyOf(c, `${PROPERTY_PREFIX}software_primaryPurpose`);
  if (kept && SOFTWARE_PURPOSES.has(kept)) return kept;
  return TYPE_TO_PURPOSE[c.type];
}

export interface ComponentElementParts {
  spdxId: string;
  creationInfo: string;
  supplier?: string;
  originators: string[];
}

export function componentElement(c: Component, parts: ComponentElementParts, lose: LossReporter): Node {
  const type = elementClass(c);
  const isPackage = type !== 'software_File';
  // Key order is the output's: each helper adds its fields in turn.
  const element: Node = { type, spdxId: parts.spdxId, creationInfo: parts.creationInfo };
  addNaming(element, c, isPackage, lose);
  addIdentifiers(element, c, isPackage);
  addHashes(element, c, lose);
  if (parts.supplier) element.suppliedBy = parts.supplier;
  if (parts.originators.length > 0) element.originatedBy = parts.originators;
  addExternalRefs(element, c, isPackage, lose);
  addPurposeAndClassFields(element, c, type, isPackage, lose);
  addPropertyExtension(element, c);
  if (c.scope) lose('scope', c);
  if (c.language) lose('language', c);
  if (c.evidence?.length) lose('evidence', c);
  if (c.publisher) lose('publisher', c);
  return element;
}

/** Name, description, version (packages only), copyright; a group the purl does not carry is lost. */
function addNaming(element: Node, c: Component, isPackage: boolean, lose: LossReporter): void {
  if (c.name) element.name = c.name;
  if (c.description) element.description = c.description;
  if (c.version) {
    if (isPackage) element.software_packageVersion = c.version;
    else lose('version (a software_File has none)', c);
  }
  if (
    c.group &&
    !(c.purl && (c.purl.includes(`/${c.group}/`) || c.purl.includes(`/${encodeURIComponent(c.group)}/`)))
  ) {
    lose('group', c);
  }
  if (c.copyright) element.software_copyrightText = c.copyright;
}

/** The purl (a package field; an external identifier of a file), CPE and other identifiers. */
function addIdentifiers(element: Node, c: Component, isPackage: boolean): void {
  const identifiers: Node[] = [];
  if (c.purl) {
    if (isPackage) element.software_packageUrl = c.purl;
    else identifiers.push({ type: 'ExternalIdentifier', externalIdentifierType: 'packageUrl', identifier: c.purl });
  }
  if (c.cpe) {
    const cpeType = c.cpe.startsWith('cpe:2.3:') ? 'cpe23' : 'cpe22';
    identifiers.push({ type: 'ExternalIdentifier', externalIdentifierType: cpeType, identifier: c.cpe });
  }
  for (const other of c.otherIdentifiers ?? []) {
    const kind = other.startsWith('gitoid:') ? 'gitoid' : other.startsWith('swh:') ? 'swhid' : 'swid';
    identifiers.push({ type: 'ExternalIdentifier', externalIdentifierType: kind, identifier: other });
  }
  if (identifiers.length > 0) element.externalIdentifier = identifiers;
}

function addHashes(element: Node, c: Component, lose: LossReporter): void {
  const hashes: Node[] = [];
  for (const h of c.hashes) {
    const algorithm = hashToSpdx.get(h.alg);
    if (algorithm) hashes.push({ type: 'Hash', algorithm, hashValue: h.content });
    else lose(`hash algorithm ${h.alg}`, c);
  }
  if (hashes.length > 0) element.verifiedUsing = hashes;
}

/** A package's first website and distribution are its home page and download location; the rest are ExternalRefs. */
function addExternalRefs(element: Node, c: Component, isPackage: boolean, lose: LossReporter): void {
  const refs: Node[] = [];
  for (const ref of c.externalReferences) {
    if (isPackage && ref.type === 'website' && element.software_homePage === undefined)
      element.software_homePage = ref.url;
    else if (isPackage && ref.type === 'distribution' && element.software_downloadLocation === undefined) {
      element.software_downloadLocation = ref.url;
    } else {
      refs.push(externalRefNode(ref));
      if (ref.hashes?.length) lose('externalReferences.hashes', c);
    }
  }
  if (refs.length > 0) element.externalRef = refs;
}

/** One external reference as an SPDX 3 ExternalRef; a type read from SPDX 3 (`spdx3:<type>` comment) is kept. */
function externalRefNode(ref: Component['externalReferences'][number]): Node {
  const spdxType = ref.comment?.startsWith('spdx3:') ? ref.comment.slice(6) : undefined;
  const kept = spdxType && EXTERNAL_REF_TYPES.has(spdxType) ? spdxType : undefined;
  const refType =
    REF_TO_SPDX.get(ref.type) ??
    (ref.type === 'website' ? 'altWebPage' : ref.type === 'distribution' ? 'altDownloadLocation' : (kept ?? 'other'));
  const comment =
    ref.comment && !kept ? ref.comment : refType === 'other' && ref.type !== 'other' ? ref.type : undefined;
  return { type: 'ExternalRef', externalRefType: refType, locator: [ref.url], ...(comment ? { comment } : {}) };
}

/** The primary purpose, then the artifact fields and those of the AI or dataset class kept as properties. */
function addPurposeAndClassFields(
  element: Node,
  c: Component,
  type: string,
  isPackage: boolean,
  lose: LossReporter,
): void {
  const purpose = primaryPurpose(c);
  if (purpose) element.software_primaryPurpose = purpose;
  const artifactFields = Object.entries(ARTIFACT_FIELDS).filter(
    ([k]) => k !== 'software_primaryPurpose' && (k !== 'software_fileKind' || !isPackage),
  );
  restoreFields(element, c, Object.fromEntries(artifactFields), lose);
  if (type === 'ai_AIPackage') restoreFields(element, c, AI_FIELDS, lose);
  if (type === 'dataset_DatasetPackage') {
    restoreFields(element, c, DATASET_FIELDS, lose);
    // The schema requires a data set type; "noAssertion" says honestly that it is unknown.
    if (!Array.isArray(element.dataset_datasetType))
      element.dataset_datasetType = ['noAssertion' satisfies (typeof DATASET_TYPES)[number]];
  }
}

/** Properties no SPDX 3 field holds travel in CycloneDX's property extension. */
function addPropertyExtension(element: Node, c: Component): void {
  const known = new Set(
    Object.keys({ ...ARTIFACT_FIELDS, ...AI_FIELDS, ...DATASET_FIELDS }).map((k) => PROPERTY_PREFIX + k),
  );
  const rest = c.properties.filter((p) => !known.has(p.name) && p.name !== DISTRIBUTION_ARTIFACT_PROPERTY);
  if (rest.length === 0) return;
  element.extension = [
    {
      type: 'extension_CdxPropertiesExtension',
      extension_cdxProperty: rest.map((p) => ({
        type: 'extension_CdxPropertyEntry',
        extension_cdxPropName: p.name,
        extension_cdxPropValue: p.value,
      })),
    },
  ];
}
