import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { ReleaseDiff } from '../api/types.js';
import { ActionForm } from '../components/forms.js';
import { Empty, Show } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { navigate, usePath } from '../router.js';
import { VulnerabilityDiffCard } from './VulnerabilityDiffCard.js';

/** Release-to-release diff: components added, removed, upgraded, and licence choices changed. */
export function DiffView() {
  const { query } = usePath();
  const from = Number(query.get('from') ?? 0);
  const to = Number(query.get('to') ?? 0);
  const options = useLoad(() => Promise.all([api.products(), api.releases()]), []);
  const [pickFrom, setPickFrom] = useState(from ? String(from) : '');
  const [pickTo, setPickTo] = useState(to ? String(to) : '');
  const diff = useLoad(() => (from && to ? api.diff(from, to) : Promise.resolve(null)), [from, to]);

  return (
    <section>
      <h1>Release diff</h1>
      <Show loaded={options}>
        {([products, releases]) => {
          const names = new Map(products.map((p) => [p.id, p.name]));
          const choices = releases.map((r) => ({
            value: String(r.id),
            label: `${names.get(r.productId) ?? ''} ${r.number}`,
          }));
          return (
            <ActionForm
              label="Choose two releases"
              submitLabel="Compare"
              onSubmit={async () => navigate(`/diff?from=${pickFrom}&to=${pickTo}`)}
            >
              <div className="field">
                <label htmlFor="diff-from">From</label>
                <select id="diff-from" value={pickFrom} required onChange={(e) => setPickFrom(e.target.value)}>
                  <option value="">Choose…</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="diff-to">To</label>
                <select id="diff-to" value={pickTo} required onChange={(e) => setPickTo(e.target.value)}>
                  <option value="">Choose…</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            </ActionForm>
          );
        }}
      </Show>
      {from && to ? <Show loaded={diff}>{(d) => (d ? <DiffTables diff={d} /> : null)}</Show> : null}
      {from && to ? <VulnerabilityDiffCard from={from} to={to} /> : null}
    </section>
  );
}

function DiffTables({ diff }: { diff: ReleaseDiff }) {
  const total = diff.added.length + diff.removed.length + diff.versionChanged.length + diff.choiceChanged.length;
  if (total === 0) return <Empty>The two releases ship the same components with the same licence choices.</Empty>;
  return (
    <div className="stack">
      <p className="muted">
        {diff.added.length} added, {diff.removed.length} removed, {diff.versionChanged.length} version changes,{' '}
        {diff.choiceChanged.length} licence choice changes.
      </p>
      <DiffList
        title="Added"
        rows={diff.added.map((u) => `${u.component}@${u.version} (${u.project || 'root'} / ${u.scope || '—'})`)}
        tone="ok"
      />
      <DiffList
        title="Removed"
        rows={diff.removed.map((u) => `${u.component}@${u.version} (${u.project || 'root'} / ${u.scope || '—'})`)}
        tone="bad"
      />
      <DiffList
        title="Version changed"
        rows={diff.versionChanged.map((u) => `${u.component}: ${u.from} → ${u.to}`)}
        tone="neutral"
      />
      <DiffList
        title="Licence choice changed"
        rows={diff.choiceChanged.map((u) => `${u.component}@${u.version}: ${u.from ?? 'none'} → ${u.to ?? 'none'}`)}
        tone="warn"
      />
    </div>
  );
}

function DiffList({ title, rows, tone }: { title: string; rows: string[]; tone: string }) {
  if (rows.length === 0) return null;
  return (
    <details className={`card diff-${tone}`} open={rows.length <= 50}>
      <summary>
        <strong>{title}</strong> ({rows.length})
      </summary>
      <ul className="usage-list">
        {rows.slice(0, 2000).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </details>
  );
}
