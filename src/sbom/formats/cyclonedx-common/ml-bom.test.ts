// ML-BOM: model cards, dataset facts and lineage through CycloneDX 1.6/1.7 and SPDX 3.0.1, on the
// corpus examples and on a card that fills every field the model has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';
import { emptyDatasetFacts, emptyModelCard, emptySbom, type Component, type Sbom } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { allComponents } from '../../graph.js';
import { cyclonedxJson } from '../cyclonedx-json/index.js';
import { cyclonedxXml } from '../cyclonedx-xml/index.js';
import { validateXmlBatch } from './xsd-batch.test.js';
import { spdx3JsonLd } from '../spdx3-jsonld/index.js';
import { spdxJson } from '../spdx-json/index.js';

const FIXED = { serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000', timestamp: '2025-01-01T00:00:00Z' };

function component(sbom: Sbom, name: string): Component {
  const found = allComponents(sbom, true).find((c) => c.name === name);
  assert.ok(found, `no component ${name}`);
  return found;
}

/** A model fine-tuned from a base model, trained on one dataset and tested on another. */
function fullFixture(): Sbom {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  const card = emptyModelCard();
  Object.assign(card, {
    approach: 'supervised',
    task: 'text-classification',
    architectureFamily: 'transformer',
    architecture: 'BertForSequenceClassification',
    parameterCount: 109_483_778,
    contextSize: 512,
    inputs: [{ format: 'text' }],
    outputs: [{ format: 'label' }],
    datasets: [{ name: 'crawl-2024', url: 'https://example.org/crawl' }],
    metrics: [{ type: 'f1', value: '0.91', slice: 'en', lowerBound: '0.89', upperBound: '0.93' }],
    considerations: {
      users: ['support teams'],
      useCases: ['ticket routing'],
      limitations: ['English only'],
      performanceTradeoffs: ['recall over precision'],
      ethical: [{ name: 'biased labels', mitigation: 'manual review' }],
      environmental: ['training used 12 kWh'],
    },
    domains: ['customer support'],
    languages: ['en'],
    library: 'transformers',
    tags: ['bert'],
    autonomy: 'no',
    usesSensitivePersonalData: 'no',
    hyperparameters: [{ key: 'learning_rate', value: '2e-5' }],
    informationAboutTraining: 'three epochs on one GPU',
  });
  const model: Component = {
    ref: 'model:router',
    type: 'machine-learning-model',
    name: 'ticket-router',
    version: '1.0.0',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    modelCard: card,
  };
  const base: Component = {
    ref: 'model:bert',
    type: 'machine-learning-model',
    name: 'bert-base-cased',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  const facts = emptyDatasetFacts();
  Object.assign(facts, {
    kind: 'dataset',
    origin: 'private',
    modalities: ['text'],
    contentsUrl: 'https://example.org/reviews',
    sizeBytes: 1_048_576,
    collectionProcess: 'exported from the ticket system',
    preprocessing: ['lower-cased'],
    sensitivePersonalData: 'yes',
    sensitiveData: ['e-mail addresses'],
    knownBias: ['mostly EU customers'],
    availability: 'registration',
    intendedUse: 'training routing models',
    classification: 'amber',
    governance: { owners: ['Support Ltd'], stewards: [], custodians: ['Data Team'] },
    languages: ['en'],
  });
  const reviews: Component = {
    ref: 'data:reviews',
    type: 'data',
    name: 'reviews',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    dataset: facts,
  };
  const holdout: Component = {
    ref: 'data:holdout',
    type: 'data',
    name: 'holdout',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    dataset: { ...emptyDatasetFacts(), modalities: ['text'] },
  };
  // The reviews were filtered out of a raw ticket export: a dataset derived from another.
  const raw: Component = {
    ref: 'data:tickets-raw',
    type: 'data',
    name: 'tickets-raw',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
    dataset: { ...emptyDatasetFacts(), modalities: ['text'] },
  };
  sbom.components = [model, base, reviews, holdout, raw];
  sbom.lineage = [
    { from: 'model:router', kind: 'trained-on', to: ['data:reviews'] },
    { from: 'model:router', kind: 'tested-on', to: ['data:holdout'] },
    { from: 'model:router', kind: 'fine-tuned-from', to: ['model:bert'] },
    { from: 'data:reviews', kind: 'derived-from', to: ['data:tickets-raw'] },
  ];
  return sbom;
}

const sortedLineage = (sbom: Sbom) =>
  (sbom.lineage ?? []).map((e) => `${e.from} ${e.kind} ${[...e.to].sort().join(',')}`).sort();

test('a full model card, dataset facts and every lineage kind survive CycloneDX 1.6 and 1.7, schema-valid', () => {
  const original = fullFixture();
  for (const version of ['1.6', '1.7'] as const) {
    const encoded = cyclonedxJson.encode!(original, version, FIXED);
    assert.deepEqual(
      validateJsonSchema('cyclonedx-json', version, JSON.parse(encoded.text)) ?? [],
      [],
      `CycloneDX ${version} schema`,
    );
    assert.deepEqual(
      encoded.issues.filter((i) => i.code === 'lossy-encode'),
      [],
      'nothing lost',
    );
    const back = cyclonedxJson.decode({ text: encoded.text }).sbom;
    const model = component(back, 'ticket-router');
    assert.deepEqual(model.modelCard, original.components[0]!.modelCard);
    assert.deepEqual(component(back, 'reviews').dataset, original.components[2]!.dataset);
    assert.deepEqual(model.properties, [], 'Vigie properties are read back, not listed');
    assert.deepEqual(component(back, 'reviews').properties, [], 'the derived-from property is read back as an edge');
    assert.deepEqual(sortedLineage(back), sortedLineage(original));
  }
});

test('the same card, facts and lineage survive CycloneDX XML 1.6 and 1.7, XSD-valid', async () => {
  const original = fullFixture();
  for (const version of ['1.6', '1.7'] as const) {
    const encoded = cyclonedxXml.encode!(original, version, FIXED);
    const violations = await validateXmlBatch(version, [{ name: 'ml', text: encoded.text }]);
    assert.deepEqual(violations.get('ml') ?? [], [], `CycloneDX XML ${version} XSD`);
    const back = cyclonedxXml.decode({ text: encoded.text }).sbom;
    assert.deepEqual(component(back, 'ticket-router').modelCard, original.components[0]!.modelCard);
    assert.deepEqual(component(back, 'reviews').dataset, original.components[2]!.dataset);
    assert.deepEqual(sortedLineage(back), sortedLineage(original));
  }
});

test('SPDX 3.0.1 carries the AI and Dataset profile fields and the lineage, and names what it cannot hold', () => {
  const original = fullFixture();
  const encoded = spdx3JsonLd.encode!(original, '3.0.1', FIXED);
  assert.deepEqual(validateJsonSchema('spdx3-jsonld', '3.0.1', JSON.parse(encoded.text)) ?? [], [], 'SPDX 3 schema');
  const graph = JSON.parse(encoded.text)['@graph'] as Record<string, unknown>[];
  const relationships = graph.filter((n) => n.type === 'Relationship').map((n) => n.relationshipType);
  for (const kind of ['trainedOn', 'testedOn', 'descendantOf'])
    assert.ok(relationships.includes(kind), `${kind} written`);
  // descendantOf twice: the fine-tune from its base model, the derived dataset from its source.
  const descendants = graph.filter((n) => n.type === 'Relationship' && n.relationshipType === 'descendantOf');
  const nameOf = (id: unknown) => graph.find((n) => n.spdxId === id)?.name;
  assert.deepEqual(descendants.map((r) => `${nameOf(r.from)} -> ${(r.to as string[]).map(nameOf).join(',')}`).sort(), [
    'reviews -> tickets-raw',
    'ticket-router -> bert-base-cased',
  ]);
  const aiPackage = graph.find((n) => n.type === 'ai_AIPackage' && n.name === 'ticket-router')!;
  assert.equal(aiPackage.ai_typeOfModel !== undefined, true);
  assert.deepEqual(aiPackage.ai_domain, ['customer support']);

  const lost = encoded.issues
    .filter((i) => i.code === 'lossy-encode')
    .map((i) => i.message)
    .join('\n');
  for (const field of ['approach', 'task', 'parameterCount', 'contextSize', 'inputs/outputs'])
    assert.match(lost, new RegExp(`modelCard\\.${field.replace('/', '\\/')}`), `${field} reported lost`);

  const back = spdx3JsonLd.decode({ text: encoded.text }).sbom;
  const model = allComponents(back, true).find((c) => c.name === 'ticket-router')!;
  assert.equal(model.modelCard?.autonomy, 'no');
  assert.deepEqual(model.modelCard?.hyperparameters, [{ key: 'learning_rate', value: '2e-5' }]);
  assert.deepEqual(model.modelCard?.metrics, [{ type: 'f1', value: '0.91' }]);
  const reviews = allComponents(back, true).find((c) => c.name === 'reviews')!;
  assert.equal(reviews.dataset?.sizeBytes, 1_048_576);
  assert.equal(reviews.dataset?.sensitivePersonalData, 'yes');
  assert.equal(reviews.dataset?.availability, 'registration');
  assert.deepEqual(
    sortedLineage(back),
    sortedLineage(original),
    'every edge, the two descendantOf told apart by their start',
  );
});

/** The corpus ML-BOMs: two of the three end objects with a trailing comma, which strict JSON refuses. */
function readMlBom(path: string): { sbom: Sbom; repaired: boolean } {
  const text = readFileSync(path, 'utf8');
  try {
    return { sbom: cyclonedxJson.decode({ text }).sbom, repaired: false };
  } catch (error) {
    // Known quirk of the upstream files (corpora README): the reader names the line; the test then
    // reads the document with its two trailing commas removed, to check everything else in it.
    assert.match(String((error as Error).message), /line \d+/);
    return { sbom: cyclonedxJson.decode({ text: text.replace(/,(\s*[}\]])/g, '$1') }).sbom, repaired: true };
  }
}

test(
  'corpus ML-BOM examples decode with their model cards and datasets, and convert both ways schema-valid',
  needsCorpora,
  () => {
    const dir = corpus('sboms/cyclonedx/bom-examples/MLBOM');
    const bert = readMlBom(`${dir}/Model/OpenSource/bom.json`).sbom;
    const model = component(bert, 'bert-base-cased');
    assert.equal(model.type, 'machine-learning-model');
    assert.deepEqual(
      model.modelCard?.datasets.map((d) => d.name),
      ['legacy-datasets/wikipedia', 'bookcorpus/bookcorpus'],
    );
    assert.equal(model.modelCard?.datasets[0]?.url, 'https://huggingface.co/datasets/legacy-datasets/wikipedia');

    const gpt = readMlBom(`${dir}/Model/FoundationModels/bom.json`);
    assert.equal(gpt.repaired, false, 'this one is strict JSON');
    const card = component(gpt.sbom, 'gpt-4o').modelCard;
    assert.equal(card?.architecture, 'GPT-4');
    assert.deepEqual(card?.inputs, [{ format: 'string' }, { format: 'image' }]);

    const wiki = component(readMlBom(`${dir}/Dataset/bom.json`).sbom, 'wikipedia');
    assert.equal(wiki.type, 'data');
    assert.equal(wiki.dataset?.contentsUrl, 'https://huggingface.co/datasets/wikimedia/wikipedia');

    for (const sbom of [bert, gpt.sbom]) {
      for (const version of ['1.6', '1.7'] as const) {
        const out = cyclonedxJson.encode!(sbom, version, FIXED);
        assert.deepEqual(validateJsonSchema('cyclonedx-json', version, JSON.parse(out.text)) ?? [], []);
        const again = cyclonedxJson.decode({ text: out.text }).sbom;
        assert.deepEqual(
          allComponents(again, true).map((c) => c.modelCard),
          allComponents(sbom, true).map((c) => c.modelCard),
        );
      }
      const spdx = spdx3JsonLd.encode!(sbom, '3.0.1', FIXED);
      assert.deepEqual(validateJsonSchema('spdx3-jsonld', '3.0.1', JSON.parse(spdx.text)) ?? [], []);
    }
  },
);

test(
  'corpus SPDX 3 AI and dataset examples go to CycloneDX 1.7 with cards, facts and lineage, schema-valid',
  needsCorpora,
  () => {
    for (const path of [
      'sboms/spdx/examples/ai/example01/spdx3.0/simplehtr-example.json',
      'sboms/spdx/examples/ai/example02/spdx3.0/sbom.spdx3.json',
      'sboms/spdx/examples/dataset/example01/spdx3.0/example01.spdx3.json',
    ]) {
      const sbom = spdx3JsonLd.decode({ text: readFileSync(corpus(path), 'utf8') }).sbom;
      const out = cyclonedxJson.encode!(sbom, '1.7', FIXED);
      assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.7', JSON.parse(out.text)) ?? [], [], path);
      const back = cyclonedxJson.decode({ text: out.text }).sbom;
      const models = allComponents(sbom, true).filter((c) => c.type === 'machine-learning-model');
      for (const m of models) {
        const again = allComponents(back, true).find((c) => c.ref === m.ref);
        assert.deepEqual(again?.modelCard, m.modelCard, `${path}: card of ${m.name}`);
      }
      const modelRefs = new Set(models.map((m) => m.ref));
      assert.deepEqual(
        sortedLineage(back),
        sortedLineage({ ...sbom, lineage: (sbom.lineage ?? []).filter((e) => modelRefs.has(e.from)) }),
        path,
      );
      const data = allComponents(sbom, true).filter((c) => c.dataset);
      for (const d of data)
        assert.deepEqual(
          allComponents(back, true).find((c) => c.ref === d.ref)?.dataset,
          d.dataset,
          `${path}: facts of ${d.name}`,
        );
    }
  },
);

test('SPDX 2.3 cannot hold AI lineage: every edge kind is reported as lossy, derived-from included', () => {
  const encoded = spdxJson.encode!(fullFixture(), '2.3', FIXED);
  const lost = encoded.issues.filter((i) => i.code === 'lossy-encode').map((i) => i.message);
  for (const kind of ['trained-on', 'tested-on', 'fine-tuned-from', 'derived-from']) {
    assert.ok(
      lost.some((m) => m.includes(`AI lineage edges (${kind}): 1 occurrence(s) dropped`)),
      `${kind} reported: ${lost.join(' | ')}`,
    );
  }
});

test('a derived-from edge on a model is reported lost in CycloneDX, not written as a dataset property', () => {
  const sbom = fullFixture();
  sbom.lineage = [...(sbom.lineage ?? []), { from: 'model:router', kind: 'derived-from', to: ['data:tickets-raw'] }];
  const encoded = cyclonedxJson.encode!(sbom, '1.6', FIXED);
  assert.ok(
    encoded.issues.some(
      (i) => i.code === 'lossy-encode' && /derived-from edge belongs to data components/.test(i.message),
    ),
  );
  const back = cyclonedxJson.decode({ text: encoded.text }).sbom;
  assert.deepEqual(
    (back.lineage ?? []).filter((e) => e.kind === 'derived-from').map((e) => e.from),
    ['data:reviews'],
  );
});
