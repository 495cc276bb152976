// A zip archive in memory for tests that need an osv.dev-style `<Ecosystem>/all.zip`: the product's
// own deterministic writer (src/reports/zip-archive.ts), with test-friendly inputs.
import { zipArchive as writeZip } from '../../src/reports/zip-archive.js';

export function zipArchive(files: { name: string; content: Buffer | string }[]): Buffer {
  return writeZip(
    files.map((f) => ({ path: f.name, content: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content) })),
  );
}
