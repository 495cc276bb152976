import { useMemo, useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Blocker, ExploitationRule, ReleaseValidation } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { Empty, ErrorMessage } from '../../components/status.js';
import { Tabs } from '../../components/Tabs.js';
import { BlockerGroups } from './BlockerGroups.js';
import { EXPLOITATION_LABELS } from './vocabulary.js';

/** The six steps as tabs; the first failing step is open by default. */
export function ValidationPanel({
  validation,
  rules,
  releaseId,
  onChanged,
}: {
  validation: ReleaseValidation;
  rules: ExploitationRule[];
  releaseId: number;
  onChanged: () => void;
}) {
  const firstOpen = validation.steps.find((s) => !s.passed)?.step ?? 6;
  const [picked, setPicked] = useState<number | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const current = picked ?? firstOpen;
  const step = validation.steps.find((s) => s.step === current) ?? validation.steps[0];
  if (!step) return <Empty>No validation result.</Empty>;

  return (
    <Tabs
      label="Validation steps"
      current={String(current)}
      onSelect={(id) => {
        setPicked(Number(id));
        setRecorded(null);
      }}
      tabs={validation.steps.map((s) => ({
        id: String(s.step),
        label: (
          <>
            <span className={s.passed ? 'dot ok' : 'dot bad'} aria-hidden="true" />
            {s.step}. {s.name}
            <span className="sr-only">{s.passed ? ' (passed)' : ` (${s.blockerCount} blocking)`}</span>
            {!s.passed && s.blockerCount ? (
              <span className="count" aria-hidden="true">
                {s.blockerCount.toLocaleString('en')}
              </span>
            ) : null}
          </>
        ),
      }))}
    >
      <h3>
        Step {step.step}: {step.name} —{' '}
        {step.passed
          ? 'passed'
          : step.blockerCount
            ? `${step.blockerCount.toLocaleString('en')} blocking`
            : 'waiting on an earlier step'}
      </h3>
      <p className="muted small">
        {step.checked} checked{step.pending ? `, ${step.pending} waiting on an earlier step` : ''}.
      </p>
      {step.notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
      {recorded ? (
        <p role="status" className="success">
          {recorded}
        </p>
      ) : null}
      {step.step === 3 ? <RulesList rules={rules} releaseId={releaseId} onChanged={onChanged} /> : null}
      {step.blockerCount === 0 ? (
        <p className="success">Nothing blocks this step.</p>
      ) : (
        <StepBlockers
          key={`${step.step}-${validation.run?.id ?? ''}`}
          step={step}
          releaseId={releaseId}
          onChanged={onChanged}
          onRecorded={setRecorded}
        />
      )}
    </Tabs>
  );
}

/** Blockers fetched per "load more" (the API's largest page). */
const LOAD_MORE = 1000;

/**
 * A step's blockers: the ones the validation answer lists (its first 500), and more a page at a
 * time for a large release, whose steps can hold tens of thousands.
 */
function StepBlockers({
  step,
  releaseId,
  onChanged,
  onRecorded,
}: {
  step: ReleaseValidation['steps'][number];
  releaseId: number;
  onChanged: () => void;
  onRecorded: (message: string) => void;
}) {
  const [more, setMore] = useState<Blocker[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const blockers = useMemo(
    () => (more.length > 0 ? [...step.blockers, ...more] : step.blockers),
    [step.blockers, more],
  );
  const left = step.blockerCount - blockers.length;
  const loadMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.stepBlockers(releaseId, step.step, { offset: blockers.length, limit: LOAD_MORE });
      setMore((old) => [...old, ...page]);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      {left > 0 ? (
        <div className="note row-between wrap">
          <span>
            Showing {blockers.length.toLocaleString('en')} of {step.blockerCount.toLocaleString('en')} blockers:
            grouping and "Select all" apply to the ones shown.
          </span>
          <button type="button" onClick={() => void loadMore()} disabled={loading}>
            {loading ? 'Loading…' : `Load ${Math.min(LOAD_MORE, left).toLocaleString('en')} more`}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <BlockerGroups
        blockers={blockers}
        total={step.blockerCount}
        releaseId={releaseId}
        onChanged={onChanged}
        onRecorded={onRecorded}
      />
    </>
  );
}

function RulesList({
  rules,
  releaseId,
  onChanged,
}: {
  rules: ExploitationRule[];
  releaseId: number;
  onChanged: () => void;
}) {
  const canWrite = useCan('portfolio:write');
  if (rules.length === 0) return <p className="muted">No exploitation rule yet.</p>;
  return (
    <table className="compact">
      <caption>Exploitation rules of this release</caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Scope</th>
          <th scope="col">Exploitation</th>
          {canWrite ? (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id}>
            <td>{r.project ?? 'any'}</td>
            <td>{r.scope ?? 'any'}</td>
            <td>{EXPLOITATION_LABELS[r.exploitation] ?? r.exploitation}</td>
            {canWrite ? (
              <td>
                <button type="button" onClick={() => api.deleteExploitationRule(releaseId, r.id).then(onChanged)}>
                  Remove
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
