// Art. 14 reporting deadlines (Reg. (EU) 2024/2847, applicable since 2026-09-11, Art. 71(2)).
// `due` is the conservative deadline the tool alerts on: exact hours after the triggering instant,
// calendar days, or the same day-number one month later (clamped to the month's last day). The
// `legalLatest` value applies Reg. (EEC, Euratom) No 1182/71 Art. 3 and is shown as secondary only:
// the period starts at the next full hour (hour periods) or the next day (day and month periods)
// and ends with the expiry of its last hour; a day or month period ending on a Saturday or Sunday
// runs to the end of the next working day. Public holidays are not modelled, and the calculation is
// done in UTC [V]: check both points before relying on the legal-latest value.

import type { ReportingCaseType } from '../../model/index.js';

export type CaseType = ReportingCaseType;

export type Stage = 'early-warning' | 'notification' | 'final-report';

export interface CaseTimes {
  /** When the manufacturer became aware (epoch ms, UTC). */
  awareAt: number;
  /** When a corrective or mitigating measure became available (vulnerabilities). */
  fixAvailableAt?: number;
  /** When the incident notification was submitted (incidents). */
  notifiedAt?: number;
}

export interface Deadline {
  stage: Stage;
  /** Conservative deadline (epoch ms), or null while its clock has not started. */
  due: number | null;
  /** Latest instant under Reg. 1182/71 (epoch ms), or null while pending. */
  legalLatest: number | null;
  clause: string;
  /** Why the clock has not started, when `due` is null. */
  pending?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Adds calendar months in UTC, keeping the time of day and clamping 31 Oct + 1 → 30 Nov. */
export function addMonthsClamped(ms: number, months: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Reg. 1182/71 Art. 3(1), 3(2)(a): an hour period starts at the next full hour. */
export function legalLatestHours(eventMs: number, hours: number): number {
  return Math.floor(eventMs / HOUR) * HOUR + HOUR + hours * HOUR;
}

/** Art. 3(4): a period in days or months ending on a Saturday or Sunday runs to the next working day. */
function pastWeekend(endOfLastDay: number): number {
  let end = endOfLastDay;
  // `end` is midnight after the last day; that day is the one before it.
  for (;;) {
    const weekday = new Date(end - 1).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return end;
    end += DAY;
  }
}

/** Art. 3(1), 3(2)(b): the day of the event is not counted; the period ends with its last day. */
export function legalLatestDays(eventMs: number, days: number): number {
  return pastWeekend(startOfUtcDay(eventMs) + DAY + days * DAY);
}

/** Art. 3(2)(c): ends with the day of the last month bearing the event's date (or the month's last day). */
export function legalLatestMonths(eventMs: number, months: number): number {
  return pastWeekend(startOfUtcDay(addMonthsClamped(startOfUtcDay(eventMs), months)) + DAY);
}

const CLAUSES: Record<CaseType, Record<Stage, string>> = {
  vulnerability: {
    'early-warning': 'CRA Art. 14(2)(a)',
    notification: 'CRA Art. 14(2)(b)',
    'final-report': 'CRA Art. 14(2)(c)',
  },
  incident: {
    'early-warning': 'CRA Art. 14(4)(a)',
    notification: 'CRA Art. 14(4)(b)',
    'final-report': 'CRA Art. 14(4)(c)',
  },
};

export function clauseOf(type: CaseType, stage: Stage): string {
  return CLAUSES[type][stage];
}

/** The three deadlines of a case, conservative first, with the legal-latest value beside each. */
export function reportingDeadlines(type: CaseType, times: CaseTimes): Deadline[] {
  const clause = CLAUSES[type];
  const out: Deadline[] = [
    {
      stage: 'early-warning',
      due: times.awareAt + 24 * HOUR,
      legalLatest: legalLatestHours(times.awareAt, 24),
      clause: clause['early-warning'],
    },
    {
      stage: 'notification',
      due: times.awareAt + 72 * HOUR,
      legalLatest: legalLatestHours(times.awareAt, 72),
      clause: clause.notification,
    },
  ];
  if (type === 'vulnerability') {
    const fix = times.fixAvailableAt;
    out.push(
      fix === undefined
        ? {
            stage: 'final-report',
            due: null,
            legalLatest: null,
            clause: clause['final-report'],
            pending: 'starts when a corrective or mitigating measure is available',
          }
        : {
            stage: 'final-report',
            due: fix + 14 * DAY,
            legalLatest: legalLatestDays(fix, 14),
            clause: clause['final-report'],
          },
    );
  } else {
    const notified = times.notifiedAt;
    out.push(
      notified === undefined
        ? {
            stage: 'final-report',
            due: null,
            legalLatest: null,
            clause: clause['final-report'],
            pending: 'starts when the incident notification is submitted',
          }
        : {
            stage: 'final-report',
            due: addMonthsClamped(notified, 1),
            legalLatest: legalLatestMonths(notified, 1),
            clause: clause['final-report'],
          },
    );
  }
  return out;
}
