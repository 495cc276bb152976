// CycloneDX `modelCard` → ModelCard (+ lineage edges), `data[]` → DatasetFacts.
import {
  DATASET_ORIGINS,
  emptyDatasetFacts,
  type DatasetOrigin,
  emptyModelCard,
  issue,
  LINEAGE_KINDS,
  type DatasetFacts,
  type DatasetReference,
  type LineageEdge,
  type LineageKind,
  type ModelCard,
  type Presence,
  type Property,
} from '../../../model/index.js';
import type { DecodeContext } from './decode-context.js';
import { AI_PROPERTY } from './ai-properties.js';
import type { CdxComponentData, CdxDataGovernanceParty, CdxModelCard } from './bom-shape.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function presence(v: string): Presence | undefined {
  return v === 'yes' || v === 'no' || v === 'unknown' ? v : undefined;
}

function wholeNumber(v: string): number | undefined {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function partyNames(parties: CdxDataGovernanceParty[] | undefined): string[] {
  if (!Array.isArray(parties)) return [];
  const out: string[] = [];
  for (const p of parties) {
    const name = str(p?.organization?.name) ?? str(p?.contact?.name) ?? str(p?.contact?.email);
    if (name) out.push(name);
  }
  return out;
}

/** One `componentData` entry: the dataset facts it states. */
export function decodeComponentData(d: CdxComponentData): DatasetFacts {
  const facts = emptyDatasetFacts();
  const kind = str(d.type);
  if (kind) facts.kind = kind;
  const url = str(d.contents?.url);
  if (url) facts.contentsUrl = url;
  const classification = str(d.classification);
  if (classification) facts.classification = classification;
  facts.sensitiveData = strings(d.sensitiveData);
  if (isObject(d.governance)) {
    facts.governance = {
      owners: partyNames(d.governance.owners),
      stewards: partyNames(d.governance.stewards),
      custodians: partyNames(d.governance.custodians),
    };
  }
  return facts;
}

/** Reads the `vigie:ai:*` dataset properties of a data component into its facts; returns the others. */
export function takeDatasetProperties(facts: DatasetFacts, properties: Property[]): Property[] {
  const kept: Property[] = [];
  for (const p of properties) {
    switch (p.name) {
      case AI_PROPERTY.modality:
        facts.modalities.push(p.value);
        break;
      case AI_PROPERTY.sizeBytes: {
        const n = wholeNumber(p.value);
        if (n !== undefined) facts.sizeBytes = n;
        else kept.push(p);
        break;
      }
      case AI_PROPERTY.sizeCategory:
        facts.sizeCategory = p.value;
        break;
      case AI_PROPERTY.collectionProcess:
        facts.collectionProcess = p.value;
        break;
      case AI_PROPERTY.preprocessing:
        facts.preprocessing.push(p.value);
        break;
      case AI_PROPERTY.knownBias:
        facts.knownBias.push(p.value);
        break;
      case AI_PROPERTY.availability:
        facts.availability = p.value;
        break;
      case AI_PROPERTY.intendedUse:
        facts.intendedUse = p.value;
        break;
      case AI_PROPERTY.origin:
        if ((DATASET_ORIGINS as readonly string[]).includes(p.value)) facts.origin = p.value as DatasetOrigin;
        else kept.push(p);
        break;
      case AI_PROPERTY.sensitivePersonalData: {
        const v = presence(p.value);
        if (v) facts.sensitivePersonalData = v;
        else kept.push(p);
        break;
      }
      case AI_PROPERTY.language:
        facts.languages.push(p.value);
        break;
      default:
        kept.push(p);
    }
  }
  return kept;
}

function datasetReference(entry: Record<string, unknown>): DatasetReference | undefined {
  const d = entry as CdxComponentData;
  const out: DatasetReference = {};
  const name = str(d.name);
  if (name) out.name = name;
  const url = str(d.contents?.url);
  if (url) out.url = url;
  const description = str(d.description);
  if (description) out.description = description;
  const bomRef = str(d['bom-ref']);
  if (bomRef && !name) out.name = bomRef;
  return Object.keys(out).length > 0 ? out : undefined;
}

function takeModelCardProperties(
  card: ModelCard,
  properties: Property[],
  lineage: { kind: LineageKind; ref: string }[],
): void {
  for (const p of properties) {
    if (p.name.startsWith(AI_PROPERTY.hyperparameter)) {
      card.hyperparameters.push({ key: p.name.slice(AI_PROPERTY.hyperparameter.length), value: p.value });
      continue;
    }
    switch (p.name) {
      case AI_PROPERTY.parameterCount: {
        const n = wholeNumber(p.value);
        if (n !== undefined) card.parameterCount = n;
        break;
      }
      case AI_PROPERTY.contextSize: {
        const n = wholeNumber(p.value);
        if (n !== undefined) card.contextSize = n;
        break;
      }
      case AI_PROPERTY.domain:
        card.domains.push(p.value);
        break;
      case AI_PROPERTY.language:
        card.languages.push(p.value);
        break;
      case AI_PROPERTY.library:
        card.library = p.value;
        break;
      case AI_PROPERTY.tag:
        card.tags.push(p.value);
        break;
      case AI_PROPERTY.autonomy:
        card.autonomy = presence(p.value);
        break;
      case AI_PROPERTY.sensitivePersonalData:
        card.usesSensitivePersonalData = presence(p.value);
        break;
      case AI_PROPERTY.informationAboutTraining:
        card.informationAboutTraining = p.value;
        break;
      case AI_PROPERTY.informationAboutApplication:
        card.informationAboutApplication = p.value;
        break;
      case AI_PROPERTY.environmental:
        card.considerations.environmental.push(p.value);
        break;
      case AI_PROPERTY.lineage: {
        const space = p.value.indexOf(' ');
        const kind = p.value.slice(0, space) as LineageKind;
        if (space > 0 && (LINEAGE_KINDS as readonly string[]).includes(kind))
          lineage.push({ kind, ref: p.value.slice(space + 1) });
        break;
      }
    }
  }
}

/**
 * Decodes a model card. Dataset entries that point at a component (`{ref}`) become trained-on
 * lineage edges from `componentRef`; inline entries stay named references on the card.
 */
export function decodeModelCard(
  raw: unknown,
  componentRef: string,
  ctx: DecodeContext,
  path: string,
): { card: ModelCard; lineage: LineageEdge[] } {
  const card = emptyModelCard();
  const lineage: LineageEdge[] = [];
  if (!isObject(raw)) {
    ctx.issues.push(
      issue('error', 'invalid-value', 'modelCard is not an object; ignored', { component: componentRef, field: path }),
    );
    return { card, lineage };
  }
  const m = raw as CdxModelCard;
  const params = isObject(m.modelParameters) ? m.modelParameters : {};
  const approach = str(params.approach?.type);
  if (approach) card.approach = approach;
  const task = str(params.task);
  if (task) card.task = task;
  const family = str(params.architectureFamily);
  if (family) card.architectureFamily = family;
  const architecture = str(params.modelArchitecture);
  if (architecture) card.architecture = architecture;
  for (const io of Array.isArray(params.inputs) ? params.inputs : [])
    if (str(io?.format)) card.inputs.push({ format: io.format! });
  for (const io of Array.isArray(params.outputs) ? params.outputs : [])
    if (str(io?.format)) card.outputs.push({ format: io.format! });
  const trainedOn: string[] = [];
  for (const entry of Array.isArray(params.datasets) ? params.datasets : []) {
    if (!isObject(entry)) continue;
    const ref = str(entry.ref);
    if (ref) trainedOn.push(ref);
    else {
      const named = datasetReference(entry);
      if (named) card.datasets.push(named);
    }
  }

  for (const metric of Array.isArray(m.quantitativeAnalysis?.performanceMetrics)
    ? m.quantitativeAnalysis.performanceMetrics
    : []) {
    const type = str(metric?.type);
    if (!type) continue;
    const out: ModelCard['metrics'][number] = { type };
    if (str(metric.value)) out.value = metric.value;
    if (str(metric.slice)) out.slice = metric.slice;
    if (str(metric.confidenceInterval?.lowerBound)) out.lowerBound = metric.confidenceInterval!.lowerBound;
    if (str(metric.confidenceInterval?.upperBound)) out.upperBound = metric.confidenceInterval!.upperBound;
    card.metrics.push(out);
  }

  const c = isObject(m.considerations) ? m.considerations : {};
  card.considerations.users = strings(c.users);
  card.considerations.useCases = strings(c.useCases);
  card.considerations.limitations = strings(c.technicalLimitations);
  card.considerations.performanceTradeoffs = strings(c.performanceTradeoffs);
  for (const risk of Array.isArray(c.ethicalConsiderations) ? c.ethicalConsiderations : []) {
    const name = str(risk?.name);
    if (!name) continue;
    const mitigation = str(risk.mitigationStrategy);
    card.considerations.ethical.push(mitigation ? { name, mitigation } : { name });
  }

  const other: { kind: LineageKind; ref: string }[] = [];
  const properties = Array.isArray(m.properties)
    ? m.properties.filter((p) => typeof p?.name === 'string').map((p) => ({ name: p.name!, value: str(p.value) ?? '' }))
    : [];
  takeModelCardProperties(card, properties, other);

  if (trainedOn.length > 0) lineage.push({ from: componentRef, kind: 'trained-on', to: trainedOn });
  for (const kind of LINEAGE_KINDS) {
    const to = other.filter((e) => e.kind === kind).map((e) => e.ref);
    if (to.length > 0) lineage.push({ from: componentRef, kind, to });
  }
  return { card, lineage };
}
