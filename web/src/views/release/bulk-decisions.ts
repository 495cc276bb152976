// Bulk triage (issue 8 item 16), pure: blockers grouped by licence or by cause, and the decisions
// that clear a selection of them. When the selection holds every blocker of a licence in the step,
// ONE decision covers them (a curation of that licence string, a choice or derogation for the
// release); otherwise one decision per selected component, so nothing unselected is decided.
import type { Blocker, ExploitationRuleInput, FixAction, NewDecisionBody } from '../../api/types.js';
import { EXPLOITATIONS } from '../../../../src/model/usage-context.js';

export type GroupBy = 'license' | 'cause';

export interface BlockerGroup {
  key: string;
  title: string;
  blockers: Blocker[];
}

export function blockerId(b: Blocker): string {
  return `${b.rule}|${b.componentKey ?? ''}|${b.version ?? ''}|${b.project}|${b.scope}|${b.license ?? ''}|${b.usageIds.join(',')}`;
}

export function groupBlockers(blockers: Blocker[], by: GroupBy): BlockerGroup[] {
  const groups = new Map<string, BlockerGroup>();
  for (const b of blockers) {
    const key = by === 'license' ? `${b.license ?? ''}|${b.fix.action}` : `${b.kind}|${b.fix.action}`;
    const title = by === 'license' ? (b.license ?? 'No licence') : b.kind.replace(/-/g, ' ');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, blockers: [] }));
    group.blockers.push(b);
  }
  return [...groups.values()].sort((a, b) => b.blockers.length - a.blockers.length || a.title.localeCompare(b.title));
}

/** The actions a bulk form can record; the others link elsewhere (policy, outbound licences). */
export const BULK_ACTIONS: readonly FixAction[] = [
  'curate',
  'confirm-and',
  'choose-license',
  'add-derogation',
  'set-exploitation',
];

export interface BulkInput {
  releaseId: number;
  /** Every blocker of the step (to know whether a licence's blockers are all selected). */
  stepBlockers: Blocker[];
  selected: Blocker[];
  /** Target expression for curations and choices (one licence selected); unused by derogations. */
  expression: string;
  explanation: string;
}

export type BulkRecord =
  { kind: 'decision'; body: NewDecisionBody } | { kind: 'exploitation'; body: ExploitationRuleInput };

/** What the selection needs, or a sentence saying why it cannot be decided in one go. */
export function bulkRecords(input: BulkInput): BulkRecord[] | string {
  const { selected } = input;
  if (selected.length === 0) return 'Select at least one blocker.';
  const actions = new Set(selected.map((b) => b.fix.action));
  if (actions.size > 1) return 'The selection needs different kinds of decision: select blockers that share one fix.';
  const action = selected[0]!.fix.action;
  if (!BULK_ACTIONS.includes(action)) return 'These blockers are not cleared by a decision recorded here.';
  const explanation = input.explanation.trim();
  if (!explanation) return 'Say why (the explanation is recorded with each decision).';
  const expression = input.expression.trim();
  const licenses = new Set(selected.map((b) => b.license ?? ''));
  if (action === 'set-exploitation') {
    const exploitation = EXPLOITATIONS.find((e) => e === expression);
    if (!exploitation) return 'Choose the exploitation.';
    const pairs = new Map(selected.map((b) => [`${b.project}\u0000${b.scope}`, b]));
    return [...pairs.values()].map((b) => ({
      kind: 'exploitation',
      body: { scope: b.scope || null, project: b.project || null, exploitation },
    }));
  }
  if (action !== 'add-derogation') {
    if (licenses.size > 1) return 'Select blockers of one licence to give them one expression.';
    if (!expression) return 'Give the expression to record.';
  }
  const records: BulkRecord[] = [];
  for (const license of licenses) {
    const mine = selected.filter((b) => (b.license ?? '') === license);
    const all = input.stepBlockers.filter((b) => (b.license ?? '') === license && b.fix.action === action);
    const whole = license !== '' && mine.length === all.length;
    const components = whole
      ? [null]
      : [...new Set(mine.map((b) => b.componentKey).filter((c): c is string => c !== null))];
    for (const component of components)
      records.push({
        kind: 'decision',
        body: decision(action, license || null, component, expression, explanation, input.releaseId),
      });
  }
  return records;
}

const ANY = {
  categoryId: null,
  productId: null,
  releaseId: null,
  scope: null,
  project: null,
  exploitation: null,
  component: null,
  version: null,
};

function decision(
  action: FixAction,
  license: string | null,
  component: string | null,
  expression: string,
  explanation: string,
  releaseId: number,
): NewDecisionBody {
  if (action === 'curate' || action === 'confirm-and') {
    // Without a component the curation names the string it corrects, as issue 8 item 5 requires.
    return {
      type: 'curation',
      kind: action === 'confirm-and' ? 'and-confirmation' : 'curation',
      component,
      version: null,
      fromExpression: license,
      toExpression: expression,
      explanation,
    };
  }
  if (action === 'choose-license')
    return {
      type: 'choice',
      ...ANY,
      releaseId,
      component,
      fromExpression: license,
      toExpression: expression,
      explanation,
    };
  return {
    type: 'derogation',
    ...ANY,
    releaseId,
    component,
    license: license ?? '',
    linking: null,
    modification: null,
    explanation,
  };
}
