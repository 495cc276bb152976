// The Vulnerabilities tab of a release: its stored findings (rating, CVSS, EPSS, KEV, fixed
// versions, dependency path, how the match was found), the triage that applies with its history,
// a triage form with the justification vocabulary, a scan on request and the VEX downloads.
import { useId, useState } from 'react';
import {
  vulnApi,
  type FindingCounts,
  type Rating,
  type ReleaseFinding,
  type ReleaseVulnerabilities,
  type TriageBody as Triage,
  type VexFormat,
} from '../../api/vulnerabilities.js';
import { CDX_JUSTIFICATIONS, VEX_JUSTIFICATIONS } from '../../../../src/vulns/vex/analysis.js';
import { useCan } from '../../auth.js';
import { ActionForm } from '../../components/forms.js';
import { Empty, ErrorMessage } from '../../components/status.js';
import { JUSTIFICATIONS, RESPONSES, SCOPES, STATES, stateLabel } from './vex-vocabulary.js';

const RATINGS: readonly Rating[] = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];
type Justification = NonNullable<Triage['justification']>;
type TriageResponse = NonNullable<Triage['responses']>[number];
/** Both vocabularies the server takes: a stored OpenVEX justification is offered back as it is. */
const JUSTIFICATION_VALUES: readonly Justification[] = [...CDX_JUSTIFICATIONS, ...VEX_JUSTIFICATIONS];

export function VulnerabilitiesPanel({
  releaseId,
  view,
  onChanged,
}: {
  releaseId: number;
  view: ReleaseVulnerabilities;
  onChanged: () => void;
}) {
  const canWrite = useCan('vulnerabilities:write');
  const [error, setError] = useState<Error | null>(null);
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const scan = view.scan;
  const shown = view.findings.filter((f) => filter === 'all' || f.open);
  return (
    <div>
      <div className="row-between wrap">
        <p className="small">
          {scan ? (
            <>
              Scanned {new Date(scan.scannedAt).toLocaleString('en-GB')} ({scan.reason}): {scan.summary.checked} of{' '}
              {scan.summary.components} components checkable
              {scan.summary.unchecked
                ? `, ${scan.summary.unchecked} not (${Object.entries(scan.summary.uncheckedReasons)
                    .map(([r, n]) => `${n} ${r}`)
                    .join('; ')})`
                : ''}
              .
            </>
          ) : (
            'This release has not been scanned yet.'
          )}
        </p>
        {canWrite ? (
          <button
            type="button"
            onClick={() => {
              setError(null);
              vulnApi.scan(releaseId).then(onChanged, (err: Error) => setError(err));
            }}
          >
            Scan now
          </button>
        ) : null}
      </div>
      {scan?.stale ? (
        <p className="notice" role="status">
          The release or the vulnerability database changed since this scan: the findings below may be out of date.
          {canWrite ? ' Scan now to refresh them.' : ''}
        </p>
      ) : null}
      <Counts counts={view.counts} />
      <div className="downloads" role="group" aria-label="VEX downloads">
        {(
          [
            ['openvex', 'OpenVEX'],
            ['cyclonedx-vex', 'CycloneDX VEX'],
            ['csaf', 'CSAF VEX'],
          ] as [VexFormat, string][]
        ).map(([format, label]) => (
          <button
            key={format}
            type="button"
            onClick={() => vulnApi.downloadVex(releaseId, format).catch((err: Error) => setError(err))}
          >
            {label}
          </button>
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar" role="group" aria-label="Which findings">
        <label className="choice">
          <input
            type="radio"
            name={`filter-${releaseId}`}
            checked={filter === 'open'}
            onChange={() => setFilter('open')}
          />{' '}
          Open ({view.counts.open})
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`filter-${releaseId}`}
            checked={filter === 'all'}
            onChange={() => setFilter('all')}
          />{' '}
          All ({view.counts.total})
        </label>
      </div>
      {shown.length === 0 ? (
        <Empty>
          {view.findings.length === 0
            ? 'No known vulnerability in this release.'
            : 'No open finding: every finding is triaged as not affected, false positive or resolved.'}
        </Empty>
      ) : (
        <ul className="plain-list" aria-label="Vulnerability findings">
          {shown.map((f) => (
            <FindingCard key={f.id} finding={f} releaseId={releaseId} canWrite={canWrite} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Counts({ counts }: { counts: FindingCounts }) {
  return (
    <ul className="counts" aria-label="Open findings by rating">
      <li className="card">
        <strong>{counts.open}</strong> open of {counts.total}
      </li>
      {RATINGS.filter((r) => counts.byRating[r] > 0 || r === 'critical' || r === 'high').map((r) => (
        <li key={r} className="card">
          <strong>{counts.byRating[r]}</strong> {r}
        </li>
      ))}
      <li className="card">
        <strong>{counts.kevOpen}</strong> known exploited (KEV)
      </li>
    </ul>
  );
}

function FindingCard({
  finding: f,
  releaseId,
  canWrite,
  onChanged,
}: {
  finding: ReleaseFinding;
  releaseId: number;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const v = f.vulnerability;
  const headingId = useId();
  return (
    <li className="card finding" id={`finding-${f.id}`} aria-labelledby={headingId}>
      <div className="row-between wrap">
        <h3 id={headingId} style={{ margin: 0 }}>
          {v.id} <span className="muted small">in {f.component.purl || f.component.name}</span>
        </h3>
        <span>
          <span className="badge">
            {v.severity.rating}
            {v.severity.score != null ? ` ${v.severity.score.toFixed(1)}` : ''}
          </span>{' '}
          {v.kev ? (
            <span className="badge" title={`In CISA KEV since ${v.kev.dateAdded}`}>
              KEV
            </span>
          ) : null}{' '}
          <span className="badge" aria-label="Triage state">
            {f.conflict ? 'Conflict' : stateLabel(f.analysis?.state)}
          </span>
        </span>
      </div>
      {v.summary ? <p>{v.summary}</p> : null}
      <dl className="small">
        {v.aliases.length ? (
          <>
            <dt>Also known as</dt>
            <dd>{v.aliases.join(', ')}</dd>
          </>
        ) : null}
        <dt>Fixed in</dt>
        <dd>{v.fixed.length ? v.fixed.join(', ') : 'no fixed version known'}</dd>
        {v.epss ? (
          <>
            <dt>EPSS</dt>
            <dd>
              {(v.epss.probability * 100).toFixed(2)} % (percentile {(v.epss.percentile * 100).toFixed(0)})
            </dd>
          </>
        ) : null}
        {v.severity.vector ? (
          <>
            <dt>CVSS vector</dt>
            <dd>{v.severity.vector}</dd>
          </>
        ) : null}
        <dt>How it was found</dt>
        <dd>
          {f.match.record} (modified {f.match.modified.slice(0, 10)}),{' '}
          {f.match.via === 'range'
            ? `range from ${f.match.introduced ?? '?'}${f.match.closedBy ? ` to ${f.match.closedBy.kind} ${f.match.closedBy.version}` : ''}${f.match.scheme ? ` (${f.match.scheme.title})` : ''}`
            : 'listed version'}
        </dd>
        <dt>Dependency path</dt>
        <dd>
          {f.path.reachable
            ? `${f.path.steps.join(' → ')}${f.path.omitted ? ` (${f.path.omitted} steps left out)` : ''}`
            : 'not connected in the dependency graph'}
        </dd>
        {f.analysis ? (
          <>
            <dt>Triage</dt>
            <dd>
              {stateLabel(f.analysis.state)}
              {f.analysis.justification ? ` (${f.analysis.justification})` : ''} by {f.analysis.author},{' '}
              {new Date(f.analysis.createdAt).toLocaleString('en-GB')} — {f.analysis.scope}
              {f.analysis.detail ? <span className="hint"> “{f.analysis.detail}”</span> : null}
            </dd>
          </>
        ) : null}
        {f.conflict ? (
          <>
            <dt>Conflict</dt>
            <dd className="error">
              {f.conflict.map((c) => `${stateLabel(c.state)} by ${c.author} (${c.scope})`).join(' vs ')}: record an
              analysis for this release to settle it.
            </dd>
          </>
        ) : null}
        {f.warnings?.length ? (
          <>
            <dt>Warnings</dt>
            <dd className="error">
              <ul className="small">
                {f.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {f.analysis && f.analysis.history.length ? (
        <details>
          <summary>History ({f.analysis.history.length})</summary>
          <ul className="small">
            {f.analysis.history.map((h, i) => (
              <li key={i}>
                {stateLabel(h.state)}
                {h.justification ? ` (${h.justification})` : ''} by {h.author},{' '}
                {new Date(h.createdAt).toLocaleString('en-GB')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWrite ? (
        open ? (
          <TriageForm
            finding={f}
            releaseId={releaseId}
            onDone={() => {
              setOpen(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            Triage {v.id}
          </button>
        )
      ) : null}
    </li>
  );
}

function TriageForm({
  finding: f,
  releaseId,
  onDone,
}: {
  finding: ReleaseFinding;
  releaseId: number;
  onDone: () => void;
}) {
  const [state, setState] = useState<Triage['state']>(
    STATES.find((s) => s.value === f.analysis?.state)?.value ?? 'in_triage',
  );
  const [justification, setJustification] = useState<Justification | ''>(
    JUSTIFICATION_VALUES.find((j) => j === f.analysis?.justification) ?? '',
  );
  const [response, setResponse] = useState<TriageResponse | ''>('');
  const [detail, setDetail] = useState('');
  const [scope, setScope] = useState<NonNullable<Triage['scope']>>('release');
  const [allVersions, setAllVersions] = useState(false);
  const id = useId();
  const needsWhy = state === 'not_affected' || state === 'false_positive';
  const stateHelp = STATES.find((s) => s.value === state)?.help;
  const justificationHelp = JUSTIFICATIONS.find((j) => j.value === justification)?.help;
  return (
    <ActionForm
      label={`Triage ${f.vulnerability.id}`}
      submitLabel="Record triage"
      className="stack fix-form"
      onSubmit={async () => {
        await vulnApi.triage(releaseId, {
          component: f.component.purl || f.component.name,
          vulnerability: f.vulnerability.id,
          state,
          ...(needsWhy && justification ? { justification } : {}),
          ...(response ? { responses: [response] } : {}),
          ...(detail.trim() ? { detail: detail.trim() } : {}),
          scope,
          allVersions,
        });
        onDone();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select
          id={`${id}-state`}
          value={state}
          onChange={(e) => setState(e.target.value as Triage['state'])}
          aria-describedby={`${id}-state-help`}
        >
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <span id={`${id}-state-help`} className="hint">
          {stateHelp}
        </span>
      </div>
      {needsWhy ? (
        <div className="field">
          <label htmlFor={`${id}-justification`}>Justification</label>
          <select
            id={`${id}-justification`}
            value={justification}
            onChange={(e) => setJustification(e.target.value as Justification | '')}
            aria-describedby={`${id}-justification-help`}
          >
            <option value="">— none (give a detail instead) —</option>
            {JUSTIFICATIONS.map((j) => (
              <option key={j.value} value={j.value}>
                {j.label}
              </option>
            ))}
          </select>
          <span id={`${id}-justification-help`} className="hint">
            {justificationHelp ?? 'OpenVEX and CSAF require a justification or a detail for “not affected”.'}
          </span>
        </div>
      ) : null}
      {state === 'exploitable' || state === 'in_triage' ? (
        <div className="field">
          <label htmlFor={`${id}-response`}>Response</label>
          <select
            id={`${id}-response`}
            value={response}
            onChange={(e) => setResponse(e.target.value as TriageResponse | '')}
          >
            <option value="">— none —</option>
            {RESPONSES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-detail`}>Detail</label>
        <textarea
          id={`${id}-detail`}
          value={detail}
          maxLength={65536}
          rows={2}
          onChange={(e) => setDetail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>Applies to</label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
          {SCOPES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={allVersions} onChange={(e) => setAllVersions(e.target.checked)} /> Every version
        of {f.component.name}, not only {f.component.version ?? 'this one'}
      </label>
    </ActionForm>
  );
}
