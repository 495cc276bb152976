// `vigie cra case …` on a throwaway SQLite store: open, update, list, show (no wall-clock assertions:
// only the deadlines, which depend on the recorded instants, and the forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigie, hasStackTrace } from '../cli/run-cli.js';

test('a case from opening to the final report, through the CLI', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'vigie-cra-case-')), 'cases.db');
  assert.equal((await vigie(['product', 'create', 'Meter', '--db', db])).code, 0);
  const opened = await vigie([
    'cra',
    'case',
    'open',
    'Meter',
    '--type',
    'incident',
    '--title',
    'Signing key stolen',
    '--aware-at',
    '2026-10-30T23:00+01:00',
    '--member-states',
    'de,AT',
    '--fact',
    'suspectedMalicious=yes, key exfiltrated',
    '--db',
    db,
    '--json',
  ]);
  assert.equal(opened.code, 0, opened.stderr);
  const id = String(JSON.parse(opened.stdout).id);

  const updated = await vigie([
    'cra',
    'case',
    'update',
    id,
    '--notification-sent-at',
    '2026-10-31T10:17Z',
    '--fact',
    'incidentNature=stolen key=used to sign',
    '--db',
    db,
  ]);
  assert.equal(updated.code, 0, updated.stderr);

  const shown = await vigie(['cra', 'case', 'show', id, '--db', db, '--json']);
  assert.equal(shown.code, 0, shown.stderr);
  const view = JSON.parse(shown.stdout);
  assert.equal(view.case.awareAt, '2026-10-30T22:00:00Z');
  assert.deepEqual(view.case.memberStates, ['AT', 'DE']);
  assert.equal(view.case.facts.incidentNature, 'stolen key=used to sign');
  assert.deepEqual(
    view.deadlines.map((d: { stage: string; due: string; legalLatest: string; clause: string }) => [
      d.stage,
      d.due,
      d.legalLatest,
      d.clause,
    ]),
    [
      ['early-warning', '2026-10-31T22:00:00Z', '2026-10-31T23:00:00Z', 'CRA Art. 14(4)(a)'],
      ['notification', '2026-11-02T22:00:00Z', '2026-11-02T23:00:00Z', 'CRA Art. 14(4)(b)'],
      ['final-report', '2026-11-30T10:17:00Z', '2026-12-01T00:00:00Z', 'CRA Art. 14(4)(c)'],
    ],
  );
  assert.equal(view.deadlines[1].state, 'submitted');
  const early = view.forms.find((f: { stage: string }) => f.stage === 'early-warning');
  assert.deepEqual(early.missing, []);
  assert.match(early.text, /Member States where the product is made available \[CRA Art\. 14\(4\)\(a\)\]:\nAT, DE/);
  const userNotice = view.forms.find((f: { stage: string }) => f.stage === 'user-notice');
  assert.deepEqual(userNotice.missing, [
    'The severe incident',
    'Risk mitigation and corrective measures users can deploy',
  ]);

  const text = await vigie(['cra', 'case', 'show', id, '--stage', 'final-report', '--db', db]);
  assert.match(text.stdout, /Final report — severe incident — case #\d+ \(Meter\)/);
  assert.match(
    text.stdout,
    /Missing before submission: Detailed description of the incident, including its severity and impact; Type of threat or root cause/,
  );
  assert.doesNotMatch(text.stdout, /Early warning —/);

  const list = await vigie(['cra', 'case', 'list', '--product', 'Meter', '--db', db]);
  assert.match(
    list.stdout,
    new RegExp(`^#${id} +open +incident +2026-10-30T22:00:00Z +Meter: Signing key stolen$`, 'm'),
  );
  const closed = await vigie(['cra', 'case', 'update', id, '--close', '--db', db, '--json']);
  assert.equal(JSON.parse(closed.stdout).status, 'closed');
});

test('case commands refuse bad input with one line and exit 2', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'vigie-cra-case-')), 'cases.db');
  await vigie(['product', 'create', 'Meter', '--db', db]);
  const cases: Array<[string[], RegExp]> = [
    [
      ['open', 'Meter', '--type', 'incident', '--title', 'x', '--aware-at', '2026-10-30T23:00'],
      /awareAt: .*no time-zone offset/,
    ],
    [
      ['open', 'Nope', '--type', 'incident', '--title', 'x', '--aware-at', '2026-10-30T23:00Z'],
      /not-found: product "Nope" not found/,
    ],
    [
      ['open', 'Meter', '--type', 'incident', '--title', 'x', '--aware-at', '2026-10-30T23:00Z', '--fact', 'novalue'],
      /--fact: "novalue" is not key=value/,
    ],
    [['show', '42'], /not-found: reporting case #42 not found/],
    [['show', 'abc'], /case id must be a number/],
    [['update', '1', '--close', '--reopen'], /exclude each other/],
  ];
  for (const [args, message] of cases) {
    const r = await vigie(['cra', 'case', ...args, '--db', db]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.ok(!hasStackTrace(r.stderr));
  }
});
