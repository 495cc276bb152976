// Release sign-off (issue 8 item 18): approve a release validated to step 6 (legal, compliance
// officer), then ship it (project manager, compliance officer). Both are recorded with who, when and
// why; an approval holds for the validation run it saw, so any later change asks for a new one.
import { useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { ChangeRecord, Release } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ActionForm } from '../../components/forms.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';

function signed(c: ChangeRecord): string {
  return `${c.actor}, ${new Date(c.at).toLocaleString('en-GB')}`;
}

export function SignOffPanel({
  release,
  version,
  onChanged,
}: {
  release: Release;
  version: number;
  onChanged: () => void;
}) {
  const loaded = useLoad(
    () => api.signOff(release.id),
    [release.id, version, release.validationStep, release.shipStatus],
  );
  const canApprove = useCan('decisions:write');
  const canShip = useCan('portfolio:write');
  const [reason, setReason] = useState('');
  const state = loaded.data;
  if (!state) return null;
  const { approval, approvalCurrent, shipped } = state;
  return (
    <section className="card sign-off" aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">Sign-off</h2>
      {shipped ? (
        <p className="success">
          Shipped (published) by {signed(shipped)}
          {shipped.reason ? `: ${shipped.reason}` : ''}.
        </p>
      ) : null}
      {approval ? (
        <p className={approvalCurrent ? 'success' : 'warn-text'}>
          {approvalCurrent ? 'Approved' : 'Approval out of date (the release changed since)'} — {signed(approval)}:{' '}
          {approval.reason}
        </p>
      ) : (
        <p className="muted">
          Not approved yet
          {state.validationStep < 6
            ? `: the release passed step ${state.validationStep} of 6, approval needs all six`
            : ''}
          .
        </p>
      )}
      {canApprove && state.validationStep === 6 && !approvalCurrent && !shipped ? (
        <ActionForm
          label="Approve the release"
          submitLabel="Approve the release"
          onSubmit={async () => {
            await api.approveRelease(release.id, reason);
            setReason('');
            loaded.reload();
            onChanged();
          }}
        >
          <div className="field">
            <label htmlFor="approval-reason">Why it may ship</label>
            <input
              id="approval-reason"
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </ActionForm>
      ) : null}
      {canShip && approvalCurrent && !shipped && release.shipStatus !== 'published' ? (
        <ActionForm
          label="Ship the release"
          submitLabel="Ship (publish) the release"
          onSubmit={async () => {
            await api.shipRelease(release.id, '');
            loaded.reload();
            onChanged();
          }}
        >
          <span className="hint">Publishes the release; recorded in the history.</span>
        </ActionForm>
      ) : null}
      <p className="small">
        <Link to={`/history?release=${release.id}`}>History of this release</Link>
      </p>
    </section>
  );
}
