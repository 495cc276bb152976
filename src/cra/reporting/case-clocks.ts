// The deadlines of a stored case with where each stands at a given instant (passed in: pure).
import type { ReportingCase } from '../../model/index.js';
import { reportingDeadlines, type Deadline, type Stage } from './clocks.js';
import { parseInstant } from './instant.js';

export type DeadlineState = 'submitted' | 'pending' | 'open' | 'due-soon' | 'overdue';

export interface CaseDeadline extends Deadline {
  state: DeadlineState;
  submittedAt: string | null;
  /** Milliseconds left until `due` at `now` (negative when overdue); null while pending. */
  msLeft: number | null;
}

/** A deadline less than this far away is shown red (issue 12, item 4). */
export const DUE_SOON_MS = 6 * 3_600_000;

function instant(iso: string | null): number | undefined {
  if (iso === null) return undefined;
  const r = parseInstant(iso);
  return r.ok ? r.ms : undefined;
}

const SUBMITTED: Record<Stage, (c: ReportingCase) => string | null> = {
  'early-warning': (c) => c.earlyWarningSubmittedAt,
  notification: (c) => c.notificationSubmittedAt,
  'final-report': (c) => c.finalReportSubmittedAt,
};

export function caseDeadlines(c: ReportingCase, now: number): CaseDeadline[] {
  const deadlines = reportingDeadlines(c.type, {
    awareAt: instant(c.awareAt)!,
    fixAvailableAt: instant(c.fixAvailableAt),
    notifiedAt: instant(c.notificationSubmittedAt),
  });
  return deadlines.map((d) => {
    const submittedAt = SUBMITTED[d.stage](c);
    const msLeft = d.due === null ? null : d.due - now;
    let state: DeadlineState;
    if (submittedAt !== null) state = 'submitted';
    else if (msLeft === null) state = 'pending';
    else if (msLeft < 0) state = 'overdue';
    else if (msLeft < DUE_SOON_MS) state = 'due-soon';
    else state = 'open';
    return { ...d, state, submittedAt, msLeft };
  });
}

/** "2 d 03 h 05 min" / "overdue by 1 h 00 min". */
export function formatTimeLeft(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const text = `${d > 0 ? `${d} d ` : ''}${String(h).padStart(2, '0')} h ${String(m).padStart(2, '0')} min`;
  return ms < 0 ? `overdue by ${text}` : text;
}
