// SPDX 3 AI and Dataset profile fields ⇄ the model's ModelCard / DatasetFacts. The decoder first keeps
// every profile field as an `spdx3:<field>` property (profile-fields.ts); `liftAiFields` then moves
// those the model has a field for into the card or facts, and `lowerAiFields` gives them back as
// properties for the encoder. Fields the model has no place for stay properties either way.
import {
  emptyDatasetFacts,
  emptyModelCard,
  type Component,
  type DatasetFacts,
  type LineageKind,
  type ModelCard,
  type Presence,
  type Property,
} from '../../../model/index.js';
import { PROPERTY_PREFIX } from './profile-fields.js';

/** Lineage kinds and the SPDX 3 relationship type each travels as (from the model to its sources). */
export const LINEAGE_RELATIONSHIPS: Readonly<Record<LineageKind, string>> = {
  'trained-on': 'trainedOn',
  'tested-on': 'testedOn',
  // SPDX 3 has no fine-tuning or quantisation relationship: a fine-tuned model descends from its
  // base model, a quantised one is a variant of the model it was made from.
  'fine-tuned-from': 'descendantOf',
  'quantised-from': 'variantOf',
  // A dataset built from another one descends from it too; the decoder tells the two descendantOf
  // apart by the element they start from (an AI package or a dataset package).
  'derived-from': 'descendantOf',
};

/** The model edges by relationship type (descendantOf from a model = fine-tuned-from). */
export const LINEAGE_FROM_RELATIONSHIP: ReadonlyMap<string, LineageKind> = new Map(
  Object.entries(LINEAGE_RELATIONSHIPS)
    .filter(([kind]) => kind !== 'derived-from')
    .map(([kind, rel]) => [rel, kind as LineageKind]),
);

const fromPresence = (v: string): Presence | undefined =>
  v === 'yes' || v === 'no' ? v : v === 'noAssertion' ? 'unknown' : undefined;
const toPresence = (v: Presence): string => (v === 'unknown' ? 'noAssertion' : v);

type Take = (values: string[]) => boolean;

/** Moves the `spdx3:` properties that `handlers` accept out of the list. */
function take(properties: Property[], handlers: Record<string, Take>): Property[] {
  const byField = new Map<string, string[]>();
  for (const p of properties) {
    if (!p.name.startsWith(PROPERTY_PREFIX)) continue;
    const field = p.name.slice(PROPERTY_PREFIX.length);
    if (handlers[field]) byField.set(field, [...(byField.get(field) ?? []), p.value]);
  }
  const consumed = new Set<string>();
  for (const [field, values] of byField) if (handlers[field]!(values)) consumed.add(PROPERTY_PREFIX + field);
  return consumed.size === 0 ? properties : properties.filter((p) => !consumed.has(p.name));
}

function entry(v: string): { key: string; value: string } {
  const at = v.indexOf('=');
  return at < 0 ? { key: v, value: '' } : { key: v.slice(0, at), value: v.slice(at + 1) };
}

function liftModelCard(c: Component): void {
  const card = emptyModelCard();
  c.properties = take(c.properties, {
    ai_autonomyType: ([v]) => (card.autonomy = fromPresence(v!)) !== undefined,
    ai_useSensitivePersonalInformation: ([v]) => (card.usesSensitivePersonalData = fromPresence(v!)) !== undefined,
    ai_domain: (vs) => (card.domains.push(...vs), true),
    ai_hyperparameter: (vs) => (card.hyperparameters.push(...vs.map(entry)), true),
    ai_metric: (vs) => (
      card.metrics.push(...vs.map(entry).map((e) => (e.value ? { type: e.key, value: e.value } : { type: e.key }))),
      true
    ),
    ai_informationAboutApplication: ([v]) => ((card.informationAboutApplication = v), true),
    ai_informationAboutTraining: ([v]) => ((card.informationAboutTraining = v), true),
    ai_limitation: ([v]) => (card.considerations.limitations.push(v!), true),
    ai_typeOfModel: (vs) => (vs.length === 1 ? ((card.architectureFamily = vs[0]), true) : false),
  });
  c.modelCard = card;
}

function liftDataset(c: Component): void {
  const facts = emptyDatasetFacts();
  c.properties = take(c.properties, {
    dataset_confidentialityLevel: ([v]) => ((facts.classification = v), true),
    dataset_dataCollectionProcess: ([v]) => ((facts.collectionProcess = v), true),
    dataset_dataPreprocessing: (vs) => (facts.preprocessing.push(...vs), true),
    dataset_datasetAvailability: ([v]) => ((facts.availability = v), true),
    dataset_datasetSize: ([v]) => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 0) return false;
      facts.sizeBytes = n;
      return true;
    },
    dataset_datasetType: (vs) => (facts.modalities.push(...vs.filter((v) => v !== 'noAssertion')), true),
    dataset_hasSensitivePersonalInformation: ([v]) => (facts.sensitivePersonalData = fromPresence(v!)) !== undefined,
    dataset_intendedUse: ([v]) => ((facts.intendedUse = v), true),
    dataset_knownBias: (vs) => (facts.knownBias.push(...vs), true),
  });
  facts.kind = 'dataset';
  c.dataset = facts;
}

/** After decoding: gives model and data components their card / facts from the profile properties. */
export function liftAiFields(c: Component): void {
  if (c.type === 'machine-learning-model' && !c.modelCard) liftModelCard(c);
  else if (c.type === 'data' && !c.dataset) liftDataset(c);
}

function modelCardProperties(card: ModelCard): Property[] {
  const out: Property[] = [];
  const add = (field: string, value: string | undefined) => {
    if (value !== undefined) out.push({ name: PROPERTY_PREFIX + field, value });
  };
  if (card.autonomy) add('ai_autonomyType', toPresence(card.autonomy));
  if (card.usesSensitivePersonalData)
    add('ai_useSensitivePersonalInformation', toPresence(card.usesSensitivePersonalData));
  for (const d of card.domains) add('ai_domain', d);
  for (const h of card.hyperparameters) add('ai_hyperparameter', `${h.key}=${h.value}`);
  for (const m of card.metrics) add('ai_metric', m.value === undefined ? m.type : `${m.type}=${m.value}`);
  add('ai_informationAboutApplication', card.informationAboutApplication);
  add('ai_informationAboutTraining', card.informationAboutTraining);
  if (card.considerations.limitations.length > 0) add('ai_limitation', card.considerations.limitations.join('\n'));
  add('ai_typeOfModel', card.architectureFamily ?? card.architecture);
  return out;
}

function datasetProperties(facts: DatasetFacts): Property[] {
  const out: Property[] = [];
  const add = (field: string, value: string | undefined) => {
    if (value !== undefined) out.push({ name: PROPERTY_PREFIX + field, value });
  };
  add('dataset_confidentialityLevel', facts.classification);
  add('dataset_dataCollectionProcess', facts.collectionProcess);
  for (const p of facts.preprocessing) add('dataset_dataPreprocessing', p);
  add('dataset_datasetAvailability', facts.availability);
  if (facts.sizeBytes !== undefined) add('dataset_datasetSize', String(facts.sizeBytes));
  for (const m of facts.modalities) add('dataset_datasetType', m);
  if (facts.sensitivePersonalData)
    add('dataset_hasSensitivePersonalInformation', toPresence(facts.sensitivePersonalData));
  add('dataset_intendedUse', facts.intendedUse);
  for (const b of facts.knownBias) add('dataset_knownBias', b);
  return out;
}

/** Model-card fields SPDX 3 has no field for, named for the lossy-encode report. */
export function unwritableModelCardFields(card: ModelCard): string[] {
  const out: string[] = [];
  if (card.approach) out.push('approach');
  if (card.task) out.push('task');
  if (card.architectureFamily && card.architecture) out.push('architecture');
  if (card.parameterCount !== undefined) out.push('parameterCount');
  if (card.contextSize !== undefined) out.push('contextSize');
  if (card.inputs.length || card.outputs.length) out.push('inputs/outputs');
  if (card.considerations.users.length || card.considerations.useCases.length)
    out.push('considerations.users/useCases');
  if (card.considerations.ethical.length) out.push('considerations.ethical');
  if (card.datasets.length > 0) out.push('datasets named without a component');
  return out;
}

/** Before encoding: the component with its card / facts written back as `spdx3:` properties. */
export function lowerAiFields(c: Component): Component {
  const extra = c.modelCard ? modelCardProperties(c.modelCard) : c.dataset ? datasetProperties(c.dataset) : [];
  return extra.length === 0 ? c : { ...c, properties: [...c.properties, ...extra] };
}
