// `vigie import` of a document whose reading left part of it out: refused (exit 2, one line naming the
// first error and --accept-errors), the release as it was; with --accept-errors what could be read is
// imported and a warning says so. `sbom inspect` exits 1 on the same document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, vigie } from './run-cli.js';

test('import refuses a document read with left-out content unless --accept-errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-import-left-out-'));
  try {
    const db = ['--db', join(dir, 'v.db')];
    const good = join(dir, 'good.cdx.json');
    writeFileSync(
      good,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        components: ['a', 'b', 'c'].map((name) => ({ type: 'library', name, version: '1.0.0' })),
      }),
    );
    const bad = join(dir, 'bad.cdx.json');
    writeFileSync(
      bad,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        components: [{ type: 'library', name: 'd', version: '2.0.0' }, 'e'],
      }),
    );
    const bomRows = async () => {
      const csv = await vigie(['release', 'export', 'Portal', '1.0', '--format', 'csv', ...db]);
      assert.equal(csv.code, 0, csv.stderr);
      return csv.stdout.trim().split('\n').length - 1;
    };

    assert.equal((await vigie(['import', 'Portal', '1.0', good, '--create', ...db])).code, 0);
    assert.equal(await bomRows(), 3);

    assert.equal((await vigie(['sbom', 'inspect', bad])).code, 1);
    const refused = await vigie(['import', 'Portal', '1.0', bad, ...db]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.equal(
      refused.stderr,
      'vigie: content-left-out: bad.cdx.json: 1 reading error(s) left part of the document out ' +
        '(components[1]: expected an object, found a string; left out); nothing was imported: fix the document, ' +
        'or import what could be read (CLI --accept-errors, API acceptErrors=true)\n',
    );
    assert.ok(!hasStackTrace(refused.stderr));
    assert.equal(await bomRows(), 3, 'the release keeps its components');

    const accepted = await vigie(['import', 'Portal', '1.0', bad, '--accept-errors', ...db]);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /: 1 usages, .*3 previous usages replaced/);
    assert.match(
      accepted.stderr,
      /^warning: 1 reading error\(s\) left part of the document out; imported what could be read/m,
    );
    assert.equal(await bomRows(), 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
