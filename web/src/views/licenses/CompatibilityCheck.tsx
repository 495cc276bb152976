import { useState } from 'react';
import { api } from '../../api/endpoints.js';
import { ActionForm, Field } from '../../components/forms.js';

export function CompatibilityCheck({ inbound: initialInbound = '' }: { inbound?: string }) {
  const [inbound, setInbound] = useState(initialInbound);
  const [outbound, setOutbound] = useState('');
  const [answer, setAnswer] = useState<{ compatible: boolean | null; explanation?: string; reason?: string } | null>(null);
  return (
    <>
      <ActionForm
        label="Check compatibility"
        submitLabel="Check"
        onSubmit={async () => setAnswer(await api.compatibility(inbound.trim(), outbound.trim()))}
      >
        <Field label="Component licence" required value={inbound} onChange={(e) => setInbound(e.target.value)} />
        <Field label="Outbound licence" required value={outbound} onChange={(e) => setOutbound(e.target.value)} />
      </ActionForm>
      {answer ? (
        <p role="status" className={answer.compatible === false ? 'error' : answer.compatible ? 'success' : 'note'}>
          {answer.compatible === null ? 'Unknown' : answer.compatible ? 'Compatible' : 'Not compatible'}
          {answer.explanation || answer.reason ? `: ${answer.explanation ?? answer.reason}` : ''}
        </p>
      ) : null}
    </>
  );
}
