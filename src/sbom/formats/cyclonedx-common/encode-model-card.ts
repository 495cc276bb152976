// ModelCard / DatasetFacts / lineage → CycloneDX `modelCard` and `data`. What CycloneDX has no field
// for travels as `vigie:ai:*` properties (read back by decode-model-card.ts); trained-on edges
// become `modelParameters.datasets[].ref`, the other lineage kinds properties of the card.
import type { Component, DatasetFacts, LineageEdge, ModelCard, Property } from '../../../model/index.js';
import { lossy, type EncodeContext } from './encode-context.js';
import { AI_PROPERTY } from './ai-properties.js';
import type { CdxComponentData, CdxModelCard, CdxProperty } from './bom-shape.js';

const APPROACHES = new Set([
  'supervised',
  'unsupervised',
  'reinforcement-learning',
  'semi-supervised',
  'self-supervised',
]);
const DATA_KINDS = new Set(['source-code', 'configuration', 'dataset', 'definition', 'other']);

function modelCardProperties(card: ModelCard, lineage: LineageEdge[]): CdxProperty[] {
  const out: CdxProperty[] = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) out.push({ name, value: String(value) });
  };
  add(AI_PROPERTY.parameterCount, card.parameterCount);
  add(AI_PROPERTY.contextSize, card.contextSize);
  for (const d of card.domains) add(AI_PROPERTY.domain, d);
  for (const l of card.languages) add(AI_PROPERTY.language, l);
  add(AI_PROPERTY.library, card.library);
  for (const t of card.tags) add(AI_PROPERTY.tag, t);
  add(AI_PROPERTY.autonomy, card.autonomy);
  add(AI_PROPERTY.sensitivePersonalData, card.usesSensitivePersonalData);
  for (const h of card.hyperparameters) add(AI_PROPERTY.hyperparameter + h.key, h.value);
  add(AI_PROPERTY.informationAboutTraining, card.informationAboutTraining);
  add(AI_PROPERTY.informationAboutApplication, card.informationAboutApplication);
  for (const e of card.considerations.environmental) add(AI_PROPERTY.environmental, e);
  for (const edge of lineage)
    if (edge.kind !== 'trained-on') for (const to of edge.to) add(AI_PROPERTY.lineage, `${edge.kind} ${to}`);
  return out;
}

export function encodeModelCard(
  c: Component,
  card: ModelCard,
  lineage: LineageEdge[],
  ctx: EncodeContext,
): CdxModelCard {
  const out: CdxModelCard = {};
  const params: NonNullable<CdxModelCard['modelParameters']> = {};
  if (card.approach !== undefined) {
    if (APPROACHES.has(card.approach)) params.approach = { type: card.approach };
    else
      lossy(
        ctx,
        `learning approach "${card.approach}" is not a CycloneDX approach type; left out`,
        c.ref,
        'modelCard.modelParameters.approach',
      );
  }
  if (card.task !== undefined) params.task = card.task;
  if (card.architectureFamily !== undefined) params.architectureFamily = card.architectureFamily;
  if (card.architecture !== undefined) params.modelArchitecture = card.architecture;
  const datasets: NonNullable<NonNullable<CdxModelCard['modelParameters']>['datasets']> = [];
  const trainedOn = new Set(lineage.filter((e) => e.kind === 'trained-on').flatMap((e) => e.to));
  for (const d of card.datasets) {
    const entry: CdxComponentData = { type: 'dataset' };
    if (d.name !== undefined) entry.name = d.name;
    if (d.url !== undefined) entry.contents = { url: d.url };
    if (d.description !== undefined) entry.description = d.description;
    datasets.push(entry);
  }
  for (const ref of trainedOn) datasets.push({ ref });
  if (datasets.length > 0) params.datasets = datasets;
  if (card.inputs.length > 0) params.inputs = card.inputs.map((i) => ({ format: i.format }));
  if (card.outputs.length > 0) params.outputs = card.outputs.map((o) => ({ format: o.format }));
  if (Object.keys(params).length > 0) out.modelParameters = params;

  if (card.metrics.length > 0) {
    out.quantitativeAnalysis = {
      performanceMetrics: card.metrics.map((m) => {
        const metric: {
          type: string;
          value?: string;
          slice?: string;
          confidenceInterval?: { lowerBound?: string; upperBound?: string };
        } = { type: m.type };
        if (m.value !== undefined) metric.value = m.value;
        if (m.slice !== undefined) metric.slice = m.slice;
        if (m.lowerBound !== undefined || m.upperBound !== undefined) {
          metric.confidenceInterval = {};
          if (m.lowerBound !== undefined) metric.confidenceInterval.lowerBound = m.lowerBound;
          if (m.upperBound !== undefined) metric.confidenceInterval.upperBound = m.upperBound;
        }
        return metric;
      }),
    };
  }
  const k = card.considerations;
  const considerations: NonNullable<CdxModelCard['considerations']> = {};
  if (k.users.length > 0) considerations.users = [...k.users];
  if (k.useCases.length > 0) considerations.useCases = [...k.useCases];
  if (k.limitations.length > 0) considerations.technicalLimitations = [...k.limitations];
  if (k.performanceTradeoffs.length > 0) considerations.performanceTradeoffs = [...k.performanceTradeoffs];
  if (k.ethical.length > 0) {
    considerations.ethicalConsiderations = k.ethical.map((e) =>
      e.mitigation !== undefined ? { name: e.name, mitigationStrategy: e.mitigation } : { name: e.name },
    );
  }
  if (Object.keys(considerations).length > 0) out.considerations = considerations;
  const properties = modelCardProperties(card, lineage);
  if (properties.length > 0) out.properties = properties;
  return out;
}

export function encodeComponentData(
  c: Component,
  facts: DatasetFacts,
  ctx: EncodeContext,
  spill: Property[],
): CdxComponentData[] {
  const entry: CdxComponentData = { type: 'dataset' };
  if (facts.kind !== undefined) {
    if (DATA_KINDS.has(facts.kind)) entry.type = facts.kind;
    else
      lossy(
        ctx,
        `data type "${facts.kind}" is not a CycloneDX componentData type; written as "dataset"`,
        c.ref,
        'data.type',
      );
  }
  entry.name = c.name;
  if (facts.contentsUrl !== undefined) entry.contents = { url: facts.contentsUrl };
  if (facts.classification !== undefined) entry.classification = facts.classification;
  if (facts.sensitiveData.length > 0) entry.sensitiveData = [...facts.sensitiveData];
  const g = facts.governance;
  const parties = (names: string[]) => names.map((name) => ({ organization: { name } }));
  if (g.owners.length + g.stewards.length + g.custodians.length > 0) {
    entry.governance = {};
    if (g.owners.length > 0) entry.governance.owners = parties(g.owners);
    if (g.stewards.length > 0) entry.governance.stewards = parties(g.stewards);
    if (g.custodians.length > 0) entry.governance.custodians = parties(g.custodians);
  }
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) spill.push({ name, value: String(value) });
  };
  for (const m of facts.modalities) add(AI_PROPERTY.modality, m);
  add(AI_PROPERTY.sizeBytes, facts.sizeBytes);
  add(AI_PROPERTY.sizeCategory, facts.sizeCategory);
  add(AI_PROPERTY.collectionProcess, facts.collectionProcess);
  for (const p of facts.preprocessing) add(AI_PROPERTY.preprocessing, p);
  for (const b of facts.knownBias) add(AI_PROPERTY.knownBias, b);
  add(AI_PROPERTY.availability, facts.availability);
  add(AI_PROPERTY.origin, facts.origin);
  add(AI_PROPERTY.intendedUse, facts.intendedUse);
  add(AI_PROPERTY.sensitivePersonalData, facts.sensitivePersonalData);
  for (const l of facts.languages) add(AI_PROPERTY.language, l);
  return [entry];
}
