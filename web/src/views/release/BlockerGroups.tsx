// Bulk triage (issue 8 item 16): the blockers of one step grouped by licence or by cause, each
// selectable, and one form that records the decision(s) for the selection.
import { useId, useMemo, useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Blocker } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { BlockerCard } from './BlockerCard.js';
import { BULK_ACTIONS, blockerId, bulkRecords, groupBlockers, type GroupBy } from './bulk-decisions.js';
import { EXPLOITATION_LABELS } from './vocabulary.js';

const SHOWN = 200;

export function BlockerGroups({
  blockers,
  total = blockers.length,
  releaseId,
  onChanged,
  onRecorded,
}: {
  blockers: Blocker[];
  /** How many blockers the step has, when `blockers` are only the first of them. */
  total?: number;
  releaseId: number;
  onChanged: () => void;
  /** Says what a bulk decision recorded (shown by the parent: the step may pass and this list go). */
  onRecorded: (message: string) => void;
}) {
  const id = useId();
  const canDecide = useCan('decisions:write');
  const canPortfolio = useCan('portfolio:write');
  const [by, setBy] = useState<GroupBy>('license');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const groups = useMemo(() => groupBlockers(blockers, by), [blockers, by]);
  const selectable = (b: Blocker) =>
    BULK_ACTIONS.includes(b.fix.action) && (b.fix.action === 'set-exploitation' ? canPortfolio : canDecide);
  const chosen = blockers.filter((b) => selected.has(blockerId(b)));
  const toggle = (ids: string[], on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      for (const one of ids) {
        if (on) next.add(one);
        else next.delete(one);
      }
      return next;
    });

  let budget = SHOWN;
  return (
    <div className="triage">
      <fieldset className="group-by">
        <legend>
          Group the {blockers.length.toLocaleString('en')}
          {total > blockers.length ? ` blockers shown (of ${total.toLocaleString('en')})` : ' blockers'} by
        </legend>
        <label className="choice inline">
          <input type="radio" name={`${id}-by`} checked={by === 'license'} onChange={() => setBy('license')} /> licence
        </label>
        <label className="choice inline">
          <input type="radio" name={`${id}-by`} checked={by === 'cause'} onChange={() => setBy('cause')} /> cause
        </label>
      </fieldset>
      {chosen.length > 0 ? (
        <BulkForm
          key={[...selected].sort().join('\u0001')}
          releaseId={releaseId}
          stepBlockers={blockers}
          selected={chosen}
          onDone={(message) => {
            setSelected(new Set());
            onRecorded(message);
            onChanged();
          }}
        />
      ) : null}
      {groups.map((g) => {
        const ids = g.blockers.filter(selectable).map(blockerId);
        const all = ids.length > 0 && ids.every((one) => selected.has(one));
        const shown = g.blockers.slice(0, Math.max(0, budget));
        budget -= shown.length;
        return (
          <section key={g.key} className="blocker-group" aria-label={`${g.title}: ${g.blockers.length} blocking`}>
            <div className="row-between wrap group-head">
              <h4>
                {by === 'license' ? <code>{g.title}</code> : g.title} · {g.blockers.length} blocking
              </h4>
              {ids.length > 0 ? (
                <label className="choice">
                  <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} /> Select all{' '}
                  {ids.length} of {g.title}
                </label>
              ) : null}
            </div>
            <ul className="blockers">
              {shown.map((b) => {
                const key = blockerId(b);
                return (
                  <BlockerCard
                    key={key}
                    blocker={b}
                    releaseId={releaseId}
                    onDecided={onChanged}
                    selection={
                      selectable(b) ? { selected: selected.has(key), onToggle: (on) => toggle([key], on) } : undefined
                    }
                  />
                );
              })}
            </ul>
            {shown.length < g.blockers.length ? (
              <p className="muted small">
                …and {g.blockers.length - shown.length} more in this group; "Select all" includes them.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function BulkForm({
  releaseId,
  stepBlockers,
  selected,
  onDone,
}: {
  releaseId: number;
  stepBlockers: Blocker[];
  selected: Blocker[];
  onDone: (message: string) => void;
}) {
  const id = useId();
  const first = selected[0]!;
  const action = first.fix.action;
  const oneLicense = new Set(selected.map((b) => b.license ?? '')).size === 1;
  const [expression, setExpression] = useState(
    action === 'set-exploitation'
      ? (first.fix.suggestions[0] ?? 'distribution')
      : oneLicense
        ? (first.fix.suggestions[0] ?? '')
        : '',
  );
  const [explanation, setExplanation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plan = bulkRecords({ releaseId, stepBlockers, selected, expression, explanation });
  // What would be written once explained: the count is shown while the explanation is still empty.
  const preview = bulkRecords({ releaseId, stepBlockers, selected, expression, explanation: explanation || 'pending' });
  const needsExpression = action !== 'add-derogation';

  const submit = async () => {
    if (typeof plan === 'string') return setError(plan);
    setBusy(true);
    setError(null);
    try {
      for (const record of plan) {
        if (record.kind === 'exploitation') await api.setExploitationRule(releaseId, record.body);
        else await api.recordDecision(record.body);
      }
      const what = action === 'set-exploitation' ? 'exploitation rule' : 'decision';
      onDone(
        `Recorded ${plan.length} ${what}${plan.length === 1 ? '' : 's'} for ${selected.length} blocker${selected.length === 1 ? '' : 's'}.`,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card bulk-form stack"
      aria-label="Decide for the selection"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4>
        {selected.length} selected ·{' '}
        {typeof preview === 'string'
          ? 'not ready'
          : `${preview.length} record${preview.length === 1 ? '' : 's'} will be written`}
      </h4>
      {needsExpression && action !== 'set-exploitation' ? (
        <div className="field">
          <label htmlFor={`${id}-expr`}>{action === 'choose-license' ? 'Licence chosen' : 'Expression'}</label>
          <input
            id={`${id}-expr`}
            value={expression}
            onChange={(e) => setExpression(e.target.value)}
            disabled={!oneLicense}
          />
          {!oneLicense ? (
            <span className="hint">
              The selection holds several licences: select one licence's blockers to give them one expression.
            </span>
          ) : null}
        </div>
      ) : null}
      {action === 'set-exploitation' ? (
        <div className="field">
          <label htmlFor={`${id}-exploitation`}>Exploitation</label>
          <select id={`${id}-exploitation`} value={expression} onChange={(e) => setExpression(e.target.value)}>
            {Object.entries(EXPLOITATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-why`}>{action === 'add-derogation' ? 'Justification' : 'Explanation'}</label>
        <input id={`${id}-why`} value={explanation} onChange={(e) => setExplanation(e.target.value)} required />
      </div>
      {typeof plan === 'string' ? (
        <p className="hint">{plan}</p>
      ) : (
        <p className="hint">{describePlan(plan.length, selected.length)}</p>
      )}
      <button type="submit" className="primary" disabled={busy || typeof plan === 'string'}>
        {busy ? 'Working…' : `Record for the ${selected.length} selected`}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function describePlan(records: number, blockers: number): string {
  if (records === 1 && blockers > 1)
    return `One decision covers all ${blockers}: every blocker of that licence in this step is selected.`;
  return `${records} record${records === 1 ? '' : 's'}, one per selected component (only the selection is decided).`;
}
