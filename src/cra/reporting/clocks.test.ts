// Art. 14 clocks on fixed instants (no wall clock): the cases, Reg. 1182/71 legal-latest
// values, month-end clamping, offsets and daylight-saving inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonthsClamped,
  formatUtc,
  parseInstant,
  reportingDeadlines,
  type CaseType,
  type CaseTimes,
} from './index.js';

const at = (iso: string): number => {
  const r = parseInstant(iso);
  if (!r.ok) throw new Error(r.message);
  return r.ms;
};
const table = (type: CaseType, times: CaseTimes) =>
  reportingDeadlines(type, times).map((d) => [
    d.stage,
    d.due === null ? null : formatUtc(d.due),
    d.legalLatest === null ? null : formatUtc(d.legalLatest),
    d.clause,
  ]);

test('vulnerability: 24 h early warning, 72 h notification, final report 14 days after the fix', () => {
  assert.deepEqual(
    table('vulnerability', { awareAt: at('2026-10-31T10:17Z'), fixAvailableAt: at('2026-12-20T08:00Z') }),
    [
      ['early-warning', '2026-11-01T10:17:00Z', '2026-11-01T11:00:00Z', 'CRA Art. 14(2)(a)'],
      ['notification', '2026-11-03T10:17:00Z', '2026-11-03T11:00:00Z', 'CRA Art. 14(2)(b)'],
      // 14 days from 21 Dec end on Sunday 3 Jan 2027: the legal period runs to the end of Monday 4 Jan.
      ['final-report', '2027-01-03T08:00:00Z', '2027-01-05T00:00:00Z', 'CRA Art. 14(2)(c)'],
    ],
  );
});

test('vulnerability without a fix: the final-report clock has not started', () => {
  const final = reportingDeadlines('vulnerability', { awareAt: at('2026-10-31T10:17Z') })[2]!;
  assert.equal(final.due, null);
  assert.equal(final.legalLatest, null);
  assert.match(final.pending!, /corrective or mitigating measure/);
});

test('incident: final report one month after the notification, clamped at the month end', () => {
  assert.deepEqual(table('incident', { awareAt: at('2026-10-30T22:00Z'), notifiedAt: at('2026-10-31T10:17Z') }), [
    ['early-warning', '2026-10-31T22:00:00Z', '2026-10-31T23:00:00Z', 'CRA Art. 14(4)(a)'],
    ['notification', '2026-11-02T22:00:00Z', '2026-11-02T23:00:00Z', 'CRA Art. 14(4)(b)'],
    // 31 Oct + 1 month → 30 Nov (Monday): legally to the end of that day.
    ['final-report', '2026-11-30T10:17:00Z', '2026-12-01T00:00:00Z', 'CRA Art. 14(4)(c)'],
  ]);
  const pending = reportingDeadlines('incident', { awareAt: at('2026-10-30T22:00Z') })[2]!;
  assert.equal(pending.due, null);
  assert.match(pending.pending!, /incident notification/);
});

test('month arithmetic clamps to the last day and keeps the time of day', () => {
  assert.equal(formatUtc(addMonthsClamped(at('2026-10-31T10:17Z'), 1)), '2026-11-30T10:17:00Z');
  assert.equal(formatUtc(addMonthsClamped(at('2027-01-31T00:00Z'), 1)), '2027-02-28T00:00:00Z');
  assert.equal(formatUtc(addMonthsClamped(at('2028-01-31T00:00Z'), 1)), '2028-02-29T00:00:00Z');
  assert.equal(formatUtc(addMonthsClamped(at('2026-12-15T12:00Z'), 1)), '2027-01-15T12:00:00Z');
});

test('a legal month period ending on a weekend runs to the end of the next working day', () => {
  // Notified 26 Nov 2026 → 26 Dec 2026, a Saturday → end of Monday 28 Dec.
  const final = reportingDeadlines('incident', {
    awareAt: at('2026-11-25T09:00Z'),
    notifiedAt: at('2026-11-26T09:00Z'),
  })[2]!;
  assert.equal(formatUtc(final.due!), '2026-12-26T09:00:00Z');
  assert.equal(formatUtc(final.legalLatest!), '2026-12-29T00:00:00Z');
});

test('an hour period starting on the full hour still starts at the next hour', () => {
  const early = reportingDeadlines('incident', { awareAt: at('2026-10-31T10:00Z') })[0]!;
  assert.equal(formatUtc(early.due!), '2026-11-01T10:00:00Z');
  assert.equal(formatUtc(early.legalLatest!), '2026-11-01T11:00:00Z');
});

test('offsets are converted to UTC; across a daylight-saving change the clock counts real hours', () => {
  assert.equal(at('2026-10-31T11:17+01:00'), at('2026-10-31T10:17Z'));
  assert.equal(at('2026-10-31T05:17-0500'), at('2026-10-31T10:17Z'));
  // Aware Saturday 24 Oct 2026 12:00 CEST (+02:00); Europe goes back to CET on Sunday 25 Oct. The
  // early warning is due 24 real hours later: 10:00Z, i.e. 11:00 CET on the wall clock.
  const early = reportingDeadlines('vulnerability', { awareAt: at('2026-10-24T12:00+02:00') })[0]!;
  assert.equal(formatUtc(early.due!), '2026-10-25T10:00:00Z');
  // The repeated hour 02:30 on 25 Oct exists twice in Berlin; each offset names one instant.
  assert.equal(at('2026-10-25T02:30+02:00') + 3_600_000, at('2026-10-25T02:30+01:00'));
});

test('local times, dates alone and impossible dates are refused with a message', () => {
  const refuse = (text: string, pattern: RegExp) => {
    const r = parseInstant(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message, pattern);
  };
  refuse('2026-10-31T10:17', /no time-zone offset/);
  refuse('2026-10-31', /no time-zone offset/);
  refuse('2026-02-30T10:00Z', /not a real date/);
  refuse('2026-10-31T24:00Z', /not a real date/);
  refuse('next tuesday', /not an ISO 8601 date-time/);
  refuse('2026-10-31T10:17+15:00', /impossible offset/);
});
