// Open Art. 14 reporting cases on the dashboard: the next deadline of each with the time left, red
// when less than six hours remain or overdue (issue 12 item 4).
import { craApi } from '../../api/cra-endpoints.js';
import { Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { formatTimeLeft } from '../../../../src/cra/reporting/case-clocks.js';

export function CaseClocksPanel() {
  const loaded = useLoad(() => craApi.caseClocks(), []);
  return (
    <section className="card" aria-labelledby="cra-cases-title">
      <h2 id="cra-cases-title">CRA reporting cases</h2>
      <Show loaded={loaded}>
        {(summary) =>
          summary.open === 0 ? (
            <p className="muted">No open Art. 14 case.</p>
          ) : (
            <>
              <p>
                {summary.open} open · {summary.dueSoon} due within 6 hours · {summary.overdue} overdue
              </p>
              <ul aria-label="Open reporting cases">
                {summary.cases.map((c) => {
                  const urgent = c.next?.state === 'due-soon' || c.next?.state === 'overdue';
                  return (
                    <li key={c.id} className={urgent ? 'error' : undefined} data-state={c.next?.state ?? 'pending'}>
                      <Link to={`/products/${c.productId}?tab=cra`}>{c.product}</Link>: {c.title} —{' '}
                      {c.next
                        ? `${c.next.stage} ${c.next.msLeft !== null ? formatTimeLeft(c.next.msLeft) : ''} (${c.next.clause})`
                        : 'final report pending a fix'}
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </Show>
    </section>
  );
}
