// Decodes an RPM header blob as rpmdb.sqlite stores it (no lead, no magic): a big-endian index
// count and data length, index entries of 16 bytes (tag, type, offset, count), then the data store.
import { LockfileError } from '../core/lockfile-error.js';

export const RPM_TAGS = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  summary: 1004,
  vendor: 1011,
  license: 1014,
  url: 1020,
  arch: 1022,
  sourceRpm: 1044,
  requireName: 1049,
  provideName: 1047,
} as const;

const STRING = 6;
const STRING_ARRAY = 8;
const I18N_STRING = 9;
const INT32 = 4;

export type RpmValue = string | string[] | number;

export function readRpmHeader(blob: Uint8Array, path: string, index: number): Map<number, RpmValue> {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const fail = (why: string): never => {
    throw new LockfileError(path, `package ${index + 1}: not an RPM header (${why})`);
  };
  if (blob.byteLength < 8) fail('too short');
  const count = view.getUint32(0);
  const length = view.getUint32(4);
  const dataStart = 8 + count * 16;
  if (count > 100_000 || dataStart + length > blob.byteLength) fail('index and data do not fit the blob');
  const out = new Map<number, RpmValue>();
  const decoder = new TextDecoder();
  const cString = (at: number): [string, number] => {
    let end = at;
    while (end < dataStart + length && blob[end] !== 0) end++;
    return [decoder.decode(blob.subarray(at, end)), end + 1];
  };
  for (let i = 0; i < count; i++) {
    const base = 8 + i * 16;
    const tag = view.getUint32(base);
    const type = view.getUint32(base + 4);
    const offset = view.getUint32(base + 8);
    const n = view.getUint32(base + 12);
    if (offset >= length && n > 0) continue;
    const at = dataStart + offset;
    if (type === STRING || (type === I18N_STRING && n >= 1)) out.set(tag, cString(at)[0]);
    else if (type === STRING_ARRAY) {
      const list: string[] = [];
      let p = at;
      for (let k = 0; k < n && k < 100_000; k++) {
        const [s, next] = cString(p);
        list.push(s);
        p = next;
      }
      out.set(tag, list);
    } else if (type === INT32 && n >= 1 && at + 4 <= blob.byteLength) out.set(tag, view.getInt32(at));
  }
  return out;
}
