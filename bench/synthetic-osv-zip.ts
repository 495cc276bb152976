// A synthetic osv.dev-style archive (`<Ecosystem>/all.zip`: one JSON advisory per entry) of any
// size, written to disk entry by entry so that making a 300k-record archive costs little memory.
// More than 65,535 entries need the ZIP64 end records (APPNOTE 4.3.14-4.3.15), which yauzl reads
// as osv.dev's large archives need it to. Records are valid OSV 1.6 in the shape of GHSA/PyPA ones:
// aliases, a CVSS vector, two affected packages with ECOSYSTEM ranges, references, a details text.
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipEntryRecords } from '../src/reports/zip-archive.js';

function record(i: number): Record<string, unknown> {
  const pkg = `synthetic-package-${i % 20_000}`;
  const minor = i % 40;
  return {
    schema_version: '1.6.0',
    id: `PYSEC-2099-${i}`,
    modified: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`,
    published: '2024-06-01T00:00:00Z',
    aliases: [
      `CVE-2099-${100000 + i}`,
      `GHSA-${(i * 7919).toString(36).padStart(4, '0').slice(-4)}-xxxx-${(i % 1296).toString(36).padStart(2, '0')}yy`,
    ],
    summary: `Synthetic flaw ${i} in ${pkg}`,
    details:
      `A crafted input makes ${pkg} read past the end of a buffer (synthetic advisory ${i}, for the import benchmark). `.repeat(
        4,
      ),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'PyPI', name: pkg, purl: `pkg:pypi/${pkg}` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: `1.${minor}.0` }, { fixed: `1.${minor}.3` }] }],
        versions: [`1.${minor}.0`, `1.${minor}.1`, `1.${minor}.2`],
      },
      {
        package: { ecosystem: 'PyPI', name: `${pkg}-extras` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: `2.${minor}.9` }] }],
      },
    ],
    references: [
      { type: 'ADVISORY', url: `https://example.invalid/advisories/PYSEC-2099-${i}` },
      { type: 'FIX', url: `https://example.invalid/${pkg}/commit/${(i * 2654435761).toString(16).padStart(8, '0')}` },
    ],
  };
}

/** Writes `count` advisories as a zip at `path`; returns the archive's size in bytes. */
export function writeSyntheticOsvZip(path: string, count: number): number {
  const fd = openSync(path, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  const write = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  try {
    for (let i = 0; i < count; i++) {
      const data = Buffer.from(JSON.stringify(record(i), null, 2), 'utf8');
      const packed = deflateRawSync(data, { level: 1 });
      const name = Buffer.from(`PYSEC-2099-${i}.json`, 'utf8');
      const crc = crc32(data);
      if (offset > 0xffffffff)
        throw new RangeError('synthetic archive over 4 GiB: offsets would need ZIP64 extra fields');
      const { local, central: entry } = zipEntryRecords({
        name,
        crc,
        packedSize: packed.length,
        size: data.length,
        offset,
        versionMadeBy: 45,
      });
      central.push(entry, name);
      write(local);
      write(name);
      write(packed);
    }
    const centralOffset = offset;
    for (const b of central) write(b);
    const centralSize = offset - centralOffset;
    const zip64 = count > 0xffff;
    if (zip64) {
      const zip64End = offset;
      const record64 = Buffer.alloc(56);
      record64.writeUInt32LE(0x06064b50, 0);
      record64.writeBigUInt64LE(44n, 4);
      record64.writeUInt16LE(45, 12);
      record64.writeUInt16LE(45, 14);
      record64.writeBigUInt64LE(BigInt(count), 24);
      record64.writeBigUInt64LE(BigInt(count), 32);
      record64.writeBigUInt64LE(BigInt(centralSize), 40);
      record64.writeBigUInt64LE(BigInt(centralOffset), 48);
      write(record64);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(zip64End), 8);
      locator.writeUInt32LE(1, 16);
      write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : count, 8);
    end.writeUInt16LE(zip64 ? 0xffff : count, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(centralOffset, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
  return offset;
}
