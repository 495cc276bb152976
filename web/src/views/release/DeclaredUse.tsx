// The release's declared use (ADR 17, issue 10 items 4 and 7): how the product is used, which step 5
// judges the use restrictions of model and data licences against. Legal and compliance officers edit
// it (ADR 31); every other role reads it. Beside it, step 5's use-restriction findings of the newest
// validation run, so that a saved declaration shows at once what it clears or raises.
import { useState } from 'react';
import { aiApi, type ReleaseUse } from '../../api/ai.js';
import type { Blocker } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ActionForm, SelectField } from '../../components/forms.js';
import type { FieldOfUse, UseDeclaration } from '../../../../src/model/use-declaration.js';

/** Step 5 kinds that come from the use declaration. */
export const USE_FINDING_KINDS = ['use-restriction-conflict', 'use-undeclared'];

type Flag = '' | 'yes' | 'no';
const flagOf = (v: boolean | null): Flag => (v === null ? '' : v ? 'yes' : 'no');
const boolOf = (f: Flag): boolean | null => (f === '' ? null : f === 'yes');

export function declaredUseLine(use: ReleaseUse): string {
  const d = use.declaration;
  const parts = [
    d.commercial === null ? 'commercial use not declared' : d.commercial ? 'commercial' : 'non-commercial',
    d.fieldsOfUse === null
      ? 'fields of use not declared'
      : d.fieldsOfUse.length
        ? `fields: ${d.fieldsOfUse.join(', ')}`
        : 'no sensitive field of use',
    d.monthlyActiveUsers === null
      ? 'monthly active users not declared'
      : `${d.monthlyActiveUsers.toLocaleString('en')} monthly active users`,
    d.outputsTrainOtherModels === null
      ? 'training on outputs not declared'
      : d.outputsTrainOtherModels
        ? 'outputs train other models'
        : 'outputs train no other model',
    d.licenseeInEu === null
      ? 'EU establishment not declared'
      : d.licenseeInEu
        ? 'licensee in the EU'
        : 'licensee outside the EU',
  ];
  return parts.join(' · ');
}

export function DeclaredUse({ use, findings, onSaved }: { use: ReleaseUse; findings: Blocker[]; onSaved: () => void }) {
  const canEdit = useCan('decisions:write');
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="ai-use-title">
      <h3 id="ai-use-title">Declared use</h3>
      <p>{declaredUseLine(use)}</p>
      {use.updatedAt ? (
        <p className="muted small">
          Declared by {use.updatedBy ?? 'unknown'},{' '}
          {new Date(use.updatedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC.
        </p>
      ) : null}
      {canEdit && editing ? (
        <UseForm
          use={use}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : canEdit ? (
        <button type="button" onClick={() => setEditing(true)}>
          Edit the declared use
        </button>
      ) : (
        <p className="muted small">Legal and compliance officers declare the use.</p>
      )}
      <UseFindings findings={findings} />
    </section>
  );
}

function UseFindings({ findings }: { findings: Blocker[] }) {
  return (
    <section aria-labelledby="ai-use-findings-title">
      <h4 id="ai-use-findings-title">Use restrictions in step 5</h4>
      {findings.length === 0 ? (
        <p className="muted">
          No use restriction of the release's licences conflicts with this declaration or waits for it.
        </p>
      ) : (
        <ul aria-label="Use-restriction findings" className="plain-list">
          {findings.map((b, i) => (
            <li key={i}>
              <strong>{b.kind === 'use-restriction-conflict' ? 'Conflict' : 'Not declared'}</strong> ·{' '}
              <span className="wrap-anywhere">{b.component ?? 'release'}</span> (
              <code className="wrap-anywhere">{b.license ?? 'no licence'}</code>): {b.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FLAG_OPTIONS = (yes: string, no: string) => [
  { value: '', label: 'Not declared' },
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];

function UseForm({ use, onSaved, onCancel }: { use: ReleaseUse; onSaved: () => void; onCancel: () => void }) {
  const d = use.declaration;
  const [commercial, setCommercial] = useState<Flag>(flagOf(d.commercial));
  const [fieldsDeclared, setFieldsDeclared] = useState(d.fieldsOfUse !== null);
  const [fields, setFields] = useState<Set<string>>(new Set(d.fieldsOfUse ?? []));
  const [users, setUsers] = useState(d.monthlyActiveUsers === null ? '' : String(d.monthlyActiveUsers));
  const [trains, setTrains] = useState<Flag>(flagOf(d.outputsTrainOtherModels));
  const [inEu, setInEu] = useState<Flag>(flagOf(d.licenseeInEu));
  const toggle = (id: string, on: boolean) =>
    setFields((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = async () => {
    const trimmed = users.trim().replace(/[\s,_]/g, '');
    if (trimmed !== '' && !/^\d+$/.test(trimmed))
      throw new Error(`Monthly active users: "${users}" is not a whole number (leave it empty when not declared)`);
    const declaration: UseDeclaration = {
      commercial: boolOf(commercial),
      fieldsOfUse: fieldsDeclared ? ([...fields].sort() as FieldOfUse[]) : null,
      monthlyActiveUsers: trimmed === '' ? null : Number(trimmed),
      outputsTrainOtherModels: boolOf(trains),
      licenseeInEu: boolOf(inEu),
    };
    await aiApi.setReleaseUse(use.releaseId, declaration);
    onSaved();
  };
  return (
    <ActionForm label="Declared use" submitLabel="Save the declared use" onSubmit={save} className="stack">
      <SelectField
        label="Commercial use"
        value={commercial}
        onChange={(v) => setCommercial(v as Flag)}
        options={FLAG_OPTIONS('Commercial', 'Non-commercial')}
      />
      <fieldset>
        <legend>Sensitive fields of use</legend>
        <label className="choice">
          <input type="checkbox" checked={fieldsDeclared} onChange={(e) => setFieldsDeclared(e.target.checked)} />{' '}
          Declared (tick every field the product serves; none ticked = none)
        </label>
        {use.fieldsOfUse.map((f) => (
          <label key={f.id} className="choice">
            <input
              type="checkbox"
              disabled={!fieldsDeclared}
              checked={fields.has(f.id)}
              onChange={(e) => toggle(f.id, e.target.checked)}
            />{' '}
            <strong>{f.id}</strong>: {f.description}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="use-monthly-users">Monthly active users</label>
        <input
          id="use-monthly-users"
          inputMode="numeric"
          value={users}
          onChange={(e) => setUsers(e.target.value)}
          aria-describedby="use-monthly-users-hint"
        />
        <span id="use-monthly-users-hint" className="hint">
          Of the licensee's products and services; empty = not declared.
        </span>
      </div>
      <SelectField
        label="Model outputs train other models"
        value={trains}
        onChange={(v) => setTrains(v as Flag)}
        options={FLAG_OPTIONS('Yes', 'No')}
      />
      <SelectField
        label="Licensee established in the EU"
        value={inEu}
        onChange={(v) => setInEu(v as Flag)}
        options={FLAG_OPTIONS('Yes', 'No')}
      />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </ActionForm>
  );
}
