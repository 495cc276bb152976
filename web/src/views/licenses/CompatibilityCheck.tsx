import { useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Compatibility } from '../../api/types.js';
import { ActionForm, Field, SelectField } from '../../components/forms.js';
import { EXPLOITATION_LABELS } from '../release/vocabulary.js';

const LINKING_LABELS: Record<string, string> = {
  aggregation: 'Mere aggregation',
  dynamic: 'Dynamic linking',
  static: 'Static linking',
  mingled: 'Mingled source',
};

export function CompatibilityCheck({ inbound: initialInbound = '' }: { inbound?: string }) {
  const [inbound, setInbound] = useState(initialInbound);
  const [outbound, setOutbound] = useState('');
  const [linking, setLinking] = useState('dynamic');
  const [exploitation, setExploitation] = useState('distribution');
  const [answer, setAnswer] = useState<Compatibility | null>(null);
  const tone = answer
    ? /^(in|not)/i.test(answer.verdict)
      ? 'error'
      : /^compatible/i.test(answer.verdict)
        ? 'success'
        : 'note'
    : '';
  return (
    <>
      <ActionForm
        label="Check compatibility"
        submitLabel="Check"
        onSubmit={async () =>
          setAnswer(
            await api.compatibility({ inbound: inbound.trim(), outbound: outbound.trim(), linking, exploitation }),
          )
        }
      >
        <Field label="Component licence" required value={inbound} onChange={(e) => setInbound(e.target.value)} />
        <Field label="Outbound licence" required value={outbound} onChange={(e) => setOutbound(e.target.value)} />
        <SelectField
          label="Linking"
          value={linking}
          onChange={setLinking}
          options={Object.entries(LINKING_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          label="Exploitation"
          value={exploitation}
          onChange={setExploitation}
          options={Object.entries(EXPLOITATION_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </ActionForm>
      {answer ? (
        <p role="status" className={tone}>
          <strong>{answer.verdict}</strong> ({answer.basis}): {answer.explanation}
        </p>
      ) : null}
    </>
  );
}
