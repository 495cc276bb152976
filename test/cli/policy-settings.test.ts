// `vigie policy settings`: shows the recorded settings, changes one only with an author, refuses
// values it does not know with one line and exit 2 (issue 8 item 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, vigie } from './run-cli.js';

test('vigie policy settings: show, change with --author, refuse bad values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
  const db = join(dir, 'vigie.db');
  try {
    const shown = await vigie(['policy', 'settings', '--db', db]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout, 'acceptNormaliser: off (default)\n');
    const noAuthor = await vigie(['policy', 'settings', '--accept-normaliser', 'high', '--db', db]);
    assert.equal(noAuthor.code, 2);
    assert.match(noAuthor.stderr, /--author is required/);
    const bad = await vigie([
      'policy',
      'settings',
      '--accept-normaliser',
      'medium',
      '--author',
      'legal@acme',
      '--db',
      db,
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--accept-normaliser must be one of off, exact, high, not "medium"/);
    assert.ok(!hasStackTrace(bad.stderr));
    const set = await vigie([
      'policy',
      'settings',
      '--accept-normaliser',
      'exact',
      '--author',
      'legal@acme',
      '--json',
      '--db',
      db,
    ]);
    assert.equal(set.code, 0, set.stderr);
    const settings = JSON.parse(set.stdout);
    assert.equal(settings.acceptNormaliser, 'exact');
    assert.equal(settings.updatedBy, 'legal@acme');
    assert.match(
      (await vigie(['policy', 'settings', '--db', db])).stdout,
      /^acceptNormaliser: exact \(set by legal@acme at \d{4}-/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
