/**
 * The licence knowledge base as the organisation sees it: the catalogue with each licence's policy,
 * compatibility checks, and Hermine's shared.json compared with, or imported into, the store.
 */
import type { ChangedBy } from './change-history.js';
import {
  checkCompatibility,
  type CompatibilityContext,
  type CompatibilityResult,
} from '../licenses/compatibility/index.js';
import {
  diffKnowledgeBases,
  importHermineShared,
  takeReference,
  type HermineImport,
  type KbDifference,
} from '../licenses/hermine/index.js';
import {
  defaultPolicy,
  findLicense,
  obligationsOfLicense,
  type KnowledgeBase,
  type LicenseFacts,
  type LicensePolicy,
  type Obligation,
} from '../licenses/kb/index.js';
import { lookupLicense } from '../licenses/spdx-list/index.js';
import { parseExpression } from '../licenses/expression/index.js';
import { parseJsonDocument } from '../sbom/json-text.js';
import type { Issue } from '../model/issue.js';
import type { KnowledgeBaseImportRecord, Store } from '../store/index.js';
import { setLicensePolicy, type LicensePolicyInput, type PolicyChangeOptions } from './license-policy.js';
import { knowledgeBaseOf } from './release-snapshot.js';
import { ServiceError, notFound } from './service-error.js';
import { recordAllValidationRuns } from './validation-runs.js';

// One definition of "the stored KB, or the shipped one while none was loaded": the validation
// snapshot and the catalogue must never disagree on it.
export { knowledgeBaseOf };

export interface LicenseCatalogueEntry {
  facts: LicenseFacts;
  obligationCount: number;
  policy: LicensePolicy;
}

export interface LicenseDetail {
  facts: LicenseFacts;
  obligations: Obligation[];
  policy: LicensePolicy;
}

/** `replace`: the reference becomes the knowledge base. `merge`: the reference wins where it speaks, ours stays where it is silent. */
export type KnowledgeBaseImportMode = 'replace' | 'merge';
export const KNOWLEDGE_BASE_IMPORT_MODES: readonly KnowledgeBaseImportMode[] = ['replace', 'merge'];

export interface HermineComparison {
  differences: KbDifference[];
  issues: Issue[];
}

export interface KnowledgeBaseImport {
  mode: KnowledgeBaseImportMode;
  /** Sizes of the knowledge base now stored. */
  licenses: number;
  obligations: number;
  actions: number;
  /** Differences with the previous knowledge base that the import took. */
  applied: number;
  /** Licence policies found in an old export: never applied, the policy is the organisation's own. */
  ignoredPolicies: number;
  issues: Issue[];
  /** With `revalidation: 'job'`: the job that validates every release again (recorded with the import). */
  revalidationJobId?: number;
}

export interface KnowledgeBaseImportOptions {
  /**
   * `now` (default): every release is validated again before the import returns; `job`: a
   * re-validation job is recorded in the import's own transaction, so that the new knowledge base
   * never stands without the job that brings the stored runs up to date (issue 13 item 4).
   */
  revalidation?: 'now' | 'job';
}

const key = (id: string) => id.toLowerCase();

/** Every licence of the knowledge base with its number of obligations and its policy. */
export async function licenseCatalogue(store: Store): Promise<LicenseCatalogueEntry[]> {
  const [kb, policies] = await Promise.all([knowledgeBaseOf(store), store.listPolicies()]);
  const policyByLicense = new Map(policies.map((p) => [key(p.license), p]));
  const counts = new Map<string, number>();
  for (const o of kb.obligations) counts.set(key(o.license), (counts.get(key(o.license)) ?? 0) + 1);
  return kb.licenses.map((facts) => ({
    facts,
    obligationCount: counts.get(key(facts.id)) ?? 0,
    policy: policyByLicense.get(key(facts.id)) ?? defaultPolicy(facts.id),
  }));
}

export async function licenseDetail(store: Store, license: string): Promise<LicenseDetail> {
  const kb = await knowledgeBaseOf(store);
  const facts = findLicense(kb, license);
  if (!facts) throw notFound(`licence ${license}`);
  return { facts, obligations: obligationsOfLicense(kb, facts.id), policy: await licensePolicyOf(store, facts.id) };
}

/** The policy of one licence, "not-reviewed" while none was set. SPDX ids are matched as the list spells them. */
export async function licensePolicyOf(store: Store, license: string): Promise<LicensePolicy> {
  const id = lookupLicense(license)?.id ?? license;
  return (await store.getPolicy(id)) ?? defaultPolicy(id);
}

/** Changes the fields given of a licence's policy and keeps the others. */
export async function updateLicensePolicy(
  store: Store,
  license: string,
  patch: Partial<Omit<LicensePolicyInput, 'license'>>,
  by?: ChangedBy,
  options: PolicyChangeOptions = {},
): Promise<LicensePolicy & { revalidationJobId?: number }> {
  const current = await licensePolicyOf(store, license);
  return setLicensePolicy(store, { ...current, ...patch, license: current.license }, by, options);
}

export async function licenseCompatibility(
  store: Store,
  inbound: string,
  outbound: string,
  context: CompatibilityContext,
): Promise<CompatibilityResult> {
  // Text that is no licence expression at all is the caller's mistake, not a licence Vigie does not know.
  for (const [field, text] of [
    ['inbound', inbound],
    ['outbound', outbound],
  ] as const) {
    const { syntaxError } = parseExpression(text);
    if (syntaxError)
      throw new ServiceError(
        'invalid-input',
        `${field}: "${text}" is not an SPDX licence expression: ${syntaxError.message}`,
        {
          field,
        },
      );
  }
  return checkCompatibility(inbound, outbound, context, await knowledgeBaseOf(store));
}

/** Field-by-field differences between our knowledge base and a Hermine shared.json. */
export async function compareWithHermine(store: Store, sharedJson: Uint8Array): Promise<HermineComparison> {
  const reference = readHermineShared(sharedJson);
  return { differences: diffKnowledgeBases(await knowledgeBaseOf(store), reference.kb), issues: reference.issues };
}

/**
 * Stores a Hermine shared.json as the knowledge base, in one transaction: nothing changes when the
 * document is refused. Merging starts from the knowledge base in use (the shipped one on a fresh
 * database) and takes every difference except the removal of what only we know.
 */
export async function importHermineKnowledgeBase(
  store: Store,
  sharedJson: Uint8Array,
  mode: KnowledgeBaseImportMode,
  origin: KnowledgeBaseOrigin = { source: 'upload', author: null },
  options: KnowledgeBaseImportOptions = {},
): Promise<KnowledgeBaseImport> {
  checkImportMode(mode);
  return importKnowledgeBase(store, readHermineShared(sharedJson), mode, origin, options);
}

/** Where imported knowledge came from, for the history. */
export interface KnowledgeBaseOrigin {
  /** A file or folder name, or `upload`. */
  source: string;
  author: string | null;
}

function checkImportMode(mode: KnowledgeBaseImportMode): void {
  if (!KNOWLEDGE_BASE_IMPORT_MODES.includes(mode)) {
    throw new ServiceError(
      'invalid-input',
      `mode must be one of ${KNOWLEDGE_BASE_IMPORT_MODES.join(', ')}, not "${String(mode)}"`,
    );
  }
}

/**
 * Stores already-read Hermine data (a shared.json or the per-file layout, read by src/io) as the
 * knowledge base, with the same rules, and appends the import to the history in the same
 * transaction. The CLI's `vigie kb import` uses it: the store is the knowledge base's one home.
 */
export async function importKnowledgeBase(
  store: Store,
  reference: HermineImport,
  mode: KnowledgeBaseImportMode,
  origin: KnowledgeBaseOrigin,
  options: KnowledgeBaseImportOptions = {},
): Promise<KnowledgeBaseImport> {
  checkImportMode(mode);
  if (reference.kb.licenses.length === 0) {
    throw new ServiceError(
      'invalid-input',
      'The Hermine data holds no licence: importing it would empty the knowledge base',
      { issues: reference.issues },
    );
  }
  const outcome = await store.transaction(async (tx) => {
    const ours = await knowledgeBaseOf(tx);
    const differences = diffKnowledgeBases(ours, reference.kb);
    // Merge keeps what only we have and takes every other reference value.
    const taken = mode === 'replace' ? differences : differences.filter((d) => !isOursOnly(d));
    const next = mode === 'replace' ? reference.kb : taken.reduce((kb, d) => takeReference(kb, reference.kb, d), ours);
    await tx.saveKnowledgeBase(next);
    await tx.recordKnowledgeBaseImport({
      importedAt: new Date().toISOString(),
      source: origin.source,
      mode,
      author: origin.author,
      licenses: next.licenses.length,
      obligations: next.obligations.length,
      actions: next.actions.length,
      applied: taken.length,
      issues: reference.issues.length,
    });
    const job =
      options.revalidation === 'job'
        ? await tx.createJob({
            kind: 'revalidate',
            releaseId: null,
            params: { releaseIds: null, reason: 'knowledge-base' },
            createdBy: origin.author,
          })
        : null;
    return {
      ...(job ? { revalidationJobId: job.id } : {}),
      mode,
      licenses: next.licenses.length,
      obligations: next.obligations.length,
      actions: next.actions.length,
      applied: taken.length,
      ignoredPolicies: reference.policies.length,
      issues: reference.issues,
    };
  });
  if (outcome.revalidationJobId === undefined) await recordAllValidationRuns(store, 'knowledge-base');
  return outcome;
}

/** The knowledge base in use: the stored one, or the shipped one while nothing was imported. */
export function storedKnowledgeBase(store: Store): Promise<KnowledgeBase> {
  return knowledgeBaseOf(store);
}

/** The knowledge base's import history, newest first. */
export async function knowledgeBaseHistory(store: Store, limit = 100): Promise<KnowledgeBaseImportRecord[]> {
  return store.listKnowledgeBaseImports(Math.max(1, Math.min(1000, Math.trunc(limit))));
}

function isOursOnly(d: KbDifference): boolean {
  return (d.kind === 'license-only-in' || d.kind === 'action-only-in') && d.side === 'ours';
}

function readHermineShared(content: Uint8Array): HermineImport {
  let json: unknown;
  try {
    json = parseJsonDocument(Buffer.from(content).toString('utf8'), 'The Hermine data');
  } catch (err) {
    throw new ServiceError('unreadable-document', (err as Error).message);
  }
  const reference = importHermineShared(json);
  if (reference.kb.licenses.length === 0 && reference.issues.some((i) => i.severity === 'error')) {
    throw new ServiceError('unsupported-format', 'Not a Hermine shared.json (no "objects" array)', {
      issues: reference.issues,
    });
  }
  return reference;
}
