// `-o FILE` writes the whole result or nothing: a target that cannot be written is a usage error that
// names it, and no temporary file is left beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie, hasStackTrace } from './run-cli.js';
import { writeOutput } from '../../src/cli/write-output.js';
import { memoryIo } from '../../src/cli/io.js';

function project(dir: string): string {
  const folder = join(dir, 'app');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'package-lock.json'),
    JSON.stringify({
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { leftpad: '^1.0.0' } },
        'node_modules/leftpad': { version: '1.0.2', license: 'MIT' },
      },
    }),
  );
  return folder;
}

test('sbom generate -o writes the document whole, with no temporary file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    const out = join(dir, 'out', 'bom.json');
    mkdirSync(join(dir, 'out'));
    const r = await vigie(['sbom', 'generate', project(dir), '--quiet', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const bom = JSON.parse(readFileSync(out, 'utf8')) as { components: { name: string; version: string }[] };
    assert.deepEqual(
      bom.components.map((c) => `${c.name}@${c.version}`),
      ['leftpad@1.0.2'],
    );
    assert.deepEqual(readdirSync(join(dir, 'out')), ['bom.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sbom generate -o into a path that is a folder fails clearly and leaves nothing behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    const r = await vigie(['sbom', 'generate', project(dir), '--quiet', '-o', target]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /cannot write .*taken: E[A-Z]+/);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['app', 'taken']);
    assert.deepEqual(readdirSync(target), ['keep.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  '-o onto a named pipe writes into it and leaves it a pipe; onto a symbolic link replaces the file it names',
  { timeout: 30_000 },
  async () => {
    // A device or a pipe (/dev/null, /dev/stdout, `-o >(jq …)`) was replaced by a regular file by the
    // rename: run as root, `-o /dev/null` broke /dev/null for the machine. A pipe stands in for it here.
    const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
    let stopReader = () => {};
    try {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      const reader = spawn('cat', [fifo]);
      let received = '';
      reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const ended = new Promise((done) => reader.on('close', done));
      // Without a writer the reader would wait for ever: it is killed at the end whatever happened. (It
      // was unref'd instead: when cat's output closed before its exit was collected, nothing kept the
      // event loop alive and the test was cancelled while it waited for 'close'.)
      stopReader = () => reader.kill();
      const r = await vigie(['sbom', 'generate', project(dir), '--quiet', '-o', fifo]);
      assert.equal(r.code, 0, r.stderr);
      await ended;
      assert.ok(lstatSync(fifo).isFIFO(), 'the pipe is still a pipe');
      assert.match(received, /"leftpad"/);

      const real = join(dir, 'real.json');
      writeFileSync(real, 'old');
      symlinkSync(real, join(dir, 'link.json'));
      const viaLink = await vigie(['sbom', 'generate', project2(dir), '--quiet', '-o', join(dir, 'link.json')]);
      assert.equal(viaLink.code, 0, viaLink.stderr);
      assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link is still a link');
      assert.match(readFileSync(real, 'utf8'), /"leftpad"/);
    } finally {
      stopReader();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

function project2(dir: string): string {
  const other = join(dir, 'second');
  mkdirSync(other);
  return project(other);
}

test('a large text is written whole and exact, a surrogate pair across a piece boundary included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-write-'));
  try {
    // Pieces are 64K characters: the emoji's two halves sit on either side of the first boundary,
    // non-ASCII text follows, and there is no final newline (one is added).
    const text = `${'a'.repeat(64 * 1024 - 1)}😀${'é€'.repeat(70_000)}"end"`;
    const io = memoryIo(dir);
    await writeOutput({ io, setExit: () => {} }, text, 'out.json');
    assert.deepEqual(readFileSync(join(dir, 'out.json')), Buffer.from(`${text}\n`, 'utf8'));
    // A text that already ends with a newline gets no second one.
    await writeOutput({ io, setExit: () => {} }, 'x\n', 'small.txt');
    assert.equal(readFileSync(join(dir, 'small.txt'), 'utf8'), 'x\n');
    assert.deepEqual(readdirSync(dir).sort(), ['out.json', 'small.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
