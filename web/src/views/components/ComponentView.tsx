// A component across the portfolio (issue 8 item 17): the releases that use it, in which projects
// and scopes, under which licence once decisions apply, and the decisions that touch it. Reached from
// every BOM row (usage panel) and every search hit; `/components/<purl or name>` reloads.
import { api } from '../../api/endpoints.js';
import type { ComponentUsage, Decision } from '../../api/types.js';
import { Empty, Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { LINKING_LABELS } from '../release/vocabulary.js';

export function ComponentView({ componentKey }: { componentKey: string }) {
  const loaded = useLoad(() => api.componentUsage(componentKey), [componentKey]);
  return (
    <Show loaded={loaded}>
      {(found) => (
        <section>
          <p className="breadcrumbs">
            <Link to="/search">Search</Link> /
          </p>
          <h1 className="wrap-anywhere">{found.name}</h1>
          <p className="muted">
            <code>{found.key}</code>
            {found.component?.description ? ` — ${found.component.description}` : ''}
          </p>
          <Uses found={found} />
          <Decisions decisions={found.decisions} />
        </section>
      )}
    </Show>
  );
}

function Uses({ found }: { found: ComponentUsage }) {
  if (found.releases.length === 0) return <Empty>No release of the portfolio uses {found.name}.</Empty>;
  const usageCount = found.releases.reduce((n, r) => n + r.usages.length, 0);
  return (
    <div className="table-scroll">
      <table className="compact">
        <caption>
          Used by {found.releases.length} release{found.releases.length === 1 ? '' : 's'} ({usageCount} usage
          {usageCount === 1 ? '' : 's'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Version</th>
            <th scope="col">Project / scope</th>
            <th scope="col">Effective licence</th>
            <th scope="col">Linking</th>
          </tr>
        </thead>
        <tbody>
          {found.releases.flatMap((r) =>
            r.usages.map((u) => (
              <tr key={u.usageId}>
                <td>
                  <Link to={`/releases/${r.release.id}?tab=bom&usage=${u.usageId}`}>
                    {r.productName} {r.release.number}
                  </Link>
                </td>
                <td>{r.version.number}</td>
                <td>
                  {u.project || 'root'} / {u.scope || 'no scope'}
                </td>
                <td>
                  {u.effective ? (
                    <code>{u.effective}</code>
                  ) : (
                    <span className="warn-text">not settled (declared: {r.version.declaredLicense ?? 'none'})</span>
                  )}
                </td>
                <td>{u.linking ? LINKING_LABELS[u.linking] : <span className="muted">not recorded</span>}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

function describe(d: Decision): string {
  if (d.type === 'curation')
    return `${d.kind === 'and-confirmation' ? 'AND confirmation' : 'Curation'}: ${d.fromExpression ?? 'anything found'} → ${d.toExpression}`;
  if (d.type === 'choice') return `Licence choice: ${d.fromExpression} → ${d.toExpression}`;
  return `Derogation: ${d.license} allowed${d.linking ? ` (${d.linking} linking)` : ''}`;
}

function Decisions({ decisions }: { decisions: Decision[] }) {
  return (
    <section className="card" aria-labelledby="component-decisions">
      <h2 id="component-decisions">Decisions that touch it</h2>
      {decisions.length === 0 ? (
        <Empty>No decision names this component or a licence string it declares.</Empty>
      ) : (
        <ul className="plain-list">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{describe(d)}</strong>
              {d.type !== 'curation' || d.version ? (
                <span className="muted small">{d.version ? ` · version ${d.version}` : ''}</span>
              ) : null}
              <br />
              <span className="muted small">
                {d.author}, {new Date(d.createdAt).toLocaleDateString('en-GB')}: {d.explanation}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
