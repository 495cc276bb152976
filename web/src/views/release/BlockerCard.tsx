import { useId, useState } from 'react';
import { api } from '../../api/endpoints.js';
import type { Blocker, CurationProposal, Generalisation, NewDecisionBody } from '../../api/types.js';
import { useCan } from '../../auth.js';
import { ActionForm } from '../../components/forms.js';
import { Link } from '../../router.js';
import { EXPLOITATION_LABELS, LINKING_LABELS, MODIFICATION_LABELS } from './vocabulary.js';
import { EXPLOITATIONS, type Linking, type Modification } from '../../../../src/model/usage-context.js';

const ACTION_LABELS: Record<string, string> = {
  curate: 'Curate the licence',
  'confirm-and': 'Confirm the AND',
  'set-exploitation': 'Set the exploitation',
  'choose-license': 'Choose a licence',
  'add-derogation': 'Add a derogation',
  'review-policy': 'Review the policy',
  'change-outbound': 'Change the outbound licences',
  'set-outbound': 'Set an outbound licence',
  'set-linking': 'Record the linking',
};

const ANY_SCOPE = {
  categoryId: null,
  productId: null,
  releaseId: null,
  scope: null,
  project: null,
  exploitation: null,
  component: null,
  version: null,
};

/** One blocker of one step, with the form that records the decision clearing it. */
export function BlockerCard({
  blocker,
  releaseId,
  onDecided,
  selection,
}: {
  blocker: Blocker;
  releaseId: number;
  onDecided: () => void;
  /** Present when the blocker can take part in a bulk decision (issue 8 item 16). */
  selection?: { selected: boolean; onToggle: (on: boolean) => void };
}) {
  const subject = blocker.component
    ? blocker.component
    : `${blocker.project || 'root'} / ${blocker.scope || 'any scope'}`;
  return (
    <li className={selection?.selected ? 'card blocker selected' : 'card blocker'}>
      <div className="row-between">
        <h4>
          {selection ? (
            <input
              type="checkbox"
              className="select-blocker"
              aria-label={`Select ${subject}${blocker.license ? ` (${blocker.license})` : ''}`}
              checked={selection.selected}
              onChange={(e) => selection.onToggle(e.target.checked)}
            />
          ) : null}
          {subject}
        </h4>
        <span className="badge warn">{blocker.kind}</span>
      </div>
      <p>{blocker.message}</p>
      {blocker.license ? (
        <p className="muted small">
          Licence: <code>{blocker.license}</code>
          {blocker.usageIds.length > 1 ? ` · ${blocker.usageIds.length} usages` : ''}
          {blocker.project || blocker.scope ? ` · ${blocker.project || 'root'} / ${blocker.scope || 'any scope'}` : ''}
        </p>
      ) : null}
      <p className="hint">
        <strong>{ACTION_LABELS[blocker.fix.action] ?? blocker.fix.action}:</strong> {blocker.fix.hint}
      </p>
      {blocker.fix.proposal ? <ProposalNote proposal={blocker.fix.proposal} /> : null}
      <FixForm blocker={blocker} releaseId={releaseId} onDecided={onDecided} />
    </li>
  );
}

/**
 * The normaliser's reading of the licence string (issue 8 item 6): the curation form below is
 * filled with it, so accepting it is one click on "Curate the licence".
 */
function ProposalNote({ proposal }: { proposal: CurationProposal }) {
  return (
    <p className="small proposal">
      Normaliser's reading: <code>{proposal.fromExpression}</code> → <code>{proposal.toExpression}</code>,{' '}
      {proposal.confidence} confidence
      {proposal.notes.length ? ` (${proposal.notes.join('; ')})` : ''}. It counts once a curation records it.
    </p>
  );
}

function FixForm({ blocker, releaseId, onDecided }: { blocker: Blocker; releaseId: number; onDecided: () => void }) {
  const canDecide = useCan('decisions:write');
  const canPortfolio = useCan('portfolio:write');
  const id = useId();
  const { fix } = blocker;
  const [expression, setExpression] = useState(
    fix.suggestions[0] ?? (fix.action === 'add-derogation' ? (blocker.license ?? '') : ''),
  );
  const [level, setLevel] = useState(0);
  // What a derogation covers (issue 8 item 3): blank = any linking, either modification.
  const [linking, setLinking] = useState<Linking | ''>('');
  const [modification, setModification] = useState<Modification | ''>('');
  const [explanation, setExplanation] = useState('');
  const generalisations: Generalisation[] = fix.generalisations.length
    ? fix.generalisations
    : [{ level: 'release', scope: { releaseId, component: blocker.componentKey }, description: 'This release only' }];
  const chosen = generalisations[Math.min(level, generalisations.length - 1)];

  if (fix.action === 'review-policy' && blocker.license) {
    return <Link to={`/licenses/${encodeURIComponent(blocker.license)}`}>Open the policy of {blocker.license}</Link>;
  }
  if (fix.action === 'change-outbound' || fix.action === 'set-outbound' || fix.action === 'set-linking') return null;

  if (fix.action === 'set-exploitation') {
    if (!canPortfolio) return <p className="muted small">Your role may not set exploitations.</p>;
    return (
      <ActionForm
        label={`Set the exploitation of ${blocker.project || 'root'} / ${blocker.scope || 'any scope'}`}
        submitLabel="Set exploitation"
        onSubmit={async () => {
          const exploitation = EXPLOITATIONS.find((e) => e === expression);
          if (!exploitation) throw new Error('Choose the exploitation.');
          await api.setExploitationRule(releaseId, {
            scope: blocker.scope || null,
            project: blocker.project || null,
            exploitation,
          });
          onDecided();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-exploitation`}>Exploitation</label>
          <select id={`${id}-exploitation`} value={expression} onChange={(e) => setExpression(e.target.value)}>
            {(fix.suggestions.length ? fix.suggestions : Object.keys(EXPLOITATION_LABELS)).map((e) => (
              <option key={e} value={e}>
                {EXPLOITATION_LABELS[e] ?? e}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
    );
  }

  if (!canDecide) return <p className="muted small">Your role may not record decisions.</p>;

  const isDerogation = fix.action === 'add-derogation';
  const decision = (): NewDecisionBody => {
    const scope = { ...ANY_SCOPE, ...chosen.scope };
    const common = { explanation: explanation.trim() || `${ACTION_LABELS[fix.action]} from the release page` };
    if (fix.action === 'curate' || fix.action === 'confirm-and') {
      return {
        type: 'curation',
        kind: fix.action === 'confirm-and' ? 'and-confirmation' : 'curation',
        component: scope.component,
        version: scope.version,
        fromExpression: blocker.license,
        toExpression: expression.trim(),
        ...common,
      };
    }
    if (fix.action === 'choose-license')
      return { type: 'choice', ...scope, fromExpression: blocker.license, toExpression: expression.trim(), ...common };
    return {
      type: 'derogation',
      ...scope,
      license: expression.trim() || (blocker.license ?? ''),
      linking: linking || null,
      modification: modification || null,
      ...common,
    };
  };

  return (
    <ActionForm
      label={`${ACTION_LABELS[fix.action]} for ${blocker.component ?? blocker.license ?? ''}`}
      submitLabel={ACTION_LABELS[fix.action] ?? 'Record'}
      className="stack fix-form"
      onSubmit={async () => {
        await api.recordDecision(decision());
        onDecided();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-expr`}>{isDerogation ? 'Licence allowed' : 'Expression'}</label>
        <input
          id={`${id}-expr`}
          list={`${id}-suggestions`}
          required
          value={expression}
          onChange={(e) => setExpression(e.target.value)}
        />
        <datalist id={`${id}-suggestions`}>
          {fix.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {fix.suggestions.length > 1 ? (
          <div className="suggestions" role="group" aria-label="Suggestions">
            {fix.suggestions.slice(0, 6).map((s) => (
              <button
                key={s}
                type="button"
                className={s === expression ? 'chip on' : 'chip'}
                aria-pressed={s === expression}
                onClick={() => setExpression(s)}
              >
                {s}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <fieldset>
        <legend>Applies to</legend>
        {generalisations.map((g, i) => (
          <label key={g.level} className="choice">
            <input type="radio" name={`${id}-level`} checked={i === level} onChange={() => setLevel(i)} />{' '}
            {g.description}
          </label>
        ))}
      </fieldset>
      {isDerogation ? (
        <CoverageFields
          id={id}
          linking={linking}
          setLinking={setLinking}
          modification={modification}
          setModification={setModification}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-why`}>{isDerogation ? 'Justification' : 'Explanation'}</label>
        <input
          id={`${id}-why`}
          required={isDerogation}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
    </ActionForm>
  );
}

interface CoverageProps {
  id: string;
  linking: Linking | '';
  setLinking: (v: Linking | '') => void;
  modification: Modification | '';
  setModification: (v: Modification | '') => void;
}

/** The linking and modification a derogation covers, as Hermine's derogations record them; blank covers any. */
function CoverageFields({ id, linking, setLinking, modification, setModification }: CoverageProps) {
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={`${id}-linking`}>Linking covered</label>
        <select id={`${id}-linking`} value={linking} onChange={(e) => setLinking(e.target.value as Linking | '')}>
          <option value="">Any linking</option>
          {Object.entries(LINKING_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-modification`}>Modification covered</label>
        <select
          id={`${id}-modification`}
          value={modification}
          onChange={(e) => setModification(e.target.value as Modification | '')}
        >
          <option value="">Modified or not</option>
          {Object.entries(MODIFICATION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
