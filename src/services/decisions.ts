/** Decisions: curations (incl. AND confirmations), licence choices, derogations, authorised contexts. */
import type { Decision } from '../model/decision.js';
import { EXPLOITATIONS, LINKINGS, MODIFICATIONS } from '../model/usage-context.js';
import { componentReference } from '../model/component-identity.js';
import { normalizeLicense } from '../licenses/normalize/index.js';
import { lookupLicense, nearestLicenseIds } from '../licenses/spdx-list/index.js';
import { parseExpression, printExpression } from '../licenses/expression/index.js';
import type { DecisionFilter, NewDecision, Store } from '../store/index.js';
import { requireExpression, requireName } from './check-input.js';
import { getCategory, getProduct, getRelease } from './portfolio.js';
import { LOCAL_ACTOR, recordChange, type ChangedBy } from './change-history.js';
import { ServiceError, notFound } from './service-error.js';
import { recordAllValidationRuns, recordRunsForDecision } from './validation-runs.js';

/**
 * Checks the decision (author and explanation given, expressions valid, scope ids existing) and
 * records it. A curation's "from" is the string as found and may be anything; its "to" must be SPDX.
 */
export async function recordDecision(store: Store, input: NewDecision): Promise<Decision> {
  const decision = await createDecision(store, input);
  await recordChange(store, {
    actor: decision.author,
    subject: 'decision',
    subjectId: String(decision.id),
    action: 'created',
    releaseId: decision.type === 'curation' ? null : decision.releaseId,
    reason: decision.explanation,
    before: null,
    after: decision,
  });
  await recordRunsForDecision(store, decision);
  return decision;
}

async function createDecision(store: Store, raw: NewDecision): Promise<Decision> {
  return storeNew(store, await checkedDecision(store, raw));
}

/** What a decision says, apart from who said it, when and why. */
const WHO_WHEN_WHY = new Set(['id', 'author', 'createdAt', 'explanation']);

/**
 * Stores the decision unless one that says exactly the same thing is already recorded: a second copy
 * would change no outcome, yet show twice in every list and explanation (a form sent twice, a script
 * run again). The caller learns which one holds it.
 */
async function storeNew(store: Store, decision: NewDecision): Promise<Decision> {
  const said = Object.entries(decision).filter(([key]) => !WHO_WHEN_WHY.has(key));
  const same = (await store.listDecisions({ type: decision.type })).find((d) =>
    said.every(([key, value]) => ((d as unknown as Record<string, unknown>)[key] ?? null) === (value ?? null)),
  );
  if (same)
    throw new ServiceError(
      'already-exists',
      `the same ${same.type} is already recorded as #${same.id} (${same.author}, ${same.createdAt.slice(0, 10)})`,
      { id: same.id },
    );
  return store.createDecision(decision);
}

async function checkedDecision(store: Store, raw: NewDecision): Promise<NewDecision> {
  const author = requireName(raw.author, 'author');
  const explanation = requireName(raw.explanation, 'explanation', 'text');
  const input = withCanonicalComponent(raw);
  switch (input.type) {
    case 'curation': {
      if (!['curation', 'and-confirmation'].includes(input.kind))
        throw invalid(`curation kind must be curation or and-confirmation, not "${input.kind}"`);
      if (input.version !== null && input.component === null)
        throw invalid('a curation for one version must name its component');
      const fromExpression = input.fromExpression?.trim() || null;
      // Hermine's curations always name what they correct; a curation naming neither the string
      // found nor a component would rewrite every licence of every release (GPL ones included).
      if (fromExpression === null && input.component === null) {
        throw invalid(
          'a curation must name what it corrects: the licence string as found (from), a component (and version), or both; without either it would replace every licence of every release',
        );
      }
      return {
        ...input,
        author,
        explanation,
        fromExpression,
        toExpression: curatedExpression(input.toExpression),
      };
    }
    case 'choice':
      await requireScope(store, input);
      return {
        ...input,
        author,
        explanation,
        fromExpression: requireExpression(input.fromExpression, 'from'),
        toExpression: requireExpression(input.toExpression, 'to'),
      };
    case 'derogation':
      await requireScope(store, input);
      if (input.linking !== null && !(LINKINGS as readonly string[]).includes(input.linking)) {
        throw invalid(`linking must be one of ${LINKINGS.join(', ')}`);
      }
      if (input.modification != null && !(MODIFICATIONS as readonly string[]).includes(input.modification)) {
        throw invalid(`modification must be one of ${MODIFICATIONS.join(', ')}`);
      }
      return {
        ...input,
        modification: input.modification ?? null,
        author,
        explanation,
        license: requireExpression(input.license, 'licence'),
      };
    default:
      throw invalid(`unknown decision type "${(input as { type: string }).type}"`);
  }
}

export async function listDecisions(store: Store, filter?: DecisionFilter): Promise<Decision[]> {
  return store.listDecisions(filter);
}

export async function getDecision(store: Store, id: number): Promise<Decision> {
  const decision = await store.getDecision(id);
  if (!decision) throw notFound(`decision ${id}`);
  return decision;
}

export async function deleteDecision(store: Store, id: number, by: ChangedBy = { actor: LOCAL_ACTOR }): Promise<void> {
  const decision = await getDecision(store, id);
  if (!(await store.deleteDecision(id))) throw notFound(`decision ${id}`);
  await recordDecisionRemoval(store, decision, by);
  await recordRunsForDecision(store, decision);
}

/** Deletes every decision matching the filter (all of them when there is none); returns how many. */
export async function resetDecisions(
  store: Store,
  filter?: DecisionFilter,
  by: ChangedBy = { actor: LOCAL_ACTOR },
): Promise<number> {
  const removed = await store.transaction(async (tx) => {
    const decisions = await tx.listDecisions(filter);
    for (const d of decisions) {
      await tx.deleteDecision(d.id);
      await recordDecisionRemoval(tx, d, { actor: by.actor, reason: by.reason ?? 'reset' });
    }
    return decisions.length;
  });
  if (removed > 0) await recordAllValidationRuns(store, 'decision');
  return removed;
}

async function requireScope(
  store: Store,
  scope: {
    categoryId: number | null;
    productId: number | null;
    releaseId: number | null;
    exploitation: string | null;
    version: string | null;
    component: string | null;
  },
): Promise<void> {
  if (scope.categoryId !== null) await getCategory(store, scope.categoryId);
  if (scope.productId !== null) await getProduct(store, scope.productId);
  if (scope.releaseId !== null) {
    const release = await getRelease(store, scope.releaseId);
    if (scope.productId !== null && release.productId !== scope.productId) {
      throw invalid(`release ${scope.releaseId} does not belong to product ${scope.productId}`);
    }
  }
  if (scope.exploitation !== null && !(EXPLOITATIONS as readonly string[]).includes(scope.exploitation)) {
    throw invalid(`exploitation must be one of ${EXPLOITATIONS.join(', ')}`);
  }
  if (scope.version !== null && scope.component === null)
    throw invalid('a decision for one version must name its component');
}

/**
 * Decisions name a component by its identity (model/component-identity.ts): purl type, namespace
 * and name, without version, qualifiers nor subpath, whatever spelling the CLI or the API was given.
 * A versioned purl also names that version when no version was given.
 */
function withCanonicalComponent<D extends NewDecision>(input: D): D {
  if (input.component === null || input.component === undefined) return input;
  const ref = componentReference(input.component);
  if ('error' in ref) throw invalid(`component: ${ref.error}`);
  if (ref.version !== null && input.version !== null && input.version !== ref.version) {
    throw invalid(`component: the purl names version ${ref.version} but the decision names version ${input.version}`);
  }
  return { ...input, component: ref.key, version: input.version ?? ref.version };
}

/** The curation's "to" in SPDX form; a licence id that does not exist gets "did you mean". */
function curatedExpression(value: string): string {
  const parsed = parseExpression(value);
  if (parsed.expression && unknownIds(value).length === 0) return printExpression(parsed.expression);
  const guesses = curationGuesses(value);
  const hint = guesses.length > 0 ? `; did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?` : '';
  if (parsed.expression) {
    throw new ServiceError(
      'invalid-input',
      `to: "${value}" names licences that are neither SPDX ids nor LicenseRef-… (${unknownIds(value).join(', ')})${hint}`,
      { field: 'to', suggestions: guesses },
    );
  }
  throw new ServiceError(
    'invalid-input',
    `to: "${value}" is not an SPDX expression: ${parsed.syntaxError?.message}${hint}`,
    { field: 'to', suggestions: guesses },
  );
}

/**
 * "Did you mean" for a curation's "to": the whole expression with each unknown id replaced by its
 * best guess when that makes it valid ("Apache-2.0 OR MTI" → "Apache-2.0 OR MIT"), else guesses per
 * id: the normaliser's answers, then the SPDX ids a typo away.
 */
function curationGuesses(value: string): string[] {
  const unknown = unknownIds(value);
  const perId = new Map(unknown.map((id) => [id, licenceGuesses(id)]));
  const fixed = value
    .split(/([\s()]+)/)
    .map((token) => perId.get(token.replace(/\+$/, ''))?.[0]?.concat(token.endsWith('+') ? '+' : '') ?? token)
    .join('');
  const parsed = fixed !== value && unknownIds(fixed).length === 0 ? parseExpression(fixed).expression : undefined;
  if (parsed) return [printExpression(parsed)];
  return [...new Set([...perId.values()].flat().concat(normalizeLicense(value).candidates))].slice(0, 3);
}

function licenceGuesses(id: string): string[] {
  const normalised = normalizeLicense(id).candidates.filter((c) => lookupLicense(c) !== undefined);
  return [...new Set([...normalised, ...nearestLicenseIds(id)])];
}

/** Licence ids of an expression that are neither on the SPDX list nor LicenseRef-…. */
function unknownIds(value: string): string[] {
  return value
    .split(/[\s()]+/)
    .filter((t) => t && !/^(AND|OR|WITH)$/i.test(t) && !/^(LicenseRef|DocumentRef)-/.test(t) && !/exception/i.test(t))
    .map((t) => t.replace(/\+$/, ''))
    .filter((t) => lookupLicense(t) === undefined);
}

function invalid(message: string): ServiceError {
  return new ServiceError('invalid-input', message);
}

async function recordDecisionRemoval(store: Store, decision: Decision, by: ChangedBy): Promise<void> {
  await recordChange(store, {
    actor: by.actor,
    subject: 'decision',
    subjectId: String(decision.id),
    action: 'deleted',
    releaseId: decision.type === 'curation' ? null : decision.releaseId,
    reason: by.reason?.trim() || null,
    before: decision,
    after: null,
  });
}
