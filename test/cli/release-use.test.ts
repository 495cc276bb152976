// `vigie release use <product> <release>` (issue 10, ADR 17): shows the declaration, changes only
// the facts named (others keep their value, `unset` clears one), stores it through the service
// with a validation run as the API does, and refuses bad values with a clear message, storing nothing;
// and what it declares is what step 5 judges the Llama user threshold against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { hasStackTrace, vigie } from './run-cli.js';

test('release use: show, change some facts, refuse bad values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-release-use-'));
  const dbFile = join(dir, 'v.db');
  const db = ['--db', dbFile];
  const runs = async () => {
    const store = await openStore({ sqlitePath: dbFile });
    try {
      return (await store.listValidationRuns(1)).length;
    } finally {
      await store.close();
    }
  };
  try {
    assert.equal((await vigie(['product', 'create', 'Chat', ...db])).code, 0);
    assert.equal((await vigie(['release', 'create', 'Chat', '1.0', ...db])).code, 0);
    const runsBefore = await runs();

    const first = await vigie(['release', 'use', 'Chat', '1.0', ...db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Chat 1\.0 \(#1\) declared use, nothing declared yet:\n {2}commercial: not declared\n/);
    assert.equal(await runs(), runsBefore, 'showing records no run');

    const set = await vigie([
      'release',
      'use',
      'Chat',
      '1.0',
      '--commercial',
      'yes',
      '--fields-of-use',
      'surveillance,military',
      '--monthly-active-users',
      '900000000',
      '--author',
      'ana',
      '--json',
      ...db,
    ]);
    assert.equal(set.code, 0, set.stderr);
    const body = JSON.parse(set.stdout) as { declaration: Record<string, unknown>; updatedBy: string };
    assert.deepEqual(body.declaration, {
      commercial: true,
      fieldsOfUse: ['military', 'surveillance'],
      monthlyActiveUsers: 900000000,
      outputsTrainOtherModels: null,
      licenseeInEu: null,
    });
    assert.equal(body.updatedBy, 'ana');
    assert.equal(await runs(), runsBefore + 1, 'a change records a validation run');

    // Only the facts named change; unset returns one to "not declared"; none = declared: no sensitive field.
    const more = await vigie([
      'release',
      'use',
      'Chat',
      '1.0',
      '--licensee-in-eu',
      'no',
      '--commercial',
      'unset',
      '--fields-of-use',
      'none',
      ...db,
    ]);
    assert.equal(more.code, 0, more.stderr);
    assert.match(
      more.stdout,
      /commercial: not declared\n {2}fields of use: none\n {2}monthly active users: 900000000\n {2}outputs train other models: not declared\n {2}licensee in the EU: no\n/,
    );
    assert.equal(await runs(), runsBefore + 2);

    for (const [args, message] of [
      [['--commercial', 'maybe'], /--commercial must be yes, no or unset, not "maybe"/],
      [['--monthly-active-users', '-3'], /--monthly-active-users must be a whole number of users/],
      [['--monthly-active-users', '1e9'], /--monthly-active-users must be a whole number of users/],
      [['--fields-of-use', 'military,gambling'], /--fields-of-use: "gambling" not one of military, law-enforcement/],
    ] as const) {
      const bad = await vigie(['release', 'use', 'Chat', '1.0', ...args, '--licensee-in-eu', 'yes', ...db]);
      assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`);
      assert.match(bad.stderr, message);
      assert.ok(!hasStackTrace(bad.stderr));
    }
    const missing = await vigie(['release', 'use', 'Chat', '9.9', '--commercial', 'no', ...db]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /not-found: release 9\.9 of "Chat" not found/);

    // Nothing refused was stored (licensee-in-eu stays no) and no run was recorded for it.
    const after = JSON.parse((await vigie(['release', 'use', 'Chat', '1.0', '--json', ...db])).stdout) as {
      declaration: Record<string, unknown>;
    };
    assert.equal(after.declaration.licenseeInEu, false);
    assert.equal(after.declaration.monthlyActiveUsers, 900000000);
    assert.equal(await runs(), runsBefore + 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const LLAMA_31 = 'LicenseRef-scancode-llama-3.1-license-2024';
/** An app shipping a model fine-tuned from Llama 3.1 (the shape of test/ai/ai-release-api.test.ts, without the ND dataset). */
const MLBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'helpdesk-assistant', version: '2.0.0' } },
  components: [
    {
      type: 'machine-learning-model',
      'bom-ref': 'model',
      name: 'helpdesk-8b',
      version: '1.0',
      purl: 'pkg:huggingface/example/helpdesk-8b@1.0',
      licenses: [{ license: { id: 'Apache-2.0' } }],
      modelCard: {
        modelParameters: { task: 'text-generation' },
        properties: [{ name: 'vigie:ai:lineage', value: 'fine-tuned-from base' }],
      },
    },
    {
      type: 'machine-learning-model',
      'bom-ref': 'base',
      name: 'Llama-3.1-8B',
      version: '3.1',
      purl: 'pkg:huggingface/meta-llama/Llama-3.1-8B@3.1',
      licenses: [{ expression: LLAMA_31 }],
    },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['model'] },
    { ref: 'model', dependsOn: ['base'] },
  ],
});

test('release use changes what step 5 says: the Llama user threshold, judged on the declared monthly active users', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-release-use-'));
  const db = ['--db', join(dir, 'v.db')];
  type Step = { blockers: { kind: string; message: string }[] };
  const step5 = async () => {
    const r = await vigie(['validate', 'Helpdesk', '2.0', '--json', ...db]);
    return (JSON.parse(r.stdout) as { steps: Step[] }).steps[4]!.blockers.filter(
      (b) => b.kind === 'use-restriction-conflict',
    );
  };
  try {
    writeFileSync(join(dir, 'bom.json'), MLBOM);
    const imported = await vigie([
      'import',
      'Helpdesk',
      '2.0',
      join(dir, 'bom.json'),
      '--create',
      '--linking',
      'aggregation',
      ...db,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal((await vigie(['policy', 'set', LLAMA_31, 'Apache-2.0', '--allowed', 'always', ...db])).code, 0);
    assert.equal(
      (await vigie(['exploitation', 'set', 'Helpdesk', '2.0', '--exploitation', 'distribution', ...db])).code,
      0,
    );

    const base = [
      'release',
      'use',
      'Helpdesk',
      '2.0',
      '--commercial',
      'yes',
      '--fields-of-use',
      'none',
      '--outputs-train-other-models',
      'no',
      '--licensee-in-eu',
      'no',
      ...db,
    ];
    assert.equal((await vigie([...base, '--monthly-active-users', '5000'])).code, 0);
    assert.deepEqual(await step5(), [], 'under the threshold: no conflict');
    assert.equal((await vigie([...base, '--monthly-active-users', '900000000'])).code, 0);
    const conflicts = await step5();
    assert.equal(conflicts.length, 1);
    assert.match(conflicts[0]!.message, /900,000,000 monthly active users, above 700,000,000/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
