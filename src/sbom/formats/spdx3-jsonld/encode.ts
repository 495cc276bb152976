// Writes Vigie's SBOM model as an SPDX 3.0.1 JSON-LD document.
import {
  issue,
  NO_ASSERTION,
  NONE,
  type Component,
  type Contact,
  type Issue,
  type LicenseStatement,
  type OrganizationalEntity,
  type Sbom,
} from '../../../model/index.js';
import type { EncodeOptions, EncodeResult } from '../../format.js';
import { allComponents } from '../../graph.js';
import { lowerAiFields, LINEAGE_RELATIONSHIPS, unwritableModelCardFields } from './ai-fields.js';
import { componentElement, elementClass } from './encode-component.js';
import { idBase, IdMinter, isIri } from './encode-ids.js';
import type { Node } from './graph.js';
import { DISTRIBUTION_ARTIFACT_PROPERTY, PROPERTY_PREFIX } from './profile-fields.js';
import {
  CONTEXT_URL,
  EFFECTIVE_LICENSE_STATEMENT,
  NO_ASSERTION_LICENSE,
  NONE_LICENSE,
  PHASE_TO_SBOM_TYPE,
  SCOPE_TO_SPDX,
  WRITTEN_VERSION,
} from './vocabulary.js';

const CREATION_INFO = '_:creationinfo';

/** SPDX 3 timestamps are UTC to the second; anything else Date can read is brought to that form. */
function spdxTimestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A namespace for documents that have none: derived from their content so that output is reproducible. */
function fallbackNamespace(sbom: Sbom): string {
  let hash = 0x811c9dc5;
  const seed = [sbom.metadata.name ?? '', ...allComponents(sbom, true).map((c) => `${c.ref}|${c.purl ?? ''}`)].join(
    '\n',
  );
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return `https://vigie.invalid/spdx3/${hash.toString(16).padStart(8, '0')}`;
}

class Encoder {
  readonly graph: Node[] = [];
  readonly issues: Issue[] = [];
  readonly ids: IdMinter;
  private readonly agents = new Map<string, string>();
  private readonly licenses = new Map<string, string>();
  private readonly losses = new Map<string, Set<string>>();
  private readonly tail: Node[] = [];

  constructor(readonly base: string) {
    this.ids = new IdMinter(base);
  }

  lose = (field: string, c: Component) => {
    const set = this.losses.get(field) ?? new Set<string>();
    set.add(c.ref);
    this.losses.set(field, set);
  };

  agent(kind: 'Person' | 'Organization' | 'SoftwareAgent', contact: Contact & { url?: string }): string {
    const key = `${kind}|${contact.name ?? ''}|${contact.email ?? ''}|${contact.url ?? ''}`;
    const known = this.agents.get(key);
    if (known) return known;
    const spdxId = this.ids.mint(kind.toLowerCase(), contact.name ?? contact.email ?? 'unnamed');
    const identifiers = [
      ...(contact.email
        ? [{ type: 'ExternalIdentifier', externalIdentifierType: 'email', identifier: contact.email }]
        : []),
      ...(contact.url
        ? [{ type: 'ExternalIdentifier', externalIdentifierType: 'urlScheme', identifier: contact.url }]
        : []),
    ];
    this.graph.push({
      type: kind,
      spdxId,
      creationInfo: CREATION_INFO,
      ...(contact.name ? { name: contact.name } : {}),
      ...(identifiers.length ? { externalIdentifier: identifiers } : {}),
    });
    this.agents.set(key, spdxId);
    return spdxId;
  }

  entity(e: OrganizationalEntity): string {
    const email = e.contacts?.find((c) => c.email)?.email;
    return this.agent(e.kind === 'person' ? 'Person' : 'Organization', { name: e.name, email, url: e.urls?.[0] });
  }

  /** The licence element for a statement (shared by every component with the same statement). */
  license(statement: LicenseStatement, c: Component): string {
    const raw = statement.raw.trim();
    if (raw === NO_ASSERTION) return NO_ASSERTION_LICENSE;
    if (raw === NONE) return NONE_LICENSE;
    const key = statement.expression ? `expr|${statement.expression}` : `text|${raw}`;
    const known = this.licenses.get(key);
    if (known) return known;
    let element: Node;
    if (statement.expression) {
      element = {
        type: 'simplelicensing_LicenseExpression',
        spdxId: this.ids.mint('license', statement.expression),
        creationInfo: CREATION_INFO,
        simplelicensing_licenseExpression: statement.expression,
      };
    } else {
      // Not SPDX: kept as a custom licence named by the text found, with its text when known.
      const text = statement.entries.map((e) => e.text).find(Boolean);
      if (!text) this.lose('licence text (a licence that is not SPDX and has no text gets its name as text)', c);
      element = {
        type: 'expandedlicensing_CustomLicense',
        spdxId: this.ids.mint('custom-license', raw),
        creationInfo: CREATION_INFO,
        name: raw,
        simplelicensing_licenseText: text ?? raw,
      };
    }
    this.tail.push(element);
    this.licenses.set(key, element.spdxId as string);
    return element.spdxId as string;
  }

  relationship(kind: string, from: string, to: string[], extra: Node = {}): void {
    const spdxId = this.ids.mint('relationship', `${kind}-${from}-${to.join(',')}`);
    this.tail.push({
      type: extra.scope ? 'LifecycleScopedRelationship' : 'Relationship',
      spdxId,
      creationInfo: CREATION_INFO,
      from,
      relationshipType: kind,
      to,
      ...extra,
    });
  }

  annotate(subject: string, statement: string): void {
    this.tail.push({
      type: 'Annotation',
      spdxId: this.ids.mint('annotation', `${subject}-${statement}`),
      creationInfo: CREATION_INFO,
      annotationType: 'other',
      subject,
      statement,
    });
  }

  finish(): Node[] {
    for (const [field, refs] of this.losses) {
      this.issues.push(
        issue('warning', 'lossy-encode', `not written in SPDX 3: ${field}, for ${refs.size} component(s)`, {
          field,
          component: refs.size === 1 ? [...refs][0] : undefined,
        }),
      );
    }
    return [...this.graph, ...this.tail];
  }
}

export function encodeSpdx3(sbom: Sbom, specVersion: string, options: EncodeOptions = {}): EncodeResult {
  if (specVersion !== WRITTEN_VERSION) {
    throw new Error(`SPDX 3 JSON-LD ${specVersion} is not an output Vigie writes (only ${WRITTEN_VERSION})`);
  }
  const meta = sbom.metadata;
  const candidate = options.serialNumber ?? meta.serialNumber;
  const documentId = candidate && isIri(candidate) ? candidate : fallbackNamespace(sbom);
  const enc = new Encoder(idBase(documentId));
  enc.ids.forComponent(documentId);
  writeCreationInfo(enc, meta, options);

  const everything = allComponents(sbom, true);
  const spdxIds = new Map<string, string>();
  for (const c of everything) if (!spdxIds.has(c.ref)) spdxIds.set(c.ref, enc.ids.forComponent(c.ref));
  writeDocumentAndSbom(enc, meta, documentId, everything, spdxIds);
  const written = new Set<string>();
  for (const c of everything) writeComponent(enc, c, spdxIds, written);
  writeLineage(enc, sbom, spdxIds);
  writeDependencies(enc, sbom, everything, spdxIds);
  if (sbom.dependencyCompleteness !== 'not_specified' && sbom.dependencyCompleteness !== 'complete') {
    enc.issues.push(
      issue('info', 'lossy-encode', 'the graph completeness statement is not written', {
        field: 'dependencyCompleteness',
      }),
    );
  }

  const document = { '@context': CONTEXT_URL, '@graph': enc.finish() };
  return { text: `${JSON.stringify(document, null, 2)}\n`, issues: enc.issues };
}

type Metadata = Sbom['metadata'];

/** The one CreationInfo: when, by whom (the authors, else Vigie), with which tools. */
function writeCreationInfo(enc: Encoder, meta: Metadata, options: EncodeOptions): void {
  const created = spdxTimestamp(options.timestamp ?? meta.timestamp) ?? spdxTimestamp(new Date().toISOString())!;
  const creationInfo: Node = {
    type: 'CreationInfo',
    '@id': CREATION_INFO,
    specVersion: WRITTEN_VERSION,
    created,
    createdBy: [],
  };
  enc.graph.push(creationInfo);
  const authors = meta.authors.filter((a) => a.name || a.email);
  creationInfo.createdBy =
    authors.length > 0 ? authors.map((a) => enc.agent('Person', a)) : [enc.agent('SoftwareAgent', { name: 'Vigie' })];
  if (meta.tools.length > 0) {
    creationInfo.createdUsing = meta.tools.map((t) => {
      const name = [t.vendor, t.name, t.version].filter(Boolean).join(' ');
      const spdxId = enc.ids.mint('tool', name);
      enc.graph.push({ type: 'Tool', spdxId, creationInfo: CREATION_INFO, name });
      return spdxId;
    });
  }
}

/** The SpdxDocument (with the profiles its elements need) and the software_Sbom it roots. */
function writeDocumentAndSbom(
  enc: Encoder,
  meta: Metadata,
  documentId: string,
  everything: Component[],
  spdxIds: Map<string, string>,
): void {
  const sbomId = enc.ids.mint('sbom', meta.name ?? 'sbom');
  const profiles = new Set(['core', 'software', 'simpleLicensing']);
  if (everything.some((c) => elementClass(c) === 'ai_AIPackage')) profiles.add('ai');
  if (everything.some((c) => elementClass(c) === 'dataset_DatasetPackage')) profiles.add('dataset');
  if (everything.some((c) => c.properties.some((p) => !p.name.startsWith(PROPERTY_PREFIX)))) profiles.add('extension');
  const sbomTypes = [...new Set(meta.lifecycles.map((l) => PHASE_TO_SBOM_TYPE[l]).filter(Boolean))];
  const primary = meta.component;
  enc.graph.push({
    type: 'SpdxDocument',
    spdxId: documentId,
    creationInfo: CREATION_INFO,
    ...(meta.name ? { name: meta.name } : {}),
    ...(meta.comment ? { comment: meta.comment } : {}),
    ...(meta.dataLicense?.expression === 'CC0-1.0' ? { dataLicense: 'https://spdx.org/licenses/CC0-1.0' } : {}),
    profileConformance: [...profiles],
    rootElement: [sbomId],
  });
  enc.graph.push({
    type: 'software_Sbom',
    spdxId: sbomId,
    creationInfo: CREATION_INFO,
    ...(meta.name ? { name: meta.name } : {}),
    ...(primary ? { rootElement: [spdxIds.get(primary.ref)] } : {}),
    ...(sbomTypes.length > 0 ? { software_sbomType: sbomTypes } : {}),
  });
}

/** One component: its element, what it contains, its licences and distribution artefacts. */
function writeComponent(enc: Encoder, c: Component, spdxIds: Map<string, string>, written: Set<string>): void {
  const spdxId = spdxIds.get(c.ref)!;
  if (written.has(spdxId)) {
    enc.issues.push(
      issue('warning', 'duplicate-ref', `component ref "${c.ref}" appears twice; written once`, { component: c.ref }),
    );
    return;
  }
  written.add(spdxId);
  const originators = [
    ...(c.manufacturer ? [enc.entity({ ...c.manufacturer, kind: c.manufacturer.kind ?? 'organization' })] : []),
    ...(c.authors ?? []).filter((a) => a.name || a.email).map((a) => enc.agent('Person', a)),
  ];
  const element = componentElement(
    lowerAiFields(c),
    { spdxId, creationInfo: CREATION_INFO, supplier: c.supplier ? enc.entity(c.supplier) : undefined, originators },
    enc.lose,
  );
  enc.graph.push(element);
  if (c.components?.length)
    enc.relationship(
      'contains',
      spdxId,
      c.components.map((child) => spdxIds.get(child.ref)!),
    );
  if (c.licenses.declared) enc.relationship('hasDeclaredLicense', spdxId, [enc.license(c.licenses.declared, c)]);
  if (c.licenses.concluded) enc.relationship('hasConcludedLicense', spdxId, [enc.license(c.licenses.concluded, c)]);
  const effective = c.licenses.effective;
  if (effective) enc.annotate(spdxId, EFFECTIVE_LICENSE_STATEMENT + (effective.expression ?? effective.raw));
  const artefacts = c.properties
    .filter((p) => p.name === DISTRIBUTION_ARTIFACT_PROPERTY)
    .map((p) => spdxIds.get(p.value))
    .filter((t) => t !== undefined);
  if (artefacts.length > 0) enc.relationship('hasDistributionArtifact', spdxId, artefacts);
  if (c.modelCard) for (const field of unwritableModelCardFields(c.modelCard)) enc.lose(`modelCard.${field}`, c);
}

/** AI lineage edges (base model, training data…) as their SPDX 3 relationships. */
function writeLineage(enc: Encoder, sbom: Sbom, spdxIds: Map<string, string>): void {
  for (const edge of sbom.lineage ?? []) {
    const from = spdxIds.get(edge.from);
    const to = edge.to.map((ref) => spdxIds.get(ref)).filter((t) => t !== undefined);
    if (from && to.length > 0) enc.relationship(LINEAGE_RELATIONSHIPS[edge.kind], from, to);
    if (!from || to.length < edge.to.length) {
      enc.issues.push(
        issue(
          'warning',
          'dangling-ref',
          `${edge.kind} edge names a component that is not in the document; not written`,
          { component: edge.from },
        ),
      );
    }
  }
}

/** dependsOn / hasOptionalDependency, grouped by the lifecycle scope of their target (where Vigie keeps it). */
function writeDependencies(enc: Encoder, sbom: Sbom, everything: Component[], spdxIds: Map<string, string>): void {
  const byRef = new Map(everything.map((c) => [c.ref, c]));
  for (const dependency of sbom.dependencies) {
    const from = spdxIds.get(dependency.ref);
    if (!from) {
      enc.issues.push(
        issue('warning', 'dangling-ref', `dependency of unknown component "${dependency.ref}" not written`, {
          component: dependency.ref,
        }),
      );
      continue;
    }
    const groups = new Map<string, string[]>();
    for (const ref of dependency.dependsOn) {
      const to = spdxIds.get(ref);
      if (!to) {
        enc.issues.push(
          issue('warning', 'dangling-ref', `dependency on unknown component "${ref}" not written`, {
            component: dependency.ref,
          }),
        );
        continue;
      }
      const scope = byRef.get(ref)?.dependencyScope;
      const key = scope === 'optional' ? 'optional' : (scope && SCOPE_TO_SPDX[scope]) || '';
      const group = groups.get(key);
      if (group) group.push(to);
      else groups.set(key, [to]);
    }
    for (const [scope, to] of groups) {
      if (scope === 'optional') enc.relationship('hasOptionalDependency', from, to);
      else enc.relationship('dependsOn', from, to, scope ? { scope } : {});
    }
  }
}
