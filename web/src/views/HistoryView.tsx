// The change history (issue 8 item 18): every decision recorded or removed, every licence policy
// edit, every approval and shipping, with who, when, why, and before and after.
import { api } from '../api/endpoints.js';
import type { ChangeRecord, ChangeSubject } from '../api/types.js';
import { Empty, Show } from '../components/status.js';
import { useLoad } from '../components/use-load.js';
import { Link, navigate, usePath } from '../router.js';

const SUBJECTS: Array<{ value: ChangeSubject | ''; label: string }> = [
  { value: '', label: 'Everything' },
  { value: 'decision', label: 'Decisions' },
  { value: 'policy', label: 'Licence policies' },
  { value: 'release', label: 'Release sign-off' },
];

const ACTION_LABELS: Record<string, string> = {
  created: 'recorded',
  deleted: 'removed',
  updated: 'changed',
  approved: 'approved',
  shipped: 'shipped',
};

export function HistoryView() {
  const { query } = usePath();
  const subject = query.get('subject') ?? '';
  const release = Number(query.get('release') ?? 0) || undefined;
  const loaded = useLoad(() => api.history({ subject: subject || undefined, releaseId: release }), [subject, release]);
  const go = (next: { subject?: string; release?: number }) => {
    const params = new URLSearchParams();
    if (next.subject) params.set('subject', next.subject);
    if (next.release) params.set('release', String(next.release));
    const text = params.toString();
    navigate(text ? `/history?${text}` : '/history');
  };
  return (
    <section>
      <h1>History</h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="history-subject">Show</label>
          <select id="history-subject" value={subject} onChange={(e) => go({ subject: e.target.value, release })}>
            {SUBJECTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {release ? (
          <p>
            Release {release} only · <Link to={subject ? `/history?subject=${subject}` : '/history'}>all releases</Link>
          </p>
        ) : null}
      </div>
      <Show loaded={loaded}>
        {(changes) =>
          changes.length === 0 ? (
            <Empty>Nothing was changed yet.</Empty>
          ) : (
            <ol className="plain-list history" aria-label="Changes, newest first">
              {changes.map((c) => (
                <Change key={c.id} change={c} />
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

function subjectLink(c: ChangeRecord) {
  if (c.subject === 'policy')
    return <Link to={`/licenses/${encodeURIComponent(c.subjectId)}`}>policy of {c.subjectId}</Link>;
  if (c.subject === 'release') return <Link to={`/releases/${c.subjectId}`}>release {c.subjectId}</Link>;
  return <span>decision {c.subjectId}</span>;
}

function summary(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (v.type === 'curation' || v.type === 'choice')
    return `${v.type}: ${String(v.fromExpression ?? 'anything')} → ${String(v.toExpression)}`;
  if (v.type === 'derogation')
    return `derogation: ${String(v.license)} allowed${v.releaseId ? ` in release ${String(v.releaseId)}` : ''}${v.component ? ` for ${String(v.component)}` : ''}`;
  if ('allowed' in v)
    return `allowed: ${String(v.allowed)}, review: ${String(v.reviewStatus)}${v.comment ? `, “${String(v.comment)}”` : ''}`;
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
    .join(', ');
}

function Change({ change }: { change: ChangeRecord }) {
  return (
    <li className="change">
      <p>
        <strong>{change.actor}</strong> {ACTION_LABELS[change.action] ?? change.action} {subjectLink(change)}
        <span className="muted small"> · {new Date(change.at).toLocaleString('en-GB')}</span>
      </p>
      {change.reason ? <p className="small">Why: {change.reason}</p> : null}
      <dl className="before-after small">
        <div>
          <dt>Before</dt>
          <dd>{summary(change.before)}</dd>
        </div>
        <div>
          <dt>After</dt>
          <dd>{summary(change.after)}</dd>
        </div>
      </dl>
    </li>
  );
}
