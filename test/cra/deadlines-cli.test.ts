// `vigie cra deadlines`: the documented JSON shape, text output and usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vigie, hasStackTrace } from '../cli/run-cli.js';

test('--json prints exactly { deadlines: [ { stage, due, legalLatest, clause } ] } in UTC', async () => {
  const r = await vigie([
    'cra',
    'deadlines',
    '--type',
    'vulnerability',
    '--aware-at',
    '2026-10-31T11:17+01:00',
    '--fix-available-at',
    '2026-12-20T08:00Z',
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    deadlines: [
      {
        stage: 'early-warning',
        due: '2026-11-01T10:17:00Z',
        legalLatest: '2026-11-01T11:00:00Z',
        clause: 'CRA Art. 14(2)(a)',
      },
      {
        stage: 'notification',
        due: '2026-11-03T10:17:00Z',
        legalLatest: '2026-11-03T11:00:00Z',
        clause: 'CRA Art. 14(2)(b)',
      },
      {
        stage: 'final-report',
        due: '2027-01-03T08:00:00Z',
        legalLatest: '2027-01-05T00:00:00Z',
        clause: 'CRA Art. 14(2)(c)',
      },
    ],
  });
});

test('incident text output: final report from the notification, pending without it', async () => {
  const r = await vigie([
    'cra',
    'deadlines',
    '--type',
    'incident',
    '--aware-at',
    '2026-10-31T08:00Z',
    '--notified-at',
    '2026-10-31T10:17Z',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^final-report +due 2026-11-30T10:17:00Z {2}legal latest 2026-12-01T00:00:00Z {2}\(CRA Art\. 14\(4\)\(c\)\)$/m,
  );
  const pending = await vigie(['cra', 'deadlines', '--type', 'incident', '--aware-at', '2026-10-31T08:00Z', '--json']);
  const final = JSON.parse(pending.stdout).deadlines[2];
  assert.deepEqual(final, { stage: 'final-report', due: null, legalLatest: null, clause: 'CRA Art. 14(4)(c)' });
});

test('bad input is a usage error (exit 2) with one clear line', async () => {
  const cases: Array<[string[], RegExp]> = [
    [
      ['--type', 'incident', '--aware-at', '2026-10-31T10:17'],
      /--aware-at: "2026-10-31T10:17" has no time-zone offset/,
    ],
    [['--type', 'outage', '--aware-at', '2026-10-31T10:17Z'], /--type: "outage" is neither/],
    [
      ['--type', 'incident', '--aware-at', '2026-10-31T10:17Z', '--fix-available-at', '2026-11-01T00:00Z'],
      /--fix-available-at applies to --type vulnerability only/,
    ],
    [
      ['--type', 'vulnerability', '--aware-at', '2026-10-31T10:17Z', '--notified-at', '2026-11-01T00:00Z'],
      /--notified-at applies to --type incident only/,
    ],
    [
      ['--type', 'incident', '--aware-at', '2026-10-31T10:17Z', '--notified-at', '2026-10-30T00:00Z'],
      /cannot precede awareness/,
    ],
    [['--type', 'incident'], /--aware-at/],
  ];
  for (const [args, message] of cases) {
    const r = await vigie(['cra', 'deadlines', ...args, '--json']);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
    assert.ok(!hasStackTrace(r.stderr));
  }
});
