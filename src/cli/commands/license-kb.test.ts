import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../main.js';
import { memoryIo } from '../io.js';
import { corpus, needsCorpora } from '../../../test/support/corpora.js';

const HERMINE = corpus('hermine-community-data');

async function vigie(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('license show prints facts, policy and obligations; --json is one document', async () => {
  const text = await vigie('license', 'show', 'apache-2.0');
  assert.equal(text.code, 0);
  assert.match(text.out, /^Apache-2.0: Apache License 2.0/);
  assert.match(text.out, /policy: not-reviewed/);
  const json = await vigie('license', 'show', 'GPL-3.0-only', '--json');
  const doc = JSON.parse(json.out);
  assert.equal(doc.license.copyleft, 'strong');
  assert.equal(doc.license.antiTivoisation, true);
  assert.equal(doc.policy.allowed, 'not-reviewed');
  assert.ok(doc.obligations.length > 3);
  assert.equal(doc.text.inKnowledgeBase, false);
});

test('license show with Hermine data: texts carried by Hermine are reported as available', needsCorpora, async () => {
  const { code, out } = await vigie('license', 'show', 'CC-BY-4.0', '--kb', HERMINE, '--json');
  assert.equal(code, 0);
  assert.equal(JSON.parse(out).text.inKnowledgeBase, true);
});

test(
  'license obligations: AGPL over a network, modified, with Hermine data, names the network source action',
  needsCorpora,
  async () => {
    const { code, out } = await vigie(
      'license',
      'obligations',
      'AGPL-3.0-only',
      '--exploitation',
      'network',
      '--modification',
      'modified',
      '--kb',
      join(HERMINE, 'shared.json'),
      '--json',
    );
    assert.equal(code, 0);
    const doc = JSON.parse(out);
    assert.equal(doc.choiceNeeded, false);
    assert.ok(doc.choices[0].obligations.some((o: { exploitation: string }) => o.exploitation === 'network'));
  },
);

test(
  'license obligations lists one set per OR choice, and MIT under internal use triggers nothing',
  needsCorpora,
  async () => {
    const or = JSON.parse(
      (
        await vigie(
          'license',
          'obligations',
          'MIT OR Apache-2.0',
          '--exploitation',
          'distribution',
          '--modification',
          'modified',
          '--json',
        )
      ).out,
    );
    assert.equal(or.choiceNeeded, true);
    assert.deepEqual(
      or.choices.map((c: { licenses: string[] }) => c.licenses),
      [['MIT'], ['Apache-2.0']],
    );
    const internal = JSON.parse(
      (
        await vigie(
          'license',
          'obligations',
          'MIT',
          '--exploitation',
          'internal',
          '--modification',
          'unmodified',
          '--json',
          '--kb',
          HERMINE,
        )
      ).out,
    );
    assert.deepEqual(internal.choices[0].obligations, []);
  },
);

test('bad input: one line on stderr, exit 2, no stack trace', needsCorpora, async () => {
  const cases: [string[], RegExp][] = [
    [
      ['license', 'obligations', 'MIT AND (', '--exploitation', 'network', '--modification', 'modified'],
      /invalid licence expression: .* at position 9/,
    ],
    [
      ['license', 'obligations', 'MIT', '--exploitation', 'saas', '--modification', 'modified'],
      /argument 'saas' is invalid/,
    ],
    [['license', 'obligations', 'MIT', '--exploitation', 'network'], /--modification/],
    [['license', 'show', 'No-Such-Licence'], /unknown licence 'No-Such-Licence'/],
    [['kb', 'import', '/no/such/dir'], /\/no\/such\/dir does not exist/],
    [['kb', 'import', corpus('licenses/osadl')], /holds no Hermine data/],
    [['license', 'show', 'MIT', '--kb', corpus('README.md')], /is not valid JSON/],
  ];
  for (const [argv, message] of cases) {
    const { code, err } = await vigie(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.match(err, message);
    assert.doesNotMatch(err, /\n\s+at /);
  }
  const unknown = await vigie(
    'license',
    'obligations',
    'MIT AND Beerware',
    '--exploitation',
    'distribution',
    '--modification',
    'modified',
  );
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /'Beerware' is not in the built-in knowledge base/);
});

test('kb import stores Hermine data; kb export writes both Hermine layouts, re-importable', needsCorpora, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-kb-'));
  try {
    const stored = join(dir, 'kb.json');
    const imported = await vigie('kb', 'import', HERMINE, '-o', stored, '--json');
    assert.equal(imported.code, 0);
    assert.deepEqual(JSON.parse(imported.out).counts, {
      licenses: 52,
      obligations: 302,
      complianceActions: 32,
      policies: 0,
      danglingActionReferences: 40,
    });
    const perFile = await vigie('kb', 'export', '--format', 'hermine', '-o', join(dir, 'out'), '--kb', stored);
    assert.equal(perFile.code, 0);
    assert.equal(readdirSync(join(dir, 'out', 'licenses')).length, 52);
    const again = JSON.parse(
      (await vigie('kb', 'import', join(dir, 'out'), '-o', join(dir, 'again.json'), '--json')).out,
    );
    assert.equal(again.counts.obligations, 302);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')).kb,
      JSON.parse(readFileSync(stored, 'utf8')).kb,
    );
    const bundle = await vigie('kb', 'export', '-o', join(dir, 'ours.json'), '--bundle', '--json');
    assert.equal(bundle.code, 0);
    const shared = JSON.parse(readFileSync(join(dir, 'ours.json'), 'utf8'));
    assert.equal(
      shared.objects.filter((o: { model: string }) => o.model === 'cube.license').length,
      JSON.parse(bundle.out).licenses,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kb import stores the knowledge base in the database, with its history; kb export --db reads it back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-kb-store-'));
  try {
    const db = join(dir, 'vigie.db');
    // Hermine data written by us from the built-in knowledge base, with one licence changed.
    assert.equal((await vigie('kb', 'export', '-o', join(dir, 'shared.json'), '--bundle')).code, 0);
    const shared = JSON.parse(readFileSync(join(dir, 'shared.json'), 'utf8')) as {
      objects: { model: string; fields: Record<string, unknown> }[];
    };
    const mit = shared.objects.find((o) => o.model === 'cube.license' && o.fields.spdx_id === 'MIT')!;
    mit.fields.long_name = 'MIT Licence (as our lawyers name it)';
    writeFileSync(join(dir, 'shared.json'), JSON.stringify(shared));

    assert.match((await vigie('kb', 'history', '--db', db)).out, /never imported/);
    const imported = await vigie('kb', 'import', join(dir, 'shared.json'), '--db', db, '--author', 'ada', '--json');
    assert.equal(imported.code, 0, imported.err);
    const outcome = JSON.parse(imported.out) as { mode: string; licenses: number; applied: number };
    assert.equal(outcome.mode, 'replace');
    assert.ok(outcome.applied >= 1, 'the renamed licence is a difference taken');

    const history = JSON.parse((await vigie('kb', 'history', '--db', db, '--json')).out) as {
      source: string;
      author: string;
      mode: string;
      licenses: number;
    }[];
    assert.equal(history.length, 1);
    assert.equal(history[0].author, 'ada');
    assert.equal(history[0].source, join(dir, 'shared.json'));
    assert.equal(history[0].licenses, outcome.licenses);

    // What the store now holds is what an export of the database gives.
    assert.equal((await vigie('kb', 'export', '--db', db, '-o', join(dir, 'back.json'), '--bundle')).code, 0);
    const back = JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8')) as typeof shared;
    assert.equal(
      back.objects.find((o) => o.model === 'cube.license' && o.fields.spdx_id === 'MIT')!.fields.long_name,
      'MIT Licence (as our lawyers name it)',
    );

    // A merge is recorded too; --db and --kb together are refused.
    assert.equal((await vigie('kb', 'import', join(dir, 'back.json'), '--db', db, '--mode', 'merge')).code, 0);
    assert.deepEqual(
      (JSON.parse((await vigie('kb', 'history', '--db', db, '--json')).out) as { mode: string }[]).map((h) => h.mode),
      ['merge', 'replace'],
    );
    assert.match((await vigie('kb', 'export', '--db', db, '--kb', 'x', '-o', join(dir, 'x'))).err, /give one/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
