// `vigie … --json | head -1`: the reader closes the pipe early; the CLI stops quietly, without an
// EPIPE stack trace on stderr, and with the exit code it has without the pipe (issue 8 item 20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO_ROOT } from '../support/corpora.js';
import { vigie } from './run-cli.js';

/** A CycloneDX BOM with enough components that each report is far larger than a pipe buffer. */
function bigBom(): string {
  const components = Array.from({ length: 1500 }, (_, i) => ({
    type: 'library',
    'bom-ref': `pkg:npm/pipe-test-${i}@1.0.0`,
    name: `pipe-test-${i}`,
    version: '1.0.0',
    purl: `pkg:npm/pipe-test-${i}@1.0.0`,
    licenses: [{ license: { id: i % 2 ? 'MIT' : 'Apache-2.0' } }],
  }));
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components });
}

test('commands piped into head -1 end without an EPIPE trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pipe-'));
  try {
    const db = join(dir, 'vigie.db');
    writeFileSync(join(dir, 'bom.json'), bigBom());
    for (const args of [
      ['product', 'create', 'Pipe'],
      ['release', 'create', 'Pipe', '1.0'],
      ['import', 'Pipe', '1.0', join(dir, 'bom.json')],
    ]) {
      const r = await vigie([...args, '--db', db], dir);
      assert.equal(r.code, 0, r.stderr);
    }
    const bin = join(REPO_ROOT, 'bin', 'vigie.js');
    for (const command of ['obligations Pipe 1.0 --json', 'notice Pipe 1.0 --json', 'validate Pipe 1.0 --json']) {
      const expected = (await vigie([...command.split(' '), '--db', db], dir)).code;
      const r = spawnSync(
        'bash',
        ['-c', `"${process.execPath}" "${bin}" ${command} --db "${db}" | head -1; exit \${PIPESTATUS[0]}`],
        {
          encoding: 'utf8',
          env: { ...process.env, VIGIE_FROM_SOURCE: '1' },
        },
      );
      assert.equal(r.stdout.trim().length > 0, true, `${command}: printed its first line`);
      assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|\n\s+at /, `${command}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${command}: nothing on stderr`);
      assert.equal(r.status, expected, `${command}: its own exit code, as without the pipe`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
