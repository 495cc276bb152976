// The header of a `.gguf` file (llama.cpp): magic, version, tensor count, key/value metadata, then one
// info record per tensor (name, dimensions, type, offset). Read from the first bytes of the file; a
// header longer than what was read is reported as truncated, with what could be read.
import { WeightHeaderError, type WeightSummary } from './safetensors.js';

// GGML tensor types by number, for the dtype counts (the ones in common use; others keep their number).
const GGML_TYPES: Record<number, string> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  6: 'Q5_0',
  7: 'Q5_1',
  8: 'Q8_0',
  9: 'Q8_1',
  10: 'Q2_K',
  11: 'Q3_K',
  12: 'Q4_K',
  13: 'Q5_K',
  14: 'Q6_K',
  15: 'Q8_K',
  24: 'I8',
  25: 'I16',
  26: 'I32',
  27: 'I64',
  28: 'F64',
  30: 'BF16',
};

class Cursor {
  offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new RangeError('truncated');
  }
  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new WeightHeaderError('a count in the header is implausibly large');
    return Number(v);
  }
  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }
  string(): string {
    const length = this.u64();
    this.need(length);
    const s = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return s;
  }
}

const SCALAR_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

function readValue(c: Cursor, type: number): string | undefined {
  switch (type) {
    case 8:
      return c.string();
    case 9: {
      const itemType = c.u32();
      const count = c.u64();
      if (itemType === 8) for (let i = 0; i < count; i++) c.string();
      else if (SCALAR_SIZES[itemType] !== undefined) c.skip(count * SCALAR_SIZES[itemType]!);
      else throw new WeightHeaderError(`unknown GGUF array item type ${itemType}`);
      return `[${count} items]`;
    }
    case 4:
      return String(c.u32());
    case 10:
      return String(c.u64());
    case 7:
      return c.u8() ? 'true' : 'false';
    default: {
      const size = SCALAR_SIZES[type];
      if (size === undefined) throw new WeightHeaderError(`unknown GGUF value type ${type}`);
      c.skip(size);
      return undefined; // small numbers the documents do not use
    }
  }
}

export function readGgufHeader(bytes: Uint8Array): WeightSummary & { truncated: boolean } {
  const c = new Cursor(bytes);
  const summary: WeightSummary & { truncated: boolean } = {
    format: 'gguf',
    tensors: 0,
    parameters: 0,
    dtypes: {},
    metadata: {},
    truncated: false,
  };
  try {
    const magic = new TextDecoder().decode(bytes.subarray(0, 4));
    if (magic !== 'GGUF') throw new WeightHeaderError('not a GGUF file (magic bytes)');
    c.skip(4);
    const version = c.u32();
    if (version < 2 || version > 3)
      throw new WeightHeaderError(`GGUF version ${version} is not one Vigie reads (2, 3)`);
    summary.metadata['gguf.version'] = String(version);
    const tensorCount = c.u64();
    const kvCount = c.u64();
    summary.tensors = tensorCount;
    for (let i = 0; i < kvCount; i++) {
      const key = c.string();
      const value = readValue(c, c.u32());
      if (value !== undefined) summary.metadata[key] = value;
    }
    for (let i = 0; i < tensorCount; i++) {
      c.string();
      const dims = c.u32();
      if (dims > 8) throw new WeightHeaderError(`a tensor with ${dims} dimensions`);
      let n = 1;
      for (let d = 0; d < dims; d++) n *= c.u64();
      const type = c.u32();
      c.skip(8);
      summary.parameters += n;
      const name = GGML_TYPES[type] ?? `type-${type}`;
      summary.dtypes[name] = (summary.dtypes[name] ?? 0) + 1;
    }
  } catch (err) {
    if (err instanceof RangeError) summary.truncated = true;
    else throw err;
  }
  return summary;
}
