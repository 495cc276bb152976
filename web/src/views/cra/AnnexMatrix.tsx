// The Annex I essential requirements matrix: read by everyone, edited row by row by legal and
// compliance officers (met needs evidence, not applicable a reason: the server says so when missing).
import { useState } from 'react';
import { craApi } from '../../api/cra-endpoints.js';
import type { AnnexEntry, AnnexRequirement, ComputedEntry, CraRecordView } from '../../api/cra-endpoints.js';
import { splitList } from '../../components/forms.js';
import { Link } from '../../router.js';

/**
 * I.a and II.1 are computed per release (from the findings with their VEX analyses, and from the
 * SBOM quality result): shown with their reasons and links to the findings, never editable.
 */
function ComputedRow({ requirement, computed }: { requirement: AnnexRequirement; computed: ComputedEntry }) {
  const release = computed.release;
  const shown = computed.findings.slice(0, 10);
  return (
    <tr data-computed={computed.status}>
      <th scope="row">{requirement.id}</th>
      <td>
        {requirement.title} <span className="muted">({requirement.clause})</span>
      </td>
      <td>
        <span aria-label={`Status of ${requirement.id}`} className={computed.status === 'met' ? '' : 'error'}>
          {computed.status}
        </span>{' '}
        <span className="badge" title="Computed per release from stored data; not editable">
          computed
        </span>
      </td>
      <td>
        {shown.length ? (
          <ul aria-label={`Findings against ${requirement.id}`} className="compact">
            {shown.map((f) => (
              <li key={f.id}>
                {release ? (
                  <Link to={`/releases/${release.id}?tab=vulnerabilities#finding-${f.id}`}>{f.vulnerability}</Link>
                ) : (
                  f.vulnerability
                )}{' '}
                in {f.component}
                {f.version ? `@${f.version}` : ''} <span className="muted">({f.why})</span>
              </li>
            ))}
            {computed.findings.length > shown.length ? (
              <li className="muted">and {computed.findings.length - shown.length} more</li>
            ) : null}
          </ul>
        ) : null}
        {computed.failingChecks.length ? (
          <ul aria-label={`Failing checks of ${requirement.id}`} className="compact">
            {computed.failingChecks.map((c) => (
              <li key={`${c.importId}:${c.check}`}>
                {c.check} “{c.title}” in {c.document}: {c.covered}/{c.total}
                {c.failing.length ? (
                  <span className="muted"> (failing: {c.failing.slice(0, 10).join(', ')})</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {release && computed.status !== 'met' && computed.requirement === 'I.a' ? (
          <Link to={`/releases/${release.id}?tab=vulnerabilities`}>Triage the findings of {release.number}</Link>
        ) : null}
      </td>
      <td aria-label={`Reasons for ${requirement.id}`}>{computed.reasons.join(' ')}</td>
      <td />
    </tr>
  );
}

const STATUSES = ['not-assessed', 'in-progress', 'met', 'not-applicable'];

function Row({
  productId,
  requirement,
  canEdit,
  onSaved,
}: {
  productId: number;
  requirement: AnnexRequirement & AnnexEntry & { computed?: ComputedEntry };
  canEdit: boolean;
  onSaved: (v: CraRecordView) => void;
}) {
  const [status, setStatus] = useState(requirement.status);
  const [evidence, setEvidence] = useState(requirement.evidence.join(', '));
  const [note, setNote] = useState(requirement.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = requirement.id;
  if (requirement.computed) return <ComputedRow requirement={requirement} computed={requirement.computed} />;
  if (!canEdit) {
    return (
      <tr>
        <th scope="row">{id}</th>
        <td>{requirement.title}</td>
        <td>{requirement.status}</td>
        <td>{requirement.evidence.join(', ')}</td>
        <td>{requirement.note}</td>
        <td />
      </tr>
    );
  }
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await craApi.setRequirement(productId, id, {
          status,
          evidence: splitList(evidence),
          note: note.trim() || null,
        }),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">{id}</th>
      <td>
        {requirement.title} <span className="muted">({requirement.clause})</span>
      </td>
      <td>
        <select
          aria-label={`Status of ${id}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as AnnexEntry['status'])}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Evidence of ${id}`}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          placeholder="links, comma-separated"
        />
      </td>
      <td>
        <input aria-label={`Note on ${id}`} value={note} onChange={(e) => setNote(e.target.value)} />
      </td>
      <td>
        <button type="button" onClick={save} disabled={busy}>
          Save {id}
        </button>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function AnnexMatrix({
  productId,
  view,
  canEdit,
  onSaved,
}: {
  productId: number;
  view: CraRecordView;
  canEdit: boolean;
  onSaved: (v: CraRecordView) => void;
}) {
  const m = view.assessment.matrix;
  return (
    <section className="card" aria-labelledby="cra-annex-i">
      <h2 id="cra-annex-i">Annex I essential requirements</h2>
      <p className="muted">
        {m.settled} of {m.total} settled: {m.byStatus.met} met, {m.byStatus['not-applicable']} not applicable,{' '}
        {m.byStatus['in-progress']} in progress
      </p>
      <p className="muted" aria-label="Computed requirements">
        {view.release
          ? `I.a and II.1 are computed for release ${view.release.number} (${view.release.shipStatus})`
          : 'I.a and II.1 are computed per release: this product has no release yet'}
        {view.record.shipRequires?.length
          ? ` · a release ships only with ${view.record.shipRequires.join(', ')} settled`
          : ''}
      </p>
      <div className="table-scroll">
        <table aria-label="Annex I essential requirements">
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Save</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.requirements.map((r) => (
              <Row
                key={`${r.id}:${r.status}:${r.evidence.join(',')}:${r.note ?? ''}:${r.computed?.reasons.join(' ') ?? ''}`}
                productId={productId}
                requirement={r}
                canEdit={canEdit}
                onSaved={onSaved}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
