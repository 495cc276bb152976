import type { Exploitation } from '../model/usage-context.js';
import type { LicensePolicy } from '../licenses/kb/types.js';
import { defaultPolicy } from '../licenses/kb/policy.js';
import { isLicenseRef } from '../licenses/expression/index.js';
import { componentKey, usageLabel, type ReleaseSnapshot, type ReleaseUsage } from './snapshot.js';
import { ExpressionCache, type ExpressionFacts } from './expression-cache.js';
import { indexDecisions, type DecisionIndex } from './decision-index.js';
import type { UsageFacts } from './scope-match.js';
import type { Blocker, BlockerSubject, StepNumber, StepResult } from './finding.js';
import type { Confidence } from '../licenses/normalize/result.js';

/**
 * A step worked through a slice of usages at a time: it pauses (yields) after every
 * STATES_PER_PAUSE usages and returns its result (validationInSteps).
 */
export type StepInSlices = Generator<void, StepResult, void>;

/** Usages a step works through between two pauses: a few milliseconds of work. */
export const STATES_PER_PAUSE = 2_000;

/** The normaliser's reading of a licence string, with how sure it is. */
export interface NormalisedAnswer {
  expression: string;
  confidence: Confidence;
}

/** One usage as the steps see it, filled in step by step. */
export interface UsageState {
  item: ReleaseUsage;
  key: string;
  readonly label: string;
  facts: UsageFacts;
  /** Step 1: the valid SPDX expression, and how it was obtained. */
  expression: ExpressionFacts | null;
  expressionOrigin: string;
  /** Step 1: what the normaliser made of the licence string found (the canonical form when it was valid SPDX already). */
  normalised: NormalisedAnswer | null;
  /** Step 1, 2: the expression a recorded curation (or AND confirmation) gave, or null. */
  curated: string | null;
  /** Step 1: whether a person stated the expression (a curation, or the version's corrected licence). */
  expressionByPerson: boolean;
  /** Step 2: the expression once ANDs are confirmed. */
  confirmed: ExpressionFacts | null;
  /** Step 3. */
  exploitation: Exploitation | null;
  /** Step 4: the expression without any choice left, and how it was chosen. */
  chosen: ExpressionFacts | null;
  chosenOrigin: string;
  /** Step 4: the licences that apply (the effective licence's leaves). */
  effectiveLicenses: string[] | null;
  /** First step that blocks this usage, if any. */
  blockedAt: StepNumber | null;
}

class UsageStateRecord implements UsageState {
  expression: ExpressionFacts | null = null;
  expressionOrigin = '';
  normalised: NormalisedAnswer | null = null;
  curated: string | null = null;
  expressionByPerson = false;
  confirmed: ExpressionFacts | null = null;
  exploitation: Exploitation | null = null;
  chosen: ExpressionFacts | null = null;
  chosenOrigin = '';
  effectiveLicenses: string[] | null = null;
  blockedAt: StepNumber | null = null;

  constructor(
    readonly item: ReleaseUsage,
    readonly key: string,
    readonly facts: UsageFacts,
  ) {}

  private labelText: string | undefined;

  // Only findings need it: built on demand rather than for every usage (a finding reads it twice).
  get label(): string {
    return (this.labelText ??= usageLabel(this.item));
  }
}

export interface ValidationContext {
  snapshot: ReleaseSnapshot;
  cache: ExpressionCache;
  decisions: DecisionIndex;
  policyOf: (license: string) => LicensePolicy;
  states: UsageState[];
  /**
   * Blockers carry the name of the recipe of their generalisations instead of the list (a run
   * being stored keeps only the name, ADR 42; the service rebuilds the lists for its reader).
   */
  namedGeneralisations: boolean;
  /** The list a step gathers its blockers in (one per step, in step order; see ValidateOptions.stepLists). */
  blockerList(): Blocker[];
}

export function createContext(
  snapshot: ReleaseSnapshot,
  namedGeneralisations = false,
  stepLists?: Blocker[][],
): ValidationContext {
  const policies = new Map<string, LicensePolicy>();
  for (const p of snapshot.policy.entries) policies.set(p.license.toLowerCase(), p);
  const kbIds = new Set(snapshot.knowledgeBase.licenses.map((l) => l.id.toLowerCase()));
  const cache = new ExpressionCache(
    (id) => isLicenseRef(id) && (kbIds.has(id.toLowerCase()) || policies.has(id.toLowerCase())),
  );
  // `GPL-2.0-only WITH Classpath-exception-2.0` may have its own policy entry; else the licence's.
  // Asked several times per usage of a large release, of a few dozen distinct licences: each answer
  // is kept (a lower-cased copy and an unreviewed policy made per question were ~0.1 s of garbage
  // per 100k usages).
  const answered = new Map<string, LicensePolicy>();
  const policyOf = (license: string): LicensePolicy => {
    let policy = answered.get(license);
    if (policy === undefined) answered.set(license, (policy = lookUpPolicy(license)));
    return policy;
  };
  const lookUpPolicy = (license: string): LicensePolicy => {
    const lower = license.toLowerCase();
    const own = policies.get(lower);
    if (own) return own;
    const withAt = lower.indexOf(' with ');
    if (withAt > 0) {
      const base = policies.get(lower.slice(0, withAt));
      if (base) return base;
    }
    return defaultPolicy(license);
  };
  const { release, product } = snapshot;
  const states: UsageState[] = [];
  for (const item of snapshot.usages) {
    if (item.usage.status === 'ignored') continue;
    const key = componentKey(item.component);
    states.push(
      new UsageStateRecord(item, key, {
        categoryIds: product.categoryIds,
        productId: product.id,
        releaseId: release.id,
        scope: item.usage.scope,
        project: item.usage.project,
        exploitation: null,
        component: key,
        version: item.version.number,
      }),
    );
  }
  const blockerList = (): Blocker[] => {
    const list: Blocker[] = [];
    stepLists?.push(list);
    return list;
  };
  return {
    snapshot,
    cache,
    decisions: indexDecisions(snapshot.decisions),
    policyOf,
    states,
    namedGeneralisations,
    blockerList,
  };
}

/** What a blocker of one usage says beyond its subject. */
export type UsageFinding = Pick<Blocker, 'step' | 'rule' | 'kind' | 'license' | 'message' | 'decisions' | 'fix'>;

/**
 * A blocker of one usage: `{ ...subjectOf(state), ...finding }` (same keys, same order) written out
 * in one object literal; spreading made each of the ~100k blockers of a large release slowly.
 */
export function usageBlocker(state: UsageState, finding: UsageFinding): Blocker {
  const { usage, version, component } = state.item;
  return {
    usageIds: [usage.id],
    component: state.label,
    componentKey: state.key,
    version: version.number,
    purl: version.purl ?? component.purl,
    project: usage.project,
    scope: usage.scope,
    exploitation: state.exploitation,
    step: finding.step,
    rule: finding.rule,
    kind: finding.kind,
    license: finding.license,
    message: finding.message,
    decisions: finding.decisions,
    fix: finding.fix,
  };
}

export function subjectOf(state: UsageState): BlockerSubject {
  const { usage, version, component } = state.item;
  return {
    usageIds: [usage.id],
    component: state.label,
    componentKey: state.key,
    version: version.number,
    purl: version.purl ?? component.purl,
    project: usage.project,
    scope: usage.scope,
    exploitation: state.exploitation,
  };
}

/** Marks the usage blocked at this step (the first blocking step wins). */
export function block(state: UsageState, blocker: Blocker): Blocker {
  state.blockedAt ??= blocker.step;
  return blocker;
}

/** "in project 'api', scope 'dependencies', distributed" — the usage context for messages. */
export function contextPhrase(state: UsageState): string {
  const { project, scope, linking, modified } = state.item.usage;
  const exploitation = state.exploitation;
  // Usages in a row mostly share their context: the last phrase serves again (one text for a
  // release's ~100k blockers instead of one each).
  const last = lastContext;
  if (
    last.project === project &&
    last.scope === scope &&
    last.exploitation === exploitation &&
    last.linking === linking &&
    last.modified === modified
  )
    return last.phrase;
  const parts = [`project '${project || '(root)'}'`, `scope '${scope || '(none)'}'`];
  if (exploitation) parts.push(`exploitation ${exploitation}`);
  if (linking) parts.push(`${linking} linking`);
  if (modified !== null) parts.push(modified ? 'modified' : 'unmodified');
  const phrase = parts.join(', ');
  lastContext = { project, scope, exploitation, linking, modified, phrase };
  return phrase;
}

type UsageOfState = UsageState['item']['usage'];
let lastContext: Pick<UsageOfState, 'project' | 'scope' | 'linking' | 'modified'> & {
  exploitation: UsageState['exploitation'] | undefined;
  phrase: string;
} = { project: '', scope: '', linking: null, modified: null, exploitation: undefined, phrase: '' };
