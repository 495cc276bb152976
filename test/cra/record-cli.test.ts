// `vigie cra record|annex` and `vigie evidence` on a throwaway SQLite store: a product from an empty
// record to a filled one, bad input named without a stack trace, the log verified and broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { vigie, hasStackTrace } from '../cli/run-cli.js';

test('a CRA record through the CLI, with the evidence log verified and then tampered with', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cra-record-'));
  const db = join(dir, 'cra.db');
  assert.equal((await vigie(['product', 'create', 'Vault', '--db', db])).code, 0);

  const set = await vigie([
    'cra',
    'record',
    'set',
    'Vault',
    '--db',
    db,
    '--by',
    'alice',
    '--answer',
    'marketsUnderOwnName=yes',
    '--answer',
    'openSource=no',
    '--category',
    'password-manager',
    '--route',
    'module-b-c',
    '--support-start',
    '2028-01-15',
    '--support-end',
    '2033-01',
    '--support-factor',
    'expectedUseTime=five years and more',
    '--contact',
    'mailto:security@vault.example',
    '--policy-url',
    'https://vault.example/cvd',
    '--info',
    'manufacturerName=Vault & Co <GmbH>',
  ]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /readiness 6\/10/);

  const annex = await vigie([
    'cra',
    'annex',
    'set',
    'Vault',
    'II.5',
    '--status',
    'met',
    '--evidence',
    'https://vault.example/cvd',
    '--db',
    db,
    '--by',
    'alice',
  ]);
  assert.equal(annex.code, 0, annex.stderr);
  assert.match(annex.stdout, /II\.5 met; Annex I 1\/21 settled/);

  const shown = await vigie(['cra', 'record', 'show', 'Vault', '--db', db, '--json']);
  assert.equal(shown.code, 0, shown.stderr);
  const view = JSON.parse(shown.stdout);
  assert.equal(view.assessment.classification.class, 'important-class-i');
  assert.equal(view.record.information.manufacturerName, 'Vault & Co <GmbH>');
  assert.deepEqual(
    view.assessment.routes.filter((r: { allowed: boolean }) => r.allowed).map((r: { route: string }) => r.route),
    ['module-b-c', 'module-h', 'eu-certification'],
  );
  const text = await vigie(['cra', 'record', 'show', 'Vault', '--db', db]);
  assert.match(text.stdout, /\[x\] Conformity assessment route chosen and allowed \(CRA Art\. 32\)/);
  assert.match(text.stdout, /II\.5 {2}met +A coordinated vulnerability disclosure policy/);

  for (const [args, message] of [
    [
      ['cra', 'record', 'set', 'Vault', '--contact', 'security@vault.example'],
      /cvd\.contacts\.0: "security@vault\.example" is an e-mail address: write it as mailto:/,
    ],
    [['cra', 'record', 'set', 'Vault', '--answer', 'openSource=maybe'], /--answer openSource: answer yes or no/],
    [['cra', 'record', 'set', 'Vault'], /nothing to change/],
    [
      ['cra', 'annex', 'set', 'Vault', 'I.g', '--status', 'not-applicable'],
      /I\.g \(CRA Annex I Part I \(2\)\(g\)\): a not-applicable requirement needs a written reason/,
    ],
    [['cra', 'record', 'show', 'Nope'], /product "Nope" not found/],
    [
      ['cra', 'annex', 'set', 'Vault', 'I.a', '--status', 'met', '--evidence', 'https://vault.example/x'],
      /I\.a \(CRA Annex I Part I \(2\)\(a\)\) is computed per release \(from the vulnerability findings and their VEX analyses\) and cannot be set by hand/,
    ],
    [
      ['cra', 'record', 'set', 'Vault', '--exploitable-threshold', 'severe'],
      /exploitableThreshold: must be one of low, medium, high, critical/,
    ],
  ] as const) {
    const r = await vigie([...args, '--db', db]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
    assert.equal(hasStackTrace(r.stderr), false);
  }

  const verified = await vigie(['evidence', 'verify', '--db', db]);
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /evidence log holds: 2 entries/);
  const out = join(dir, 'extract.json');
  assert.equal((await vigie(['evidence', 'export', '--product', 'Vault', '--out', out, '--db', db])).code, 0);
  const extract = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(
    extract.entries.map((e: { kind: string }) => e.kind),
    ['cra-record.updated', 'annex-i.set'],
  );
  assert.equal(extract.verdict.ok, true);

  const raw = new Database(db);
  raw.prepare(`UPDATE evidence_log SET payload = replace(payload, 'example/cvd', 'example/other') WHERE seq = 2`).run();
  raw.close();
  const broken = await vigie(['evidence', 'verify', '--db', db, '--json']);
  assert.equal(broken.code, 1);
  assert.equal(JSON.parse(broken.stdout).broken.seq, 2);
});

test('vigie cra categories lists Annex III and IV', async () => {
  const r = await vigie(['cra', 'categories', '--json']);
  assert.equal(r.code, 0);
  const list = JSON.parse(r.stdout);
  assert.equal(list.length, 26);
  assert.equal(list.find((c: { id: string }) => c.id === 'smart-meter-gateway').class, 'critical');
});

test('vigie cra docs: the same record gives the same zip twice, hashes match the files, missing inputs exit 1; the security.txt passes the check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cra-docs-'));
  const db = join(dir, 'cra.db');
  assert.equal((await vigie(['product', 'create', 'Vault', '--db', db])).code, 0);
  assert.equal((await vigie(['release', 'create', 'Vault', '2.1.0', '--db', db])).code, 0);
  const imported = await vigie([
    'import',
    'Vault',
    '2.1.0',
    'test/fixtures/sbom-quality/cisa-signed.cdx.json',
    '--db',
    db,
  ]);
  assert.equal(imported.code, 0, imported.stderr);
  // Annex I Part II (1) computed from the quality result the import stored; I.a: no database loaded, so no verdict.
  const annex = await vigie(['cra', 'annex', 'list', 'Vault', '--release', '2.1.0', '--db', db]);
  assert.equal(annex.code, 0, annex.stderr);
  assert.match(annex.stdout, /I\.a and II\.1 computed for release 2\.1\.0/);
  assert.match(
    annex.stdout,
    /II\.1 +met +CRA Annex I Part II \(1\): .* \(computed\)\n +the SBOM of release 2\.1\.0 passes every required check of the cra-annex-i profile \(import #1 \(cisa-signed\.cdx\.json\)\)/,
  );
  assert.match(
    annex.stdout,
    /I\.a +not-evaluated +.*\(computed\)\n +release 2\.1\.0 was scanned against an empty vulnerability database/,
  );
  const unknownRelease = await vigie(['cra', 'annex', 'list', 'Vault', '--release', '9.9', '--db', db]);
  assert.equal(unknownRelease.code, 2);
  assert.match(unknownRelease.stderr, /release "9\.9" of product "Vault" not found/);
  assert.equal(
    (
      await vigie([
        'cra',
        'record',
        'set',
        'Vault',
        '--db',
        db,
        '--answer',
        'marketsUnderOwnName=yes',
        '--contact',
        'mailto:security@vault.example',
        '--policy-url',
        'https://vault.example/cvd',
        '--languages',
        'en,fr',
      ])
    ).code,
    0,
  );

  const first = await vigie([
    'cra',
    'docs',
    'Vault',
    '2.1.0',
    '--out',
    join(dir, 'out'),
    '--zip',
    join(dir, 'a.zip'),
    '--date',
    '2026-12-04',
    '--db',
    db,
    '--json',
  ]);
  assert.equal(first.code, 1, first.stderr);
  const { manifest, manifestSha256 } = JSON.parse(first.stdout);
  assert.ok(manifest.missing['annex-ii-user-information.md'].includes('information.manufacturerAddress'));
  for (const f of manifest.files) {
    const bytes = readFileSync(join(dir, 'out', f.path));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256, f.path);
  }
  assert.ok(manifest.files.some((f: { path: string }) => f.path === 'sbom/Vault-2.1.0.cdx.json'));
  const sbom = JSON.parse(readFileSync(join(dir, 'out', 'sbom', 'Vault-2.1.0.cdx.json'), 'utf8'));
  assert.equal(sbom.metadata.timestamp, '2026-12-04T00:00:00Z');
  const second = await vigie([
    'cra',
    'docs',
    'Vault',
    '2.1.0',
    '--zip',
    join(dir, 'b.zip'),
    '--date',
    '2026-12-04',
    '--db',
    db,
  ]);
  assert.equal(second.code, 1);
  assert.match(second.stdout, new RegExp(`manifest sha256 ${manifestSha256}`));
  assert.deepEqual(readFileSync(join(dir, 'a.zip')), readFileSync(join(dir, 'b.zip')));

  const txt = await vigie(['cra', 'security-txt', 'check', join(dir, 'out', 'security.txt'), '--json']);
  // The generated file expires a year after 2026-12-04: valid until then (no wall-clock assertion beyond that).
  const verdict = JSON.parse(txt.stdout);
  assert.deepEqual(verdict.fields.contact, ['mailto:security@vault.example']);
  assert.deepEqual(verdict.fields.policy, ['https://vault.example/cvd']);
  assert.equal(verdict.problems.filter((p: { message: string }) => !/in the past/.test(p.message)).length, 0);

  const log = JSON.parse((await vigie(['evidence', 'list', '--product', 'Vault', '--db', db, '--json'])).stdout);
  assert.deepEqual(
    log.map((e: { kind: string }) => e.kind),
    ['cra-record.updated', 'documents.generated', 'documents.generated'],
  );
  assert.equal(log[1].payload.manifestSha256, manifestSha256);

  const bad = await vigie(['cra', 'docs', 'Vault', '9.9.9', '--zip', join(dir, 'c.zip'), '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /release "9\.9\.9" of product "Vault" not found/);
  const noOut = await vigie(['cra', 'docs', 'Vault', '--db', db]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /give --out <dir> and\/or --zip <file>/);
});
