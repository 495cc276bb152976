import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { Decision } from '../api/types.js';
import { useCan } from '../auth.js';
import { Empty, ErrorMessage, Show } from '../components/status.js';
import { Tabs } from '../components/Tabs.js';
import { useLoad } from '../components/use-load.js';

const KINDS = [
  { id: 'curation', label: 'Curations' },
  { id: 'choice', label: 'Licence choices' },
  { id: 'derogation', label: 'Derogations' },
  { id: 'context', label: 'Authorised contexts' },
];

function kindOf(d: Decision): string {
  if (d.type === 'derogation' && d.productId === null && d.releaseId === null) return 'context';
  return d.type;
}

function scopeText(d: Decision): string {
  const parts: string[] = [];
  if (d.type === 'curation') {
    parts.push(d.component ? `${d.component}${d.version ? `@${d.version}` : ' (all versions)'}` : 'everything');
    return parts.join(' · ');
  }
  if (d.releaseId !== null) parts.push(`release #${d.releaseId}`);
  else if (d.productId !== null) parts.push(`product #${d.productId}`);
  else if (d.categoryId !== null) parts.push(`category #${d.categoryId}`);
  else parts.push('all products');
  if (d.component) parts.push(`${d.component}${d.version ? `@${d.version}` : ''}`);
  if (d.scope) parts.push(`scope ${d.scope}`);
  if (d.project) parts.push(`project ${d.project}`);
  if (d.exploitation) parts.push(d.exploitation);
  return parts.join(' · ');
}

function whatText(d: Decision): string {
  if (d.type === 'derogation') {
    const when = [d.linking && `${d.linking} linking`, d.modification].filter(Boolean);
    return `${d.license} allowed${when.length ? ` when ${when.join(', ')}` : ''}`;
  }
  return `${d.fromExpression ?? '(any)'} → ${d.toExpression}${d.type === 'curation' && d.kind === 'and-confirmation' ? ' (AND confirmation)' : ''}`;
}

export function DecisionsView() {
  const loaded = useLoad(() => api.decisions(), []);
  const canEdit = useCan('decisions:write');
  const [kind, setKind] = useState('curation');
  const [error, setError] = useState<Error | null>(null);
  const act = (fn: () => Promise<unknown>) => {
    setError(null);
    fn().then(loaded.reload, (err: Error) => setError(err));
  };

  return (
    <section>
      <h1>Decisions</h1>
      <p className="muted">
        Every decision is reused by the releases in its scope. Removing one puts the matching usages back in front of a
        reviewer.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      <Show loaded={loaded}>
        {(decisions) => {
          const rows = decisions.filter((d) => kindOf(d) === kind);
          return (
            <Tabs
              label="Decision kinds"
              current={kind}
              onSelect={setKind}
              tabs={KINDS.map((k) => ({
                id: k.id,
                label: `${k.label} (${decisions.filter((d) => kindOf(d) === k.id).length})`,
              }))}
            >
              {rows.length === 0 ? (
                <Empty>None recorded.</Empty>
              ) : (
                <>
                  <div className="table-scroll">
                    <table className="compact">
                      <thead>
                        <tr>
                          <th scope="col">Decision</th>
                          <th scope="col">Applies to</th>
                          <th scope="col">By</th>
                          <th scope="col">Why</th>
                          {canEdit ? (
                            <th scope="col">
                              <span className="sr-only">Actions</span>
                            </th>
                          ) : null}
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((d) => (
                          <tr key={d.id}>
                            <td>
                              <code>{whatText(d)}</code>
                            </td>
                            <td>{scopeText(d)}</td>
                            <td>
                              {d.author}
                              <div className="muted small">{new Date(d.createdAt).toLocaleDateString('en-GB')}</div>
                            </td>
                            <td>{d.explanation}</td>
                            {canEdit ? (
                              <td>
                                <button
                                  type="button"
                                  onClick={() => act(() => api.deleteDecision(d.id))}
                                  aria-label={`Remove decision ${whatText(d)}`}
                                >
                                  Remove
                                </button>
                              </td>
                            ) : null}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {canEdit ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (
                          confirm(`Remove all ${rows.length} ${KINDS.find((k) => k.id === kind)?.label.toLowerCase()}?`)
                        ) {
                          act(() =>
                            kind === 'context' || kind === 'derogation'
                              ? Promise.all(rows.map((d) => api.deleteDecision(d.id)))
                              : api.resetDecisions({ type: kind }),
                          );
                        }
                      }}
                    >
                      Reset all {KINDS.find((k) => k.id === kind)?.label.toLowerCase()}
                    </button>
                  ) : null}
                </>
              )}
            </Tabs>
          );
        }}
      </Show>
    </section>
  );
}
