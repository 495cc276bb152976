/**
 * Open Art. 14 cases with their next deadline at `now`, most urgent first: what the dashboard shows
 * (issue 12 item 4: red when a deadline is less than 6 hours away, with the time left). A read: the
 * clock is an input, nothing is written.
 */
import { caseDeadlines, type CaseDeadline } from '../cra/reporting/index.js';
import type { Store } from '../store/index.js';

export interface OpenCaseClock {
  id: number;
  product: string;
  productId: number;
  type: string;
  title: string;
  /** The earliest unsubmitted stage with a due time; null while every open stage is pending. */
  next: (Pick<CaseDeadline, 'stage' | 'state' | 'msLeft' | 'clause'> & { due: string }) | null;
}

export interface CaseClockSummary {
  open: number;
  dueSoon: number;
  overdue: number;
  cases: OpenCaseClock[];
}

export async function openCaseClocks(store: Store, now: Date = new Date()): Promise<CaseClockSummary> {
  const names = new Map((await store.listProducts()).map((p) => [p.id, p.name]));
  const cases: OpenCaseClock[] = [];
  for (const c of await store.listReportingCases()) {
    if (c.status !== 'open') continue;
    const next = caseDeadlines(c, now.getTime())
      .filter((d) => d.state !== 'submitted' && d.due !== null)
      .sort((a, b) => a.due! - b.due!)[0];
    cases.push({
      id: c.id,
      product: names.get(c.productId) ?? `#${c.productId}`,
      productId: c.productId,
      type: c.type,
      title: c.title,
      next: next
        ? {
            stage: next.stage,
            state: next.state,
            msLeft: next.msLeft,
            clause: next.clause,
            due: new Date(next.due!).toISOString(),
          }
        : null,
    });
  }
  cases.sort((a, b) => (a.next?.msLeft ?? Infinity) - (b.next?.msLeft ?? Infinity) || a.id - b.id);
  return {
    open: cases.length,
    dueSoon: cases.filter((c) => c.next?.state === 'due-soon').length,
    overdue: cases.filter((c) => c.next?.state === 'overdue').length,
    cases,
  };
}
