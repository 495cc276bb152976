// Dataset directories as the hubs ship them (issue 10 item 3): a README.md dataset card whose YAML
// front matter (license, language, task_categories, size_categories, source_datasets,
// annotations_creators, pretty_name, dataset_info…) becomes a `data` component with its dataset facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { vigie } from '../cli/run-cli.js';
import { datasetFactsOfCard, inventoryDatasetDirectory } from '../../src/ai/dataset-card.js';
import { findAiDirectories, isDatasetDirectory, readDatasetDirectory } from '../../src/io/model-directory.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { cyclonedxJson } from '../../src/sbom/formats/cyclonedx-json/index.js';

const TICKETS = join(REPO_ROOT, 'test/fixtures/ai/support-tickets');
const TINY_MODEL = join(REPO_ROOT, 'test/fixtures/ai/tiny-classifier');
// sha256sum test/fixtures/ai/support-tickets/data/*
const TRAIN_SHA256 = '79299d29a3368d234ef028ca2cdb55e11502dc457c7c27028879f873c80071ab';

test('the support-tickets dataset card: licence and facts from the front matter, data files hashed', () => {
  assert.ok(isDatasetDirectory(TICKETS));
  assert.ok(!isDatasetDirectory(TINY_MODEL), 'a model card with weights is a model, not a dataset');
  const input = readDatasetDirectory(TICKETS);
  assert.deepEqual(
    input.dataFiles.map((f) => [f.path, f.size]),
    [
      ['data/test.jsonl', 103],
      ['data/train.csv', 278],
    ],
  );
  assert.equal(input.dataFiles[1]!.hashes.find((h) => h.alg === 'SHA-256')?.content, TRAIN_SHA256);
  const { dataset, sources, lineage, issues } = inventoryDatasetDirectory(input);
  assert.deepEqual(issues, []);
  // source_datasets `extended|fancyzhx/amazon_polarity`: a named data component and a derived-from edge, not text.
  assert.deepEqual(
    sources.map((c) => [c.ref, c.type, c.name, c.externalReferences[0]?.url]),
    [
      [
        'dataset:fancyzhx/amazon_polarity',
        'data',
        'fancyzhx/amazon_polarity',
        'https://huggingface.co/datasets/fancyzhx/amazon_polarity',
      ],
    ],
  );
  assert.deepEqual(lineage, [{ from: dataset.ref, kind: 'derived-from', to: ['dataset:fancyzhx/amazon_polarity'] }]);
  assert.equal(dataset.type, 'data');
  assert.equal(dataset.name, 'Support Tickets');
  assert.equal(dataset.licenses.declared?.expression, 'CC-BY-NC-4.0');
  assert.deepEqual(dataset.dataset, {
    kind: 'dataset',
    modalities: ['text'],
    preprocessing: [],
    sensitiveData: [],
    knownBias: [],
    governance: { owners: [], stewards: [], custodians: [] },
    languages: ['en', 'fr'],
    sizeCategory: 'n<1K',
    sizeBytes: 551,
    collectionProcess: 'original data; text created by: found; annotations by: expert-generated',
    intendedUse: 'tasks: text-classification, sentiment-classification',
  });
  assert.deepEqual(
    dataset.components?.map((c) => c.name),
    ['data/test.jsonl', 'data/train.csv'],
  );
});

test('dataset card mapping: synthetic origin, gated availability, licence "other", sizes from the files', () => {
  const facts = datasetFactsOfCard({
    language_creators: ['machine-generated'],
    annotations_creators: ['no-annotation'],
    extra_gated_prompt: 'Agree to the terms',
    dataset_info: [{ dataset_size: 10 }, { dataset_size: 32 }],
  });
  assert.equal(facts.origin, 'synthetic');
  assert.equal(facts.availability, 'registration');
  assert.equal(facts.sizeBytes, 42);
  assert.equal(
    datasetFactsOfCard({ language_creators: ['found'], annotations_creators: ['machine-generated'] }).origin,
    undefined,
    'found text is not synthetic',
  );
  const other = inventoryDatasetDirectory({
    name: 'scans',
    readme:
      '---\nlicense: other\nlicense_name: scans-research-only\nlicense_link: https://example.org/terms\npretty_name: Scans\n---\n',
    dataFiles: [
      { path: 'a.parquet', size: 7, hashes: [] },
      { path: 'b.parquet', size: 5, hashes: [] },
    ],
  }).dataset;
  assert.equal(other.licenses.declared?.raw, 'scans-research-only');
  assert.deepEqual(other.externalReferences, [{ type: 'license', url: 'https://example.org/terms' }]);
  assert.equal(other.dataset?.sizeBytes, 12, "no dataset_info: the data files' sizes");
  const unlicensed = inventoryDatasetDirectory({ name: 'x', readme: '---\npretty_name: X\n---\n', dataFiles: [] });
  assert.deepEqual(
    unlicensed.issues.map((i) => i.message),
    ['the dataset card states no licence'],
  );
});

test('vigie sbom generate <dataset dir>: schema-valid CycloneDX whose data component carries the licence and facts', async () => {
  const r = await vigie(['sbom', 'generate', TICKETS, '--to', 'cyclonedx-json@1.7']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.7', JSON.parse(r.stdout)) ?? [], []);
  const data = cyclonedxJson.decode({ text: r.stdout }).sbom.metadata.component!;
  assert.equal(data.type, 'data');
  assert.equal(data.name, 'Support Tickets');
  assert.equal(data.licenses.declared?.expression ?? data.licenses.concluded?.expression, 'CC-BY-NC-4.0');
  assert.equal(data.dataset?.sizeCategory, 'n<1K');
  assert.equal(data.dataset?.sizeBytes, 551);
  assert.deepEqual(data.dataset?.languages, ['en', 'fr']);
  const sbom = cyclonedxJson.decode({ text: r.stdout }).sbom;
  const derived = (sbom.lineage ?? []).filter((e) => e.kind === 'derived-from');
  assert.deepEqual(
    derived.map((e) => e.from),
    [data.ref],
  );
  const source = sbom.components.find((c) => derived[0]!.to.includes(c.ref));
  assert.equal(source?.name, 'fancyzhx/amazon_polarity');
  assert.equal(source?.type, 'data');
  assert.doesNotMatch(data.dataset?.collectionProcess ?? '', /derived from/);
  assert.equal(data.dataset?.intendedUse, 'tasks: text-classification, sentiment-classification');
});

test('a folder with a model and a dataset directory side by side: both found, each as what it is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ai-dirs-'));
  try {
    cpSync(TICKETS, join(dir, 'support-tickets'), { recursive: true });
    cpSync(TINY_MODEL, join(dir, 'tiny-classifier'), { recursive: true });
    // A plain project README is no dataset card.
    writeFileSync(join(dir, 'README.md'), '---\ntitle: demo\n---\n# Demo\n');
    assert.deepEqual(
      findAiDirectories(dir).map((d) => [d.dir.slice(dir.length + 1), d.kind]),
      [
        ['support-tickets', 'dataset'],
        ['tiny-classifier', 'model'],
      ],
    );
    const r = await vigie(['sbom', 'generate', dir, '--to', 'cyclonedx-json@1.7']);
    assert.equal(r.code, 0, r.stderr);
    const sbom = cyclonedxJson.decode({ text: r.stdout }).sbom;
    // Several projects: each is a sub-component of the folder's primary component.
    const tickets = sbom.metadata.component?.components?.find((c) => c.name === 'Support Tickets');
    assert.equal(tickets?.type, 'data');
    assert.equal(tickets?.dataset?.sizeCategory, 'n<1K');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
