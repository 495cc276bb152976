// The CRA section of a product (issue 12 item 8): readiness checklist with progress, role and
// classification with the routes the class allows, support period, the Annex I matrix (editable by
// legal and compliance officers), the document bundle to download and the evidence log's state.
import { useEffect, useState } from 'react';
import { craApi } from '../../api/cra-endpoints.js';
import type { CraRecordView } from '../../api/cra-endpoints.js';
import type { Release } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { AnnexMatrix } from './AnnexMatrix.js';
import { CraRecordForm } from './CraRecordForm.js';
import { CaseProposals } from './CaseProposals.js';

export function CraSection({ productId, releases }: { productId: number; releases: Release[] }) {
  const loaded = useLoad(() => Promise.all([craApi.record(productId), craApi.verifyEvidence()]), [productId]);
  const canEdit = useCan('cra:write');
  const [view, setView] = useState<CraRecordView | null>(null);
  const [release, setRelease] = useState('');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  useEffect(() => setView(null), [productId]);

  const changed = (next: CraRecordView) => {
    setView(next);
    loaded.reload();
  };

  return (
    <Show loaded={loaded}>
      {([fetched, evidence]) => {
        const v = view ?? fetched;
        const a = v.assessment;
        return (
          <div className="cra">
            <section className="card" aria-labelledby="cra-readiness">
              <h2 id="cra-readiness">CRA readiness</h2>
              <p>
                <progress
                  max={a.progress.total}
                  value={a.progress.done}
                  aria-label={`Readiness ${a.progress.done} of ${a.progress.total}`}
                />{' '}
                <span>
                  {a.progress.done}/{a.progress.total} done
                </span>
              </p>
              <ul aria-label="Readiness checklist" className="checklist">
                {a.checklist.map((c) => (
                  <li key={c.id} className={c.done ? 'done' : 'open'}>
                    <span aria-hidden="true">{c.done ? '✓' : '○'}</span> {c.label}{' '}
                    <span className="muted">({c.clause})</span>
                    {c.remaining ? <div className="muted">{c.remaining}</div> : null}
                  </li>
                ))}
              </ul>
              <dl className="facts">
                <dt>Role</dt>
                <dd>
                  {a.scope
                    ? `${a.scope.role}${a.scope.inScope ? '' : ' (out of scope)'}: ${a.scope.reasons.join('; ')}`
                    : 'not decided'}
                </dd>
                <dt>Class</dt>
                <dd>{a.classification ? a.classification.explanation : 'not classified'}</dd>
                <dt>Conformity route</dt>
                <dd>
                  {v.record.route ?? 'none chosen'}
                  {a.routeProblem ? <span className="error"> — {a.routeProblem}</span> : null}
                </dd>
                <dt>Support period</dt>
                <dd>
                  {v.record.support ? `${v.record.support.start} to ${v.record.support.endMonth}` : 'not set'}
                  {a.retention ? ` · keep documentation until ${a.retention.documentation}` : ''}
                </dd>
              </dl>
              {a.support.length ? (
                <ul aria-label="Support period findings">
                  {a.support.map((f) => (
                    <li key={f.code + f.message} className={f.severity === 'error' ? 'error' : ''}>
                      {f.message} ({f.clause})
                    </li>
                  ))}
                </ul>
              ) : null}
              {a.routes.length ? (
                <ul aria-label="Conformity assessment routes">
                  {a.routes.map((r) => (
                    <li key={r.route}>
                      {r.allowed ? 'allowed' : 'not allowed'}: {r.route} — {r.reason} ({r.clause})
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
            {canEdit ? <CraRecordForm productId={productId} view={v} onSaved={changed} /> : null}
            <AnnexMatrix productId={productId} view={v} canEdit={canEdit} onSaved={changed} />
            <CaseProposals productId={productId} canEdit={canEdit} />
            <section className="card" aria-labelledby="cra-documents">
              <h2 id="cra-documents">Documents</h2>
              <p className="muted">
                Annex VII technical documentation with Annex II, V, VI, the Annex I matrix, CVD policy, security.txt and
                a SHA-256 manifest.
              </p>
              <div className="inline-form">
                <div className="field">
                  <label htmlFor="cra-release">Release</label>
                  <select id="cra-release" value={release} onChange={(e) => setRelease(e.target.value)}>
                    <option value="">(product only, no SBOM)</option>
                    {releases.map((r) => (
                      <option key={r.id} value={r.number}>
                        {r.number}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  onClick={() => {
                    setDownloadError(null);
                    craApi
                      .downloadDocuments(productId, release || undefined)
                      .catch((err: Error) => setDownloadError(err.message));
                  }}
                >
                  Download technical documentation (zip)
                </button>
              </div>
              {downloadError ? (
                <p role="alert" className="error">
                  {downloadError}
                </p>
              ) : null}
            </section>
            <p className="muted" aria-label="Evidence log">
              Evidence log: {evidence.entries} entries,{' '}
              {evidence.ok ? 'chain verified' : `BROKEN at entry ${evidence.broken?.seq}: ${evidence.broken?.reason}`}
              {v.updatedAt ? ` · record updated ${v.updatedAt} by ${v.updatedBy}` : ''}
            </p>
          </div>
        );
      }}
    </Show>
  );
}
