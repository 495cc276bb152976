// The dashboard's vulnerability card: open findings per scanned release (by rating and KEV), every
// finding by triage state, and the "which releases ship …" search (issue 11 items 8-9).
import { useState } from 'react';
import { vulnApi, type AffectedReleases } from '../api/vulnerabilities.js';
import { ActionForm } from '../components/forms.js';
import { Empty, Show } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link } from '../router.js';
import { stateLabel } from './release/vex-vocabulary.js';

export function DashboardVulnerabilities() {
  const loaded = useLoad(() => vulnApi.summary(), []);
  const [advisory, setAdvisory] = useState('');
  const [affected, setAffected] = useState<AffectedReleases | null>(null);
  return (
    <section className="card dashboard-vulnerabilities" aria-labelledby="vulnerabilities-title">
      <h2 id="vulnerabilities-title">Vulnerabilities</h2>
      <Show loaded={loaded}>
        {(summary) =>
          summary.releases.length === 0 ? (
            <Empty>No release has been scanned yet.</Empty>
          ) : (
            <>
              <p>
                <strong>{summary.totals.open}</strong> open findings of {summary.totals.total} (critical{' '}
                {summary.totals.byRating.critical}, high {summary.totals.byRating.high}, KEV {summary.totals.kevOpen});
                triaged:{' '}
                {Object.entries(summary.totals.byState)
                  .filter(([s, n]) => n > 0 && s !== 'untriaged')
                  .map(([s, n]) => `${n} ${stateLabel(s).toLowerCase()}`)
                  .join(', ') || 'none'}
              </p>
              <div className="table-scroll">
                <table className="compact">
                  <caption className="sr-only">Open findings per release</caption>
                  <thead>
                    <tr>
                      <th scope="col">Release</th>
                      <th scope="col">Open</th>
                      <th scope="col">Critical</th>
                      <th scope="col">High</th>
                      <th scope="col">KEV</th>
                      <th scope="col">Triaged</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.releases.map((r) => (
                      <tr key={r.releaseId}>
                        <td>
                          <Link to={`/releases/${r.releaseId}?tab=vulnerabilities`}>
                            {r.productName} {r.releaseNumber}
                          </Link>
                        </td>
                        <td>{r.counts.open}</td>
                        <td>{r.counts.byRating.critical}</td>
                        <td>{r.counts.byRating.high}</td>
                        <td>{r.counts.kevOpen}</td>
                        <td>{r.counts.total - r.counts.byState.untriaged}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Show>
      <ActionForm
        label="Affected by"
        submitLabel="Find releases"
        onSubmit={async () => setAffected(await vulnApi.affected(advisory.trim()))}
      >
        <div className="field">
          <label htmlFor="affected-advisory">Which releases ship</label>
          <input
            id="affected-advisory"
            value={advisory}
            required
            maxLength={100}
            placeholder="CVE-2020-26160, GHSA-…, GO-…"
            onChange={(e) => setAdvisory(e.target.value)}
          />
        </div>
      </ActionForm>
      {affected ? (
        affected.releases.length === 0 ? (
          <Empty>No scanned release ships a version affected by {affected.ids.join(' / ')}.</Empty>
        ) : (
          <ul aria-label="Affected releases">
            {affected.releases.map((r) => (
              <li key={r.release.id}>
                <Link to={`/releases/${r.release.id}?tab=vulnerabilities`}>
                  {r.product.name} {r.release.number}
                </Link>{' '}
                ({r.release.shipStatus}):{' '}
                {r.components.map((c) => `${c.purl || c.name} — ${stateLabel(c.state)}`).join('; ')}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
