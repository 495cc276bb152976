// A zip archive (deflate) written in memory, deterministically: entries in the order given, a fixed
// time stamp (1980-01-01 00:00, the format's epoch), no extra fields, UTF-8 names. The same files give
// the same bytes, so a bundle's zip can itself be hashed and compared.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  content: Uint8Array;
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** One deflated entry as the format records it twice: its local header and its central-directory entry. */
export interface ZipEntryRecords {
  local: Buffer;
  central: Buffer;
}

/**
 * The local header and central-directory entry of one deflated entry with a UTF-8 name, the fixed
 * time stamp and no extra fields. `versionMadeBy` 45 marks an archive that carries ZIP64 end records.
 */
export function zipEntryRecords(entry: {
  name: Buffer;
  crc: number;
  packedSize: number;
  size: number;
  offset: number;
  versionMadeBy?: number;
}): ZipEntryRecords {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  local.writeUInt32LE(entry.crc, 14);
  local.writeUInt32LE(entry.packedSize, 18);
  local.writeUInt32LE(entry.size, 22);
  local.writeUInt16LE(entry.name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(entry.versionMadeBy ?? 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  central.writeUInt32LE(entry.crc, 16);
  central.writeUInt32LE(entry.packedSize, 20);
  central.writeUInt32LE(entry.size, 24);
  central.writeUInt16LE(entry.name.length, 28);
  central.writeUInt32LE(entry.offset, 42);
  return { local, central };
}

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.path.startsWith('/') || entry.path.split('/').includes('..'))
      throw new RangeError(`zip entry path "${entry.path}" must be relative`);
    const data = Buffer.from(entry.content);
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(entry.path, 'utf8');
    const crc = crc32(data);
    const { local, central } = zipEntryRecords({ name, crc, packedSize: packed.length, size: data.length, offset });
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
