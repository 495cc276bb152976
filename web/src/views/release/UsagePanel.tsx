// One usage of the release, opened from its BOM row (`?tab=bom&usage=ID`, so the link reloads):
// what it is, and the context a person records about it (issue 8 item 3): how it is linked, whether
// it was modified, its status and a description. Steps 5 and 6 match on linking and modification.
import { useId, useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Linking, ReleaseUsage } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ActionForm } from '../../components/forms.js';
import { Link } from '../../router.js';
import { componentPath } from '../components/component-path.js';
import { LINKING_LABELS, MODIFICATION_LABELS, USAGE_STATUS_LABELS } from './vocabulary.js';

export function UsagePanel({ row, releaseId, onSaved }: { row: ReleaseUsage; releaseId: number; onSaved: () => void }) {
  const { usage, version, component } = row;
  const canWrite = useCan('portfolio:write');
  const name = component.namespace ? `${component.namespace}/${component.name}` : component.name;
  const effective = usage.chosenLicense ?? version.correctedLicense ?? version.concludedLicense ?? null;
  const modification = usage.modified === null ? '' : usage.modified ? 'modified' : 'unmodified';
  return (
    <section className="card usage-panel" aria-labelledby={`usage-${usage.id}-title`}>
      <div className="row-between wrap">
        <h2 id={`usage-${usage.id}-title`}>
          {name} {version.number}
        </h2>
        <Link to={`/releases/${releaseId}?tab=bom`}>Close</Link>
      </div>
      <dl className="facts">
        <Fact term="Project / scope" value={`${usage.project || 'root'} / ${usage.scope || 'no scope'}`} />
        <Fact term="Declared licence" value={version.declaredLicense ?? 'none'} />
        <Fact term="Effective licence" value={effective ?? 'not settled yet'} />
        <Fact term="Linking" value={usage.linking ? LINKING_LABELS[usage.linking] : 'not recorded'} />
        <Fact term="Modification" value={modification ? MODIFICATION_LABELS[modification] : 'not recorded'} />
        <Fact term="Status" value={USAGE_STATUS_LABELS[usage.status] ?? usage.status} />
      </dl>
      {usage.description ? <p className="usage-description">{usage.description}</p> : null}
      <p>
        <Link to={componentPath(version.purl ?? component.purl ?? name)}>Where else {name} is used</Link>
      </p>
      {canWrite ? (
        <UsageForm key={usage.id} row={row} releaseId={releaseId} onSaved={onSaved} />
      ) : (
        <p className="muted small">Your role may read this usage but not change it.</p>
      )}
    </section>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function UsageForm({ row, releaseId, onSaved }: { row: ReleaseUsage; releaseId: number; onSaved: () => void }) {
  const { usage } = row;
  const id = useId();
  const [linking, setLinking] = useState<string>(usage.linking ?? '');
  const [modification, setModification] = useState<string>(
    usage.modified === null ? '' : usage.modified ? 'modified' : 'unmodified',
  );
  const [status, setStatus] = useState<string>(usage.status);
  const [description, setDescription] = useState(usage.description ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <ActionForm
      label="Edit the usage"
      submitLabel="Save the usage"
      className="stack"
      onSubmit={async () => {
        setSaved(false);
        await api.updateUsage(releaseId, usage.id, {
          linking: (linking || null) as Linking | null,
          modification: (modification || null) as 'modified' | 'unmodified' | null,
          status: status as 'auto' | 'validated' | 'ignored',
          description: description.trim() || null,
        });
        setSaved(true);
        onSaved();
      }}
    >
      <div className="grid two">
        <div className="field">
          <label htmlFor={`${id}-linking`}>Linking</label>
          <select id={`${id}-linking`} value={linking} onChange={(e) => setLinking(e.target.value)}>
            <option value="">Not recorded</option>
            {Object.entries(LINKING_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-modification`}>Modification</label>
          <select id={`${id}-modification`} value={modification} onChange={(e) => setModification(e.target.value)}>
            <option value="">Not recorded</option>
            {Object.entries(MODIFICATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            {Object.entries(USAGE_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <input
            id={`${id}-description`}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="why it is there, how it is used"
          />
        </div>
      </div>
      {saved ? (
        <p role="status" className="success">
          Saved; the release was validated again.
        </p>
      ) : null}
    </ActionForm>
  );
}
