import { useDeferredValue, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import type { LicenseSummary } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { Show } from '../../components/status.js';
import { useLoad } from '../../components/use-load.js';
import { Link } from '../../router.js';
import { CompatibilityCheck } from './CompatibilityCheck.js';
import { HermineDiff } from './HermineDiff.js';
import { ALLOWED_LABELS } from './policy-vocabulary.js';

const PAGE = 100;

export function LicensesView() {
  const loaded = useLoad(() => api.licenses(), []);
  const canEdit = useCan('licenses:write');
  const [search, setSearch] = useState('');
  const [allowed, setAllowed] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const needle = useDeferredValue(search.trim().toLowerCase());

  return (
    <section>
      <h1>Licence catalogue</h1>
      <Show loaded={loaded}>
        {(licenses) => (
          <Catalogue
            licenses={licenses}
            needle={needle}
            allowed={allowed}
            limit={limit}
            controls={
              <div className="toolbar" role="search" aria-label="Filter licences">
                <div className="field">
                  <label htmlFor="license-search">Search</label>
                  <input
                    id="license-search"
                    type="search"
                    value={search}
                    onChange={(e) => setSearch(e.target.value)}
                    placeholder="MIT, GPL…"
                  />
                </div>
                <div className="field">
                  <label htmlFor="license-allowed">Policy</label>
                  <select id="license-allowed" value={allowed} onChange={(e) => setAllowed(e.target.value)}>
                    <option value="">Any</option>
                    {Object.entries(ALLOWED_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            }
            onMore={() => setLimit((n) => n + PAGE)}
          />
        )}
      </Show>
      <div className="grid two">
        <section className="card">
          <h2>Compatibility</h2>
          <CompatibilityCheck />
        </section>
        <section className="card">
          <h2>Compare with a Hermine reference</h2>
          {canEdit ? (
            <HermineDiff />
          ) : (
            <p className="muted">Legal and compliance officers can compare the catalogue with a Hermine export.</p>
          )}
        </section>
      </div>
    </section>
  );
}

function Catalogue({
  licenses,
  needle,
  allowed,
  limit,
  controls,
  onMore,
}: {
  licenses: LicenseSummary[];
  needle: string;
  allowed: string;
  limit: number;
  controls: ReactNode;
  onMore: () => void;
}) {
  const rows = licenses.filter(
    (l) =>
      (!needle || l.id.toLowerCase().includes(needle) || l.name.toLowerCase().includes(needle)) &&
      (!allowed || l.policy.allowed === allowed),
  );
  return (
    <>
      {controls}
      <p className="muted small" aria-live="polite">
        {rows.length} of {licenses.length} licences
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Licence</th>
              <th scope="col">Name</th>
              <th scope="col">Copyleft</th>
              <th scope="col">Obligations</th>
              <th scope="col">Policy</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((l) => {
              const status = l.policy.allowed;
              return (
                <tr key={l.id}>
                  <td>
                    <Link to={`/licenses/${encodeURIComponent(l.id)}`}>{l.id}</Link>
                  </td>
                  <td>{l.name}</td>
                  <td>{l.copyleft ?? '—'}</td>
                  <td>{l.obligations}</td>
                  <td>
                    <span className={`badge allowed-${status}`}>{ALLOWED_LABELS[status]}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > limit ? (
        <button type="button" onClick={onMore}>
          Show more
        </button>
      ) : null}
    </>
  );
}
