// Model directories as the hubs ship them: the card, the config and the weight headers become a model
// component with its hashes, datasets and base model as components and lineage edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { vigie, hasStackTrace } from '../cli/run-cli.js';
import { inventoryModelDirectory } from '../../src/ai/model-directory.js';
import { readGgufHeader } from '../../src/ai/weights/gguf.js';
import { readSafetensorsHeader, WeightHeaderError } from '../../src/ai/weights/safetensors.js';
import { readModelDirectory } from '../../src/io/model-directory.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { cyclonedxJson } from '../../src/sbom/formats/cyclonedx-json/index.js';

const TINY = join(REPO_ROOT, 'test/fixtures/ai/tiny-classifier');
// sha256sum test/fixtures/ai/tiny-classifier/model.safetensors
const WEIGHTS_SHA256 = '06190dd9b0dd4b24be021c2db2e2d7d56307eac378b7c32473eca82d58e45032';

test('the tiny classifier: card, config and safetensors header give the model, its hashes and its lineage', () => {
  const found = inventoryModelDirectory(readModelDirectory(TINY));
  const { model } = found;
  assert.equal(model.type, 'machine-learning-model');
  assert.equal(model.name, 'tiny-classifier');
  assert.equal(model.licenses.declared?.raw, 'llama3.1');
  assert.equal(model.licenses.declared?.expression, 'LicenseRef-scancode-llama-3.1-license-2024');
  assert.deepEqual(
    model.hashes.map((h) => h.alg),
    ['SHA-256', 'SHA-512'],
  );
  assert.equal(model.hashes[0]!.content, WEIGHTS_SHA256);
  const card = model.modelCard!;
  // 32×8 + 8×8 + 8 + 3×8 values in four tensors
  assert.equal(card.parameterCount, 352);
  assert.equal(card.contextSize, 128);
  assert.equal(card.task, 'text-classification');
  assert.equal(card.architecture, 'BertForSequenceClassification');
  assert.equal(card.architectureFamily, 'bert');
  assert.deepEqual(card.languages, ['en', 'fr']);
  const weights = model.components?.[0];
  assert.equal(weights?.name, 'model.safetensors');
  assert.deepEqual(
    weights?.properties.filter((p) => p.name !== 'vigie:ai:weightFormat'),
    [
      { name: 'vigie:ai:tensorCount', value: '4' },
      { name: 'vigie:ai:dtypes', value: 'F32:2,F16:2' },
    ],
  );
  assert.deepEqual(
    found.components.map((c) => `${c.type} ${c.name}`),
    ['data fancyzhx/amazon_polarity', 'data example/support-tickets', 'machine-learning-model meta-llama/Llama-3.1-8B'],
  );
  assert.deepEqual(found.lineage, [
    {
      from: 'model:tiny-classifier',
      kind: 'trained-on',
      to: ['dataset:fancyzhx/amazon_polarity', 'dataset:example/support-tickets'],
    },
    { from: 'model:tiny-classifier', kind: 'fine-tuned-from', to: ['model:meta-llama/Llama-3.1-8B'] },
  ]);
  assert.deepEqual(found.issues, []);
});

test('vigie sbom generate on a model directory: schema-valid CycloneDX that reads back with card and lineage', async () => {
  const r = await vigie(['sbom', 'generate', TINY, '--to', 'cyclonedx-json@1.7']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.7', JSON.parse(r.stdout)) ?? [], []);
  const sbom = cyclonedxJson.decode({ text: r.stdout }).sbom;
  assert.equal(sbom.metadata.component?.modelCard?.parameterCount, 352);
  assert.deepEqual(sbom.lineage?.map((e) => e.kind).sort(), ['fine-tuned-from', 'trained-on']);
});

test('a broken card or weight header is a warning; the model is still inventoried', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-model-'));
  try {
    cpSync(TINY, dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), '---\nlicense: [unclosed\n---\n# x\n');
    writeFileSync(
      join(dir, 'broken.safetensors'),
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]),
    );
    const found = inventoryModelDirectory(readModelDirectory(dir));
    const messages = found.issues.map((i) => i.message).join('\n');
    assert.match(messages, /front matter is not valid YAML/);
    assert.match(messages, /broken\.safetensors: header length \d+ is beyond/);
    assert.match(messages, /states no licence/);
    assert.equal(found.model.components?.length, 2, 'both weight files are listed and hashed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('safetensors headers that lie about their length or shapes are refused with the reason', () => {
  const header = (json: string) => {
    const body = Buffer.from(json);
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(body.length));
    return new Uint8Array(Buffer.concat([len, body]));
  };
  assert.throws(() => readSafetensorsHeader(header('{"w":{"dtype":"F32","shape":[2,-1]}}')), WeightHeaderError);
  assert.throws(() => readSafetensorsHeader(header('[1,2]')), /not a JSON object/);
  assert.throws(() => readSafetensorsHeader(header('{"w":').subarray(0, 10)), /file is shorter/);
  assert.equal(
    readSafetensorsHeader(header('{"a":{"dtype":"BF16","shape":[3,4]},"b":{"dtype":"BF16","shape":[]}}')).parameters,
    13,
  );
});

/** A GGUF v3 header: two metadata values and two tensor infos, in the layout llama.cpp writes. */
function ggufBytes(): Uint8Array {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  const u64 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    parts.push(b);
  };
  const str = (s: string) => {
    u64(Buffer.byteLength(s));
    parts.push(Buffer.from(s));
  };
  parts.push(Buffer.from('GGUF'));
  u32(3);
  u64(2); // tensors
  u64(3); // metadata entries
  str('general.architecture');
  u32(8);
  str('llama');
  str('llama.context_length');
  u32(4);
  u32(8192);
  str('tokenizer.ggml.tokens');
  u32(9);
  u32(8);
  u64(2);
  str('<s>');
  str('</s>');
  str('token_embd.weight');
  u32(2);
  u64(4096);
  u64(32000);
  u32(12);
  u64(0);
  str('output_norm.weight');
  u32(1);
  u64(4096);
  u32(0);
  u64(0);
  return new Uint8Array(Buffer.concat(parts));
}

test('GGUF: metadata, tensor count, parameter count and quantisation types from the header', () => {
  const summary = readGgufHeader(ggufBytes());
  assert.equal(summary.truncated, false);
  assert.equal(summary.tensors, 2);
  assert.equal(summary.parameters, 4096 * 32000 + 4096);
  assert.deepEqual(summary.dtypes, { Q4_K: 1, F32: 1 });
  assert.equal(summary.metadata['general.architecture'], 'llama');
  assert.equal(summary.metadata['llama.context_length'], '8192');
  const cut = readGgufHeader(ggufBytes().subarray(0, 60));
  assert.equal(cut.truncated, true);
  assert.throws(() => readGgufHeader(new Uint8Array(Buffer.from('GGML____'))), /not a GGUF file/);
});

test('vigie sbom generate: a folder of weights without card or config still is no crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-model-'));
  try {
    writeFileSync(join(dir, 'model.gguf'), ggufBytes());
    const r = await vigie(['sbom', 'generate', dir]);
    assert.equal(hasStackTrace(r.stderr), false);
    assert.equal(r.code, 0, r.stderr);
    const sbom = cyclonedxJson.decode({ text: r.stdout }).sbom;
    assert.equal(sbom.metadata.component?.modelCard?.architectureFamily, 'llama');
    assert.equal(sbom.metadata.component?.modelCard?.contextSize, 8192);
    assert.match(r.stderr, /states no licence/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sbom generate on a model directory keeps each weight file, with its hashes, under the model', async () => {
  const r = await vigie(['sbom', 'generate', TINY, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const bom = JSON.parse(r.stdout) as {
    metadata: {
      component: { type: string; components?: { name: string; hashes?: { alg: string; content: string }[] }[] };
    };
  };
  assert.equal(bom.metadata.component.type, 'machine-learning-model');
  const weights = bom.metadata.component.components?.find((c) => c.name === 'model.safetensors');
  assert.ok(weights, 'the weight file is a sub-component of the model (it used to be dropped)');
  assert.deepEqual(
    weights.hashes?.map((h) => h.alg),
    ['SHA-256', 'SHA-512'],
  );
  assert.equal(weights.hashes?.[0]!.content, WEIGHTS_SHA256);
});
