import { useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Allowed, LicenseFacts, LicensePolicy, ReviewStatus } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ActionForm, Field, SelectField, splitList } from '../../components/forms.js';
import { Show } from '../../components/status.js';
import { PageError } from '../../components/page-error.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { CompatibilityCheck } from './CompatibilityCheck.js';
import { LicenseReleases } from './LicenseReleases.js';
import { ALLOWED_LABELS, REVIEW_LABELS } from './policy-vocabulary.js';

const FACTS: Array<[keyof LicenseFacts, string]> = [
  ['kind', 'Kind'],
  ['copyleft', 'Copyleft'],
  ['osiApproved', 'OSI approved'],
  ['fsfApproved', 'FSF free'],
  ['foss', 'FOSS'],
  ['patentGrant', 'Patent grant'],
  ['ethicalClause', 'Ethical clause'],
  ['nonCommercial', 'Non-commercial'],
  ['antiTivoisation', 'Anti-tivoisation'],
  ['warrantyDisclaimer', 'Warranty disclaimer'],
  ['liabilityDisclaimer', 'Liability disclaimer'],
  ['law', 'Law'],
  ['venue', 'Venue'],
  ['steward', 'Steward'],
];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function LicenseView({ id }: { id: string }) {
  const loaded = useLoad(async () => {
    const body = await api.license(id);
    return { facts: body.facts, policy: body.policy, obligations: body.obligations };
  }, [id]);
  if (loaded.error)
    return <PageError what="Licence" error={loaded.error} back={{ to: '/licenses', label: 'Licences' }} />;
  return (
    <Show loaded={loaded}>
      {({ facts, policy, obligations }) => (
        <section>
          <p className="breadcrumbs">
            <Link to="/licenses">Licences</Link> /
          </p>
          <h1>
            {facts.name} <code className="muted">{facts.id}</code>
          </h1>
          <div className="grid two">
            <section className="card">
              <h2>Facts</h2>
              <dl className="facts">
                {FACTS.map(([key, label]) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>{show(facts[key])}</dd>
                  </div>
                ))}
              </dl>
              {facts.url ? (
                <p>
                  <a href={facts.url} rel="noreferrer noopener" target="_blank">
                    Licence reference
                  </a>
                </p>
              ) : null}
            </section>
            <section className="card">
              <h2>Policy</h2>
              <PolicyEditor license={facts.id} policy={policy} onSaved={loaded.reload} />
            </section>
          </div>
          <section className="card">
            <h2>Obligations</h2>
            {obligations.length === 0 ? (
              <p className="muted">No obligation recorded for this licence.</p>
            ) : (
              <div className="table-scroll">
                <table className="compact">
                  <thead>
                    <tr>
                      <th scope="col">Obligation</th>
                      <th scope="col">Do / don’t</th>
                      <th scope="col">Triggered by</th>
                      <th scope="col">Compliance action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {obligations.map((o) => (
                      <tr key={`${o.name}-${o.exploitation}-${o.modification}`}>
                        <td>{o.name}</td>
                        <td>{o.passivity ?? '—'}</td>
                        <td>
                          {o.exploitation ?? 'any exploitation'}, {o.modification ?? 'either'}
                        </td>
                        <td>{o.action ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <LicenseReleases license={facts.id} />
          <section className="card">
            <h2>Compatibility</h2>
            <CompatibilityCheck inbound={facts.id} />
          </section>
          {facts.text ? (
            <details className="card">
              <summary>Licence text</summary>
              <pre className="license-text">{facts.text}</pre>
            </details>
          ) : null}
        </section>
      )}
    </Show>
  );
}

function PolicyEditor({
  license,
  policy,
  onSaved,
}: {
  license: string;
  policy: LicensePolicy | null;
  onSaved: () => void;
}) {
  const canEdit = useCan('licenses:write');
  const [allowed, setAllowed] = useState<Allowed>(policy?.allowed ?? 'not-reviewed');
  const [review, setReview] = useState<ReviewStatus>(policy?.reviewStatus ?? 'not-reviewed');
  const [comment, setComment] = useState(policy?.comment ?? '');
  const [categories, setCategories] = useState((policy?.categories ?? []).join(', '));
  const [saved, setSaved] = useState(false);
  if (!canEdit) {
    return (
      <dl className="facts">
        <div>
          <dt>Allowed</dt>
          <dd>{ALLOWED_LABELS[policy?.allowed ?? 'not-reviewed']}</dd>
        </div>
        <div>
          <dt>Review</dt>
          <dd>{REVIEW_LABELS[policy?.reviewStatus ?? 'not-reviewed']}</dd>
        </div>
        <div>
          <dt>Comment</dt>
          <dd>{policy?.comment ?? '—'}</dd>
        </div>
      </dl>
    );
  }
  return (
    <ActionForm
      label={`Policy of ${license}`}
      submitLabel="Save policy"
      className="stack"
      onSubmit={async () => {
        await api.setPolicy({
          license,
          allowed,
          reviewStatus: review,
          comment: comment.trim() || null,
          categories: splitList(categories),
        });
        setSaved(true);
        onSaved();
      }}
    >
      <SelectField
        label="Allowed"
        value={allowed}
        onChange={(v) => {
          setAllowed(v as Allowed);
          setSaved(false);
        }}
        options={Object.entries(ALLOWED_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        label="Review status"
        value={review}
        onChange={(v) => setReview(v as ReviewStatus)}
        options={Object.entries(REVIEW_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Field label="Internal comment" value={comment} onChange={(e) => setComment(e.target.value)} />
      <Field
        label="Categories"
        hint="comma separated"
        value={categories}
        onChange={(e) => setCategories(e.target.value)}
      />
      {saved ? (
        <p role="status" className="success">
          Saved.
        </p>
      ) : null}
    </ActionForm>
  );
}
