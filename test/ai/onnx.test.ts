// ONNX weights (issue 10 item 3): tensors and parameters counted from the protobuf without reading the
// tensor data, on a model written with the onnx Python package (figures from onnx 1.23.1 itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { readOnnxSummary } from '../../src/ai/weights/onnx.js';
import { WeightHeaderError } from '../../src/ai/weights/safetensors.js';
import { readModelDirectory } from '../../src/io/model-directory.js';
import { inventoryModelDirectory } from '../../src/ai/model-directory.js';

const DIR = join(REPO_ROOT, 'test/fixtures/ai/tiny-onnx');
const BYTES = readFileSync(join(DIR, 'model.onnx'));
const over = (bytes: Uint8Array) => (offset: number, length: number) => bytes.subarray(offset, offset + length);

test('the initializers of a real ONNX model: count, values, element types, IR version, producer, opset', () => {
  const reads: number[] = [];
  const summary = readOnnxSummary((o, l) => {
    reads.push(o);
    return BYTES.subarray(o, o + l);
  }, BYTES.length);
  // onnx: sum(prod(t.dims)) over graph.initializer = 12 + 3 + 10 + 2
  assert.equal(summary.tensors, 4);
  assert.equal(summary.parameters, 27);
  assert.deepEqual(summary.dtypes, { FLOAT: 2, FLOAT16: 1, INT64: 1 });
  assert.deepEqual(summary.metadata, {
    'onnx.ir_version': '8',
    'onnx.producer_name': 'vigie-test',
    'onnx.producer_version': '1',
    'onnx.opset_import': 'ai.onnx:17',
  });
  assert.ok(reads.length <= 2, `a small file is read in one window, not byte by byte (${reads.length} reads)`);
});

test('a truncated file and a file that is not ONNX say what is wrong', () => {
  const cut = BYTES.subarray(0, BYTES.length - 40);
  assert.throws(
    () => readOnnxSummary(over(cut), cut.length),
    (e: unknown) => e instanceof WeightHeaderError && /truncated|runs past/.test(e.message),
  );
  const json = new TextEncoder().encode('{"not": "onnx"}');
  assert.throws(() => readOnnxSummary(over(json), json.length), WeightHeaderError);
});

test('a model directory with an ONNX file: the model gets its parameter count, the weight file its tensor figures', () => {
  const found = inventoryModelDirectory(readModelDirectory(DIR));
  assert.equal(found.model.modelCard?.parameterCount, 27);
  assert.equal(found.model.modelCard?.task, 'tabular-regression');
  const weights = found.model.components?.[0];
  assert.equal(weights?.name, 'model.onnx');
  assert.deepEqual(
    weights?.properties.map((p) => [p.name, p.value]),
    [
      ['vigie:ai:weightFormat', 'onnx'],
      ['vigie:ai:tensorCount', '4'],
      ['vigie:ai:dtypes', 'FLOAT:2,FLOAT16:1,INT64:1'],
    ],
  );
  assert.deepEqual(found.issues, []);
});
