// The SBOM quality tab of a release (issue 12 item 1: "the same view in the UI per release, with a
// score over time"): a profile's checks on the current document(s) as `vigie sbom quality` shows
// them, and its score per import as a table (one row per import, a bar for the share).
import { useState } from 'react';
import type { ReleaseQuality } from '../../api/quality.js';

const SHOWN_FAILING = 10;

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function QualityPanel({ quality }: { quality: ReleaseQuality }) {
  const profiles = [...new Set(quality.history.flatMap((h) => h.scores.map((s) => s.profile)))];
  const [profile, setProfile] = useState(profiles.find((p) => p.startsWith('cra-annex-i')) ?? profiles[0] ?? '');
  if (profiles.length === 0) return <p>No import of this release has a stored quality result yet.</p>;
  return (
    <>
      <p>
        <label>
          Profile{' '}
          <select value={profile} onChange={(e) => setProfile(e.target.value)}>
            {profiles.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </p>
      {quality.documents.map((d) => {
        const result = d.profiles.find((p) => p.profile === profile);
        if (!result) return null;
        return (
          <section key={d.importId} aria-label={`Quality of import #${d.importId}`}>
            <h3 className="wrap-anywhere">
              {d.fileName ?? `import #${d.importId}`}: {result.pass ? 'passes' : 'fails'} {profile}
            </h3>
            <ul className="quality-checks">
              {result.checks.map((c) => (
                <li key={c.id} data-check={c.id}>
                  <strong>{c.pass ? '✓ pass' : '✗ fail'}</strong> {c.title}{' '}
                  <span className="small">
                    ({c.level}, {c.clause})
                  </span>
                  <br />
                  <span className="coverage">
                    {c.covered}/{c.total} {c.total === 1 && c.failing.length === 0 ? 'document' : 'components'}
                  </span>
                  {c.failing.length > 0 ? (
                    <span className="small wrap-anywhere">
                      {' '}
                      — failing: {c.failing.slice(0, SHOWN_FAILING).join(', ')}
                      {c.total - c.covered > Math.min(c.failing.length, SHOWN_FAILING)
                        ? ` and ${c.total - c.covered - Math.min(c.failing.length, SHOWN_FAILING)} more`
                        : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <div className="table-scroll">
        <table className="compact quality-history">
          <caption>Score over time ({profile}): required checks passing, one row per import</caption>
          <thead>
            <tr>
              <th scope="col">Import</th>
              <th scope="col">Score</th>
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {quality.history.map((h) => {
              const s = h.scores.find((x) => x.profile === profile);
              if (!s) return null;
              return (
                <tr key={h.importId}>
                  <td className="wrap-anywhere">
                    #{h.importId} {h.fileName ?? ''}
                    <br />
                    <span className="small">{new Date(h.at).toLocaleString('en-GB')}</span>
                  </td>
                  <td>
                    <meter min={0} max={1} value={s.score} aria-label={`score of import #${h.importId}`} />{' '}
                    {s.requiredPassing}/{s.required} ({percent(s.score)})
                  </td>
                  <td>
                    {s.covered}/{s.total}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
