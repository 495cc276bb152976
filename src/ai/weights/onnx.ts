// The tensors of an `.onnx` file (a protobuf ModelProto): the graph's initializers with their dims
// and element types, without reading their data. The file is walked field by field through a
// positioned reader, skipping every payload it does not need (nodes, raw tensor data), so a
// multi-gigabyte model costs a few thousand small reads. Field numbers from onnx/onnx.proto.
import { WeightHeaderError, type WeightSummary } from './safetensors.js';

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

const DATA_TYPES: Record<number, string> = {
  1: 'FLOAT',
  2: 'UINT8',
  3: 'INT8',
  4: 'UINT16',
  5: 'INT16',
  6: 'INT32',
  7: 'INT64',
  8: 'STRING',
  9: 'BOOL',
  10: 'FLOAT16',
  11: 'DOUBLE',
  12: 'UINT32',
  13: 'UINT64',
  14: 'COMPLEX64',
  15: 'COMPLEX128',
  16: 'BFLOAT16',
  17: 'FLOAT8E4M3FN',
  18: 'FLOAT8E4M3FNUZ',
  19: 'FLOAT8E5M2',
  20: 'FLOAT8E5M2FNUZ',
  21: 'UINT4',
  22: 'INT4',
  23: 'FLOAT4E2M1',
};

// ModelProto / GraphProto / TensorProto / OperatorSetIdProto field numbers.
const MODEL = { irVersion: 1, producerName: 2, producerVersion: 3, graph: 7, opsetImport: 8 };
const GRAPH = { initializer: 5, sparseInitializer: 15 };
const TENSOR = { dims: 1, dataType: 2, name: 8 };
const OPSET = { domain: 1, version: 2 };

interface Field {
  number: number;
  wire: number;
  /** Varint value (wire 0). */
  value?: number;
  /** Payload position and length (wire 2). */
  start?: number;
  length?: number;
}

class Walker {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;
  constructor(
    private readonly readAt: ReadAt,
    private readonly size: number,
  ) {}

  private byte(offset: number): number {
    if (offset >= this.size) throw new WeightHeaderError('truncated protobuf');
    if (offset < this.bufferStart || offset >= this.bufferStart + this.buffer.length) {
      this.bufferStart = offset;
      this.buffer = this.readAt(offset, 64 * 1024);
      if (this.buffer.length === 0) throw new WeightHeaderError('truncated protobuf');
    }
    return this.buffer[offset - this.bufferStart]!;
  }

  /** A varint at `offset`: its value (exact up to 2^53) and where it ends. */
  varint(offset: number): { value: number; end: number } {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte(offset + i);
      value += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return { value, end: offset + i + 1 };
    }
    throw new WeightHeaderError('a varint longer than 10 bytes');
  }

  bytes(start: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.byte(start + i);
    return out;
  }

  /** Every field of the message between `start` and `end`, payloads left unread. */
  *fields(start: number, end: number): Generator<Field> {
    let at = start;
    while (at < end) {
      const tag = this.varint(at);
      at = tag.end;
      const number = Math.floor(tag.value / 8);
      const wire = tag.value % 8;
      if (wire === 0) {
        const v = this.varint(at);
        at = v.end;
        yield { number, wire, value: v.value };
      } else if (wire === 2) {
        const len = this.varint(at);
        const payloadStart = len.end;
        at = payloadStart + len.value;
        if (at > end) throw new WeightHeaderError(`field ${number} runs past its message`);
        yield { number, wire, start: payloadStart, length: len.value };
      } else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else throw new WeightHeaderError(`unsupported protobuf wire type ${wire}`);
    }
  }

  text(f: Field): string {
    return new TextDecoder().decode(this.bytes(f.start!, Math.min(f.length!, 4096)));
  }
}

function readTensor(w: Walker, start: number, end: number): { elements: number; type: string } {
  let elements = 1;
  let type = 'UNDEFINED';
  for (const f of w.fields(start, end)) {
    if (f.number === TENSOR.dims) {
      if (f.wire === 0) elements *= f.value!;
      else if (f.wire === 2) {
        // Packed dims (proto3 writers).
        for (let at = f.start!; at < f.start! + f.length!;) {
          const v = w.varint(at);
          elements *= v.value;
          at = v.end;
        }
      }
    } else if (f.number === TENSOR.dataType && f.wire === 0) type = DATA_TYPES[f.value!] ?? `type-${f.value}`;
  }
  if (!Number.isSafeInteger(elements)) throw new WeightHeaderError('a tensor with an implausible number of elements');
  return { elements, type };
}

/** Tensor and parameter counts of an ONNX model, with its IR version, producer and opsets as metadata. */
export function readOnnxSummary(readAt: ReadAt, size: number): WeightSummary {
  const w = new Walker(readAt, size);
  const summary: WeightSummary = { format: 'onnx', tensors: 0, parameters: 0, dtypes: {}, metadata: {} };
  let sawGraph = false;
  const opsets: string[] = [];
  for (const f of w.fields(0, size)) {
    if (f.number === MODEL.irVersion && f.wire === 0) summary.metadata['onnx.ir_version'] = String(f.value);
    else if (f.number === MODEL.producerName && f.wire === 2) summary.metadata['onnx.producer_name'] = w.text(f);
    else if (f.number === MODEL.producerVersion && f.wire === 2) summary.metadata['onnx.producer_version'] = w.text(f);
    else if (f.number === MODEL.opsetImport && f.wire === 2) {
      let domain = '';
      let version = '';
      for (const o of w.fields(f.start!, f.start! + f.length!)) {
        if (o.number === OPSET.domain && o.wire === 2) domain = w.text(o);
        else if (o.number === OPSET.version && o.wire === 0) version = String(o.value);
      }
      opsets.push(`${domain || 'ai.onnx'}:${version}`);
    } else if (f.number === MODEL.graph && f.wire === 2) {
      sawGraph = true;
      for (const g of w.fields(f.start!, f.start! + f.length!)) {
        if (g.wire !== 2 || (g.number !== GRAPH.initializer && g.number !== GRAPH.sparseInitializer)) continue;
        // A sparse initializer's dense shape is its field 3 (dims); its values tensor is field 1.
        const t =
          g.number === GRAPH.initializer
            ? readTensor(w, g.start!, g.start! + g.length!)
            : sparseShape(w, g.start!, g.start! + g.length!);
        summary.tensors++;
        summary.parameters += t.elements;
        summary.dtypes[t.type] = (summary.dtypes[t.type] ?? 0) + 1;
      }
    }
  }
  if (!sawGraph) throw new WeightHeaderError('no graph: not an ONNX model');
  if (opsets.length) summary.metadata['onnx.opset_import'] = opsets.join(',');
  return summary;
}

function sparseShape(w: Walker, start: number, end: number): { elements: number; type: string } {
  let elements = 1;
  let type = 'UNDEFINED';
  for (const f of w.fields(start, end)) {
    if (f.number === 3 && f.wire === 0) elements *= f.value!;
    else if (f.number === 3 && f.wire === 2) {
      for (let at = f.start!; at < f.start! + f.length!;) {
        const v = w.varint(at);
        elements *= v.value;
        at = v.end;
      }
    } else if (f.number === 1 && f.wire === 2) type = readTensor(w, f.start!, f.start! + f.length!).type;
  }
  return { elements, type };
}
