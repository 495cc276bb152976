// Art. 14 reporting in a product's CRA section (issue 12 items 4 and 8): the product's open cases
// with their next deadline (red under six hours, as on the dashboard), and the case proposals — a
// KEV-listed or EUVD-exploited vulnerability in a published release with no not_affected analysis —
// each with a one-click "Open case" for legal and compliance officers. Opening records now as the
// awareness time, which starts the 24-hour early-warning clock (CRA Art. 14(2)(a)).
import { useState } from 'react';
import { craApi } from '../../api/cra-endpoints.js';
import { Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { formatTimeLeft } from '../../../../src/cra/reporting/case-clocks.js';

export function CaseProposals({ productId, canEdit }: { productId: number; canEdit: boolean }) {
  const loaded = useLoad(() => Promise.all([craApi.caseProposals(productId), craApi.caseClocks()]), [productId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="cra-reporting">
      <h2 id="cra-reporting">Art. 14 reporting</h2>
      <Show loaded={loaded}>
        {([proposals, clocks]) => {
          const cases = clocks.cases.filter((c) => c.productId === productId);
          return (
            <>
              {opened ? (
                <p role="status" className="success">
                  {opened}
                </p>
              ) : null}
              {error ? (
                <p role="alert" className="error">
                  {error}
                </p>
              ) : null}
              {cases.length === 0 ? (
                <p className="muted">No open reporting case.</p>
              ) : (
                <ul aria-label="Open reporting cases of this product">
                  {cases.map((c) => {
                    const urgent = c.next?.state === 'due-soon' || c.next?.state === 'overdue';
                    return (
                      <li key={c.id} className={urgent ? 'error' : undefined} data-state={c.next?.state ?? 'pending'}>
                        #{c.id} {c.title} —{' '}
                        {c.next
                          ? `${c.next.stage} ${c.next.msLeft !== null ? formatTimeLeft(c.next.msLeft) : ''} (${c.next.clause})`
                          : 'final report pending a fix'}
                      </li>
                    );
                  })}
                </ul>
              )}
              <h3>Case proposals</h3>
              {proposals.length === 0 ? (
                <p className="muted">
                  No proposal: no KEV-listed or EUVD-exploited vulnerability in a published release lacks a not_affected
                  analysis or a case.
                </p>
              ) : (
                <ul aria-label="Case proposals">
                  {proposals.map((p) => {
                    const key = `${p.release}|${p.vulnerability}|${p.component}`;
                    return (
                      <li key={key} className="card">
                        <strong>{p.vulnerability}</strong> in {p.component} · release {p.release}{' '}
                        {p.kev ? (
                          <span className="badge" title={`In CISA KEV since ${p.kev.dateAdded}`}>
                            KEV
                          </span>
                        ) : null}
                        {p.euvdExploited ? (
                          <span className="badge" title={`Exploited per EUVD ${p.euvdExploited}`}>
                            EUVD exploited
                          </span>
                        ) : null}
                        <div className="muted small">{p.reason}</div>
                        <Link to={`/releases/${p.releaseId}?tab=vulnerabilities#finding-${p.findingId}`}>
                          See the finding
                        </Link>
                        {canEdit ? (
                          <>
                            {' '}
                            <button
                              type="button"
                              disabled={busy !== null}
                              onClick={async () => {
                                setBusy(key);
                                setError(null);
                                try {
                                  const c = await craApi.openProposedCase(p);
                                  setOpened(
                                    `Case #${c.id} opened for ${p.vulnerability}: aware at ${c.awareAt}, early warning due within 24 hours (CRA Art. 14(2)(a)).`,
                                  );
                                  loaded.reload();
                                } catch (err) {
                                  setError(err instanceof Error ? err.message : String(err));
                                } finally {
                                  setBusy(null);
                                }
                              }}
                            >
                              Open case for {p.vulnerability}
                            </button>
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}
