// The Art. 14(8) user notification as a CSAF 2.0 security advisory: generated from a stored case and
// CRA record, it passes the CSAF 2.0 strict schema and every mandatory test of the BSI validator
// (6.1.1-6.1.33, including the security-advisory profile tests 6.1.27.4-6.1.27.6); missing inputs
// are named; the file name follows CSAF §5.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csafErrors } from '../support/csaf-oracle.js';
import { csafFileName } from '../../src/cra/documents/index.js';
import { vigie, hasStackTrace } from '../cli/run-cli.js';

test('a case becomes a valid CSAF security advisory; without the publisher it is refused with what is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-csaf-'));
  const db = join(dir, 'csaf.db');
  assert.equal((await vigie(['product', 'create', 'Gateway', '--db', db])).code, 0);
  const opened = await vigie([
    'cra',
    'case',
    'open',
    'Gateway',
    '--type',
    'vulnerability',
    '--title',
    'RCE in the update agent',
    '--vulnerability',
    'CVE-2026-12345',
    '--aware-at',
    '2026-10-31T10:17Z',
    '--fact',
    'affectedVersions=2.0.0 to 2.3.1',
    '--fact',
    'exploitNature=Unauthenticated RCE via a crafted update manifest',
    '--fact',
    'userMeasures=Install 2.3.2',
    '--fact',
    'securityUpdate=2.3.2',
    '--db',
    db,
    '--json',
  ]);
  assert.equal(opened.code, 0, opened.stderr);
  const id = String(JSON.parse(opened.stdout).id);

  const refused = await vigie(['cra', 'case', 'advisory', id, '--db', db]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /lacks: information\.manufacturerName, information\.manufacturerWebsite/);
  assert.equal(hasStackTrace(refused.stderr), false);

  assert.equal(
    (
      await vigie([
        'cra',
        'record',
        'set',
        'Gateway',
        '--info',
        'manufacturerName=Gateway Makers <SA>',
        '--info',
        'manufacturerWebsite=https://gateway.example',
        '--policy-url',
        'https://gateway.example/cvd',
        '--db',
        db,
      ])
    ).code,
    0,
  );
  const out = join(dir, 'advisory.json');
  const made = await vigie(['cra', 'case', 'advisory', id, '--out', out, '--db', db]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, new RegExp(`CSAF file name: gateway-cra-case-${id}\\.json`));
  const doc = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(await csafErrors(doc), []);
  assert.equal(doc.document.category, 'csaf_security_advisory');
  assert.equal(doc.document.tracking.status, 'interim');
  assert.equal(doc.document.publisher.name, 'Gateway Makers <SA>');
  assert.equal(doc.vulnerabilities[0].cve, 'CVE-2026-12345');
  assert.deepEqual(doc.vulnerabilities[0].product_status, {
    known_affected: ['CSAFPID-0001'],
    fixed: ['CSAFPID-0002'],
  });
  assert.equal(doc.vulnerabilities[0].remediations[0].category, 'vendor_fix');

  assert.equal((await vigie(['cra', 'case', 'update', id, '--close', '--db', db])).code, 0);
  const closed = await vigie(['cra', 'case', 'advisory', id, '--db', db]);
  const final = JSON.parse(closed.stdout);
  assert.equal(final.document.tracking.status, 'final');
  assert.deepEqual(await csafErrors(final), []);
});

test('CSAF §5.1 file names', () => {
  assert.equal(csafFileName('Example-Company_SA-2026:0001'), 'example-company_sa-2026_0001.json');
  assert.equal(csafFileName('RHBA-2019:0024'), 'rhba-2019_0024.json');
});
