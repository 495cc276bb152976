// The header of a `.safetensors` file: an 8-byte little-endian length, then that many bytes of JSON
// naming every tensor with its dtype, shape and byte range. Reading it gives the tensor count, the
// parameter count and the dtypes without touching the weights.

export interface WeightSummary {
  format: 'safetensors' | 'gguf' | 'onnx';
  tensors: number;
  /** Sum over tensors of the product of their dimensions. */
  parameters: number;
  /** Tensor count per dtype (`F16`, `BF16`, `Q4_K`…). */
  dtypes: Record<string, number>;
  /** Free-form metadata the file carries (safetensors `__metadata__`, GGUF key/values). */
  metadata: Record<string, string>;
}

export class WeightHeaderError extends Error {}

/** Largest header accepted: real headers are kilobytes; more is a broken or hostile file. */
export const MAX_SAFETENSORS_HEADER = 100 * 1024 * 1024;

/** How many bytes of the file the header needs (8, then 8 + length once that is known). */
export function safetensorsHeaderLength(first8: Uint8Array): number {
  if (first8.length < 8) throw new WeightHeaderError('shorter than the 8-byte header length');
  const view = new DataView(first8.buffer, first8.byteOffset, 8);
  const length = view.getBigUint64(0, true);
  if (length > BigInt(MAX_SAFETENSORS_HEADER))
    throw new WeightHeaderError(`header length ${length} is beyond ${MAX_SAFETENSORS_HEADER} bytes`);
  return 8 + Number(length);
}

export function readSafetensorsHeader(bytes: Uint8Array): WeightSummary {
  const end = safetensorsHeaderLength(bytes);
  if (bytes.length < end) throw new WeightHeaderError(`the header says ${end - 8} bytes but the file is shorter`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, end)));
  } catch {
    throw new WeightHeaderError('the header is not UTF-8 JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new WeightHeaderError('the header is not a JSON object');
  const summary: WeightSummary = { format: 'safetensors', tensors: 0, parameters: 0, dtypes: {}, metadata: {} };
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') summary.metadata[k] = v;
      }
      continue;
    }
    const tensor = value as { dtype?: unknown; shape?: unknown };
    if (
      typeof tensor?.dtype !== 'string' ||
      !Array.isArray(tensor.shape) ||
      !tensor.shape.every((d) => Number.isSafeInteger(d) && d >= 0)
    ) {
      throw new WeightHeaderError(`tensor "${name}" has no dtype or shape`);
    }
    summary.tensors++;
    summary.parameters += (tensor.shape as number[]).reduce((a, b) => a * b, 1);
    summary.dtypes[tensor.dtype] = (summary.dtypes[tensor.dtype] ?? 0) + 1;
  }
  return summary;
}
