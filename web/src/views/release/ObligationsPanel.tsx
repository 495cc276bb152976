import type { ObligationGroup } from '../../api/types.js';
import { Empty } from '../../components/status.js';

/** Obligations grouped by compliance action; each group opens onto the usages that trigger it. */
export function ObligationsPanel({ groups, step }: { groups: ObligationGroup[]; step: number }) {
  if (groups.length === 0) {
    return <Empty>{step < 5 ? 'Obligations are listed once the release passes the earlier steps.' : 'No obligation applies to this release.'}</Empty>;
  }
  const sorted = groups.slice().sort((a, b) => Number(isCore(b)) - Number(isCore(a)) || a.action.name.localeCompare(b.action.name));
  return (
    <div className="obligations">
      <p className="muted">{groups.length} compliance actions. Core actions are part of every compliance plan.</p>
      {sorted.map((group) => (
        <details key={group.action.name} className="card obligation">
          <summary>
            <strong>{group.action.name}</strong> {isCore(group) ? <span className="badge">core</span> : null}
            {group.action.category ? <span className="muted small"> · {group.action.category}</span> : null}
            <span className="muted small"> · {group.usages.length} usages</span>
          </summary>
          {group.action.description ? <p>{group.action.description}</p> : null}
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
            {group.usages.slice(0, 500).map((u, i) => (
              <li key={`${u.usageId ?? i}-${u.component}`}>
                {u.component}@{u.version}
                {u.license ? <span className="muted"> ({u.license})</span> : null}
              </li>
            ))}
          </ul>
          {group.usages.length > 500 ? <p className="muted">…and {group.usages.length - 500} more.</p> : null}
        </details>
      ))}
    </div>
  );
}

function isCore(group: ObligationGroup): boolean {
  return Boolean(group.core ?? group.action.core);
}
