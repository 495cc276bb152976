// The portfolio at a glance (issue 8 item 19): every release with the step it reached, its open
// blockers by kind and the trend of both over its stored validation runs. Chart colours come from
// the Okabe–Ito palette and every series also differs by line style, so colour is never the only cue.
import { api } from '../api/endpoints.js';
import type { PortfolioRelease } from '../api/types.js';
import { BarChart } from '../components/BarChart.js';
import { Empty, Show, StepProgress } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link } from '../router.js';

const SHIP_LABELS: Record<string, string> = {
  'in-development': 'In development',
  published: 'Published',
  archived: 'Archived',
};

export function PortfolioView() {
  const loaded = useLoad(() => api.portfolioOverview(), []);
  return (
    <section>
      <h1>Portfolio</h1>
      <Show loaded={loaded}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>No release yet: create a product and a release, then import its SBOM.</Empty>
          ) : (
            <>
              <div className="card">
                <BarChart
                  title="Releases by validation step reached"
                  max={rows.length}
                  bars={[0, 1, 2, 3, 4, 5, 6].map((step) => ({
                    label: step === 6 ? 'Step 6: validated' : `Step ${step}`,
                    value: rows.filter((r) => r.validationStep === step).length,
                    tone: step === 6 ? 'ok' : step >= 4 ? 'warn' : 'bad',
                  }))}
                />
              </div>
              <div className="table-scroll">
                <table className="compact portfolio">
                  <caption>
                    {rows.length} release{rows.length === 1 ? '' : 's'}: step reached, open blockers and trend
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Release</th>
                      <th scope="col">Ship status</th>
                      <th scope="col">Step</th>
                      <th scope="col">Open blockers by kind</th>
                      <th scope="col">Trend</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.release.id}>
                        <th scope="row">
                          <Link to={`/releases/${r.release.id}`}>
                            {r.productName} {r.release.number}
                          </Link>
                        </th>
                        <td>{SHIP_LABELS[r.release.shipStatus] ?? r.release.shipStatus}</td>
                        <td>
                          <StepProgress
                            step={r.validationStep}
                            label={`${r.productName} ${r.release.number}: step ${r.validationStep} of 6`}
                          />
                        </td>
                        <td>
                          {r.blockers.length === 0 ? (
                            <span className="success">none</span>
                          ) : (
                            <ul className="plain-list kinds">
                              {r.blockers.map((b) => (
                                <li key={`${b.step}-${b.kind}`}>
                                  <Link to={`/releases/${r.release.id}?tab=validation`}>
                                    Step {b.step} · {b.kind.replace(/-/g, ' ')}
                                  </Link>
                                  : {b.count}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>
                          <Trend row={r} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted small">
                Trend: <span className="key step-key" aria-hidden="true" /> step reached (solid blue),{' '}
                <span className="key blocker-key" aria-hidden="true" /> open blockers (dashed orange), over the stored
                validation runs, oldest on the left.
              </p>
            </>
          )
        }
      </Show>
    </section>
  );
}

const W = 120;
const H = 32;

function Trend({ row }: { row: PortfolioRelease }) {
  const points = row.trend;
  if (points.length === 0) return <span className="muted">not validated yet</span>;
  const x = (i: number) => (points.length === 1 ? W / 2 : (i / (points.length - 1)) * (W - 4) + 2);
  const maxBlockers = Math.max(1, ...points.map((p) => p.blockerCount));
  const steps = points.map((p, i) => `${x(i)},${H - 2 - (p.validationStep / 6) * (H - 4)}`).join(' ');
  const blockers = points.map((p, i) => `${x(i)},${H - 2 - (p.blockerCount / maxBlockers) * (H - 4)}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const label = `Over ${points.length} validation run${points.length === 1 ? '' : 's'}: step ${first.validationStep} to ${last.validationStep}, blockers ${first.blockerCount} to ${last.blockerCount}`;
  return (
    <svg className="trend" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={blockers} fill="none" className="trend-blockers" />
      <polyline points={steps} fill="none" className="trend-step" />
    </svg>
  );
}
