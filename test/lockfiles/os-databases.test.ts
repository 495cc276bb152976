// Package databases of unpacked root filesystems through the walk: the host's own dpkg status (real
// data, on Debian-like hosts), a small Alpine database, and an RPM database written with
// better-sqlite3 the way rpm ≥ 4.16 stores it (one header blob per row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { generateInventory } from '../../src/services/generate-inventory.js';

function rootfs(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-rootfs-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const HOST_DPKG = '/var/lib/dpkg/status';
const hostHasDpkg = existsSync(HOST_DPKG) && existsSync('/etc/os-release');

test(
  'dpkg: the host system as an unpacked image, every installed package with distro and arch',
  { skip: hostHasDpkg ? undefined : 'no dpkg database on this host' },
  async () => {
    const dir = rootfs({});
    try {
      mkdirSync(join(dir, 'var/lib/dpkg'), { recursive: true });
      mkdirSync(join(dir, 'etc'), { recursive: true });
      copyFileSync(HOST_DPKG, join(dir, 'var/lib/dpkg/status'));
      copyFileSync('/etc/os-release', join(dir, 'etc/os-release'));
      const status = readFileSync(HOST_DPKG, 'utf8');
      const installed = status.split(/\n\n+/).filter((p) => /^Status: .*\binstalled$/m.test(p));
      const { sbom, files } = await generateInventory(dir);
      assert.deepEqual(
        files.map((f) => f.extractor),
        ['dpkg-status'],
      );
      assert.equal(sbom.components.length, installed.length);
      const os = Object.fromEntries(
        readFileSync('/etc/os-release', 'utf8')
          .split('\n')
          .map((l) => l.split('='))
          .filter((kv) => kv.length === 2)
          .map(([k, v]) => [k, v!.replace(/"/g, '')]),
      );
      const para = installed.find((p) => /^Package: dpkg$/m.test(p))!;
      const version = /^Version: (.+)$/m.exec(para)![1]!;
      const arch = /^Architecture: (.+)$/m.exec(para)![1]!;
      const dpkg = sbom.components.find((c) => c.name === 'dpkg')!;
      assert.equal(
        dpkg.purl,
        `pkg:deb/${os.ID}/dpkg@${encodeURIComponent(version).replace(/%3A/g, ':')}?arch=${arch}&distro=${os.ID}-${os.VERSION_ID}`,
      );
      assert.ok(
        sbom.dependencies.some((d) => d.dependsOn.length > 0),
        'Depends become edges',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('dpkg: a binary package names its source package in the upstream qualifier (what Debian advisories name)', async () => {
  const dir = rootfs({
    'etc/os-release': 'NAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\n',
    'var/lib/dpkg/status': [
      'Package: libssl3',
      'Status: install ok installed',
      'Architecture: amd64',
      'Source: openssl',
      'Version: 3.0.11-1~deb12u2',
      '',
      'Package: libc6',
      'Status: install ok installed',
      'Architecture: amd64',
      'Source: glibc (2.36-9+deb12u4)',
      'Version: 2.36-9+deb12u4+b1',
      '',
      'Package: openssl',
      'Status: install ok installed',
      'Architecture: amd64',
      'Version: 3.0.11-1~deb12u2',
      '',
    ].join('\n'),
  });
  try {
    const { sbom } = await generateInventory(dir);
    assert.deepEqual(sbom.components.map((c) => c.purl).sort(), [
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4%2Bb1?arch=amd64&distro=debian-12&upstream=glibc%402.36-9%2Bdeb12u4',
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
      'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('apk: Alpine database with licences, origin and provides-based edges', async () => {
  const dir = rootfs({
    'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n',
    'lib/apk/db/installed': [
      'C:Q1abc=',
      'P:musl',
      'V:1.2.4_git20230717-r4',
      'A:x86_64',
      'L:MIT',
      'o:musl',
      'T:the musl c library',
      'p:so:libc.musl-x86_64.so.1=1',
      '',
      'C:Q1def=',
      'P:busybox',
      'V:1.36.1-r15',
      'A:x86_64',
      'L:GPL-2.0-only',
      'o:busybox',
      'D:so:libc.musl-x86_64.so.1',
      '',
      'C:Q1ghi=',
      'P:ssl_client',
      'V:1.36.1-r15',
      'A:x86_64',
      'L:GPL-2.0-only',
      'o:busybox',
      'D:so:libc.musl-x86_64.so.1 busybox=1.36.1-r15',
      '',
    ].join('\n'),
  });
  try {
    const { sbom } = await generateInventory(dir);
    assert.deepEqual(sbom.components.map((c) => c.purl).sort(), [
      'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1',
      'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1',
      'pkg:apk/alpine/ssl_client@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox',
    ]);
    const ssl = sbom.components.find((c) => c.name === 'ssl_client')!;
    assert.equal(ssl.licenses.declared?.expression, 'GPL-2.0-only');
    assert.deepEqual(ssl.properties, [{ name: 'vigie:apk:origin', value: 'busybox' }]);
    assert.deepEqual(sbom.dependencies.find((d) => d.ref === ssl.ref)?.dependsOn.length, 2);
    assert.equal(sbom.metadata.component?.name, 'Alpine Linux v3.19');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** An RPM header blob (rpm's on-disk layout: index count, data length, 16-byte entries, data). */
function rpmHeader(tags: [number, 'string' | 'int' | 'array', string | number | string[]][]): Buffer {
  const data: Buffer[] = [];
  let size = 0;
  const entries: Buffer[] = [];
  for (const [tag, kind, value] of tags) {
    let body: Buffer;
    let type: number;
    let count = 1;
    if (kind === 'int') {
      const pad = (4 - (size % 4)) % 4;
      if (pad) {
        data.push(Buffer.alloc(pad));
        size += pad;
      }
      body = Buffer.alloc(4);
      body.writeInt32BE(value as number);
      type = 4;
    } else if (kind === 'array') {
      body = Buffer.concat((value as string[]).map((s) => Buffer.from(`${s}\0`)));
      type = 8;
      count = (value as string[]).length;
    } else {
      body = Buffer.from(`${value as string}\0`);
      type = 6;
    }
    const entry = Buffer.alloc(16);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(type, 4);
    entry.writeUInt32BE(size, 8);
    entry.writeUInt32BE(count, 12);
    entries.push(entry);
    data.push(body);
    size += body.length;
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(size, 4);
  return Buffer.concat([head, ...entries, ...data]);
}

test('rpmdb.sqlite: headers read from the SQLite rows, epoch and arch in the purl, gpg-pubkey left out', async () => {
  const dir = rootfs({ 'etc/os-release': 'ID="rocky"\nVERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n' });
  try {
    mkdirSync(join(dir, 'var/lib/rpm'), { recursive: true });
    const db = new Database(join(dir, 'var/lib/rpm/rpmdb.sqlite'));
    db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
    insert.run(
      rpmHeader([
        [1000, 'string', 'openssl-libs'],
        [1001, 'string', '3.0.7'],
        [1002, 'string', '24.el9'],
        [1003, 'int', 1],
        [1014, 'string', 'ASL 2.0'],
        [1022, 'string', 'x86_64'],
        [1044, 'string', 'openssl-3.0.7-24.el9.src.rpm'],
        [1049, 'array', ['glibc', 'rpmlib(CompressedFileNames)']],
      ]),
    );
    insert.run(
      rpmHeader([
        [1000, 'string', 'glibc'],
        [1001, 'string', '2.34'],
        [1002, 'string', '83.el9'],
        [1014, 'string', 'LGPLv2+'],
        [1022, 'string', 'x86_64'],
        [1047, 'array', ['libc.so.6']],
      ]),
    );
    insert.run(
      rpmHeader([
        [1000, 'string', 'gpg-pubkey'],
        [1001, 'string', 'abc'],
        [1002, 'string', '1'],
      ]),
    );
    db.close();
    const { sbom } = await generateInventory(dir);
    assert.deepEqual(sbom.components.map((c) => c.purl).sort(), [
      'pkg:rpm/rocky/glibc@2.34-83.el9?arch=x86_64&distro=rocky-9.3',
      'pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&distro=rocky-9.3&epoch=1',
    ]);
    const openssl = sbom.components.find((c) => c.name === 'openssl-libs')!;
    assert.equal(openssl.licenses.declared?.raw, 'ASL 2.0');
    assert.deepEqual(sbom.dependencies.find((d) => d.ref === openssl.ref)?.dependsOn, [
      'pkg:rpm/rocky/glibc@2.34-83.el9?arch=x86_64&distro=rocky-9.3',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file under an RPM database name that is not SQLite is reported; the walk goes on', async () => {
  const dir = rootfs({ 'var/lib/rpm/rpmdb.sqlite': 'not sqlite', 'lib/apk/db/installed': 'P:musl\nV:1.2.4-r4\n\n' });
  try {
    const { sbom, failed, issues } = await generateInventory(dir);
    assert.deepEqual(failed, ['var/lib/rpm/rpmdb.sqlite']);
    assert.match(
      issues.find((i) => i.code === 'unreadable-lockfile')!.message,
      /rpmdb\.sqlite is not an RPM sqlite database/,
    );
    assert.equal(sbom.components.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
