import type { ReleaseObligations } from '../../api/types.js';
import { Empty } from '../../components/status.js';

/** Obligations grouped by compliance action; each group opens onto the usages that trigger it. */
export function ObligationsPanel({ plan, step }: { plan: ReleaseObligations; step: number }) {
  const groups = plan.groups;
  if (groups.length === 0) {
    return (
      <Empty>
        {step < 5
          ? 'Obligations are listed once the release passes the earlier steps.'
          : 'No obligation applies to this release.'}
      </Empty>
    );
  }
  const sorted = groups; // the engine already orders them: core actions first, then by usages
  return (
    <div className="obligations">
      <p className="muted">{groups.length} compliance actions triggered by the release's usages.</p>
      {plan.assumptions.map((a) => (
        <p key={a} className="note">
          {a}
        </p>
      ))}
      {plan.unresolved.length ? (
        <p className="notice">
          {plan.unresolved.length} usages are not in this plan yet (licence or exploitation still open): finish the
          validation steps.
        </p>
      ) : null}
      {sorted.map((group) => (
        <details key={group.name} className="card obligation">
          <summary>
            <strong>{group.name}</strong> {group.core ? <span className="badge">core</span> : null}
            {group.category ? <span className="muted small"> · {group.category}</span> : null}
            <span className="muted small"> · {group.usages.length} usages</span>
          </summary>
          {group.action?.description ? <p>{group.action.description}</p> : null}
          <h4>Licence clauses</h4>
          <ul>
            {group.obligations.map((o) => (
              <li key={`${o.license}-${o.name}`}>
                <code>{o.license}</code> — {o.name}
              </li>
            ))}
          </ul>
          <h4>Usages that trigger it</h4>
          <ul className="usage-list">
            {group.usages.slice(0, 500).map((u) => (
              <li key={u.usageId}>
                {u.component}
                <span className="muted">
                  {' '}
                  ({u.licenses.join(', ')}; {u.project || 'root'} / {u.scope || '—'}, {u.exploitation})
                </span>
              </li>
            ))}
          </ul>
          {group.usages.length > 500 ? <p className="muted">…and {group.usages.length - 500} more.</p> : null}
        </details>
      ))}
      {plan.coreActions?.length ? (
        <section className="card" aria-label="Core actions no usage triggers">
          <h4>Core actions no usage triggers</h4>
          <p className="muted small">
            Included by default in every compliance plan; no licence clause of this release calls for them.
          </p>
          <ul>
            {plan.coreActions.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong>
                {a.category ? <span className="muted small"> · {a.category}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
