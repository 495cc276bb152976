/**
 * CRA record of a product (issue 12, items 2, 3, 7): show it with its assessment, change it, set one
 * Annex I requirement. Every change is checked as a whole (cra/record) before anything is written,
 * and is written together with its evidence-log entry in one transaction.
 */
import { createHash } from 'node:crypto';
import {
  ANNEX_I_REQUIREMENTS,
  ANNEX_STATUSES,
  assessRecord,
  emptyEntry,
  emptyRecord,
  findRequirement,
  isComputedRequirement,
  matrixStatusOf,
  recordProblems,
  type ComputedEntry,
  type ExploitableThreshold,
  type AnnexEntry,
  type AnnexRequirement,
  type AnnexStatus,
  type CraRecord,
  type RecordAssessment,
} from '../cra/record/index.js';
import { canonicalJson } from '../cra/evidence/index.js';
import type { RoleAnswers } from '../cra/product/index.js';
import type { ConformityRoute, RouteFacts } from '../cra/product/index.js';
import { INPUT_LIMITS } from '../model/input-limits.js';
import type { Product } from '../model/index.js';
import type { Store } from '../store/index.js';
import { ServiceError, notFound } from './service-error.js';
import { computeAnnex, type ComputedAnnex } from './cra-annex-computed.js';

export interface CraRecordView {
  product: { id: number; name: string };
  record: CraRecord;
  /** Who changed it last and when; null for a product without a stored record. */
  updatedBy: string | null;
  updatedAt: string | null;
  assessment: RecordAssessment;
  /** The release the computed requirements (I.a, II.1) were computed for; null when the product has none. */
  release: ComputedAnnex['release'];
  /**
   * The Annex I matrix in Annex order, every requirement with its entry. A computed requirement
   * carries `computed` (status, reasons, findings or failing checks) and its `status` follows it.
   */
  requirements: Array<AnnexRequirement & AnnexEntry & { computed?: ComputedEntry }>;
}

export interface CraViewOptions {
  /** Release number the computed requirements are shown for; default: the newest published release, else the newest. */
  release?: string;
}

export interface SupportChanges {
  start?: string;
  endMonth?: string;
  /** Merged; an empty value removes the factor. */
  factors?: Record<string, string>;
  shortExpectedUse?: string | null;
  coreComponents?: Array<{ name: string; endOfSupport: string }>;
}

/** Changes to a record. Maps (answers, facts, information, factors, policy elements) are merged; an empty string removes a key. */
export interface CraRecordChanges {
  roleAnswers?: Partial<Record<keyof RoleAnswers, boolean | null>> | null;
  coreFunction?: string | null;
  category?: string | null;
  routeFacts?: Partial<Record<keyof RouteFacts, boolean | null>>;
  route?: string | null;
  support?: SupportChanges | null;
  cvd?: {
    contacts?: string[];
    policyUrl?: string | null;
    securityTxtUrl?: string | null;
    csafUrl?: string | null;
    preferredLanguages?: string[];
  };
  information?: Record<string, string>;
  steward?: { policyElements?: Record<string, string>; authorityContacts?: string[] };
  /** Threshold for Annex I Part I (2)(a); null: back to the default (high). */
  exploitableThreshold?: string | null;
  /** Annex I requirements a release must have settled before it ships (replaces the list; empty: no gate). */
  shipRequires?: string[];
}

export interface AnnexEntryInput {
  status: string;
  evidence?: string[];
  note?: string | null;
}

const MAX_LIST = 100;

/** Strings within the storable length, no NUL, lists bounded: checked over the whole input. */
function checkLimits(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw new ServiceError('invalid-input', `${path} contains a NUL character (U+0000), which Vigie does not store`, {
        field: path,
      });
    if (value.length > INPUT_LIMITS.text)
      throw new ServiceError(
        'invalid-input',
        `${path} is ${value.length} characters long; the limit is ${INPUT_LIMITS.text}`,
        { field: path },
      );
  } else if (Array.isArray(value)) {
    if (value.length > MAX_LIST)
      throw new ServiceError('invalid-input', `${path} has ${value.length} items; the limit is ${MAX_LIST}`, {
        field: path,
      });
    value.forEach((v, i) => checkLimits(v, `${path}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkLimits(v, path ? `${path}.${k}` : k);
  }
}

function mergeMap<V>(
  current: Record<string, V>,
  changes: Record<string, V | null | ''> | undefined,
): Record<string, V> {
  if (!changes) return current;
  const out: Record<string, V> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '' || (typeof value === 'string' && value.trim() === '')) delete out[key];
    else out[key] = (typeof value === 'string' ? value.trim() : value) as V;
  }
  return out;
}

const trimOrNull = (v: string | null | undefined): string | null =>
  v === null || v === undefined || v.trim() === '' ? null : v.trim();
const cleanList = (list: string[]): string[] => [...new Set(list.map((s) => s.trim()).filter(Boolean))];

/** The record after the changes; throws on the first problem of the result, naming its field. */
export function applyCraChanges(current: CraRecord, changes: CraRecordChanges): CraRecord {
  checkLimits(changes, '');
  const next: CraRecord = structuredClone(current);
  if (changes.roleAnswers !== undefined) {
    next.roleAnswers =
      changes.roleAnswers === null
        ? null
        : (mergeMap(
            (next.roleAnswers ?? {}) as Record<string, boolean>,
            changes.roleAnswers,
          ) as unknown as RoleAnswers);
  }
  if (changes.coreFunction !== undefined) next.coreFunction = trimOrNull(changes.coreFunction);
  if (changes.category !== undefined) next.category = trimOrNull(changes.category);
  if (changes.routeFacts !== undefined)
    next.routeFacts = mergeMap(next.routeFacts as Record<string, boolean>, changes.routeFacts);
  if (changes.route !== undefined) next.route = trimOrNull(changes.route) as ConformityRoute | null;
  if (changes.support === null) next.support = null;
  else if (changes.support !== undefined) {
    const s = changes.support;
    const base = next.support ?? { start: '', endMonth: '', factors: {} };
    const start = s.start?.trim() ?? base.start;
    const endMonth = s.endMonth?.trim() ?? base.endMonth;
    if (!start)
      throw new ServiceError('invalid-input', 'support.start is required (YYYY-MM-DD, placing on the market)', {
        field: 'support.start',
      });
    if (!endMonth)
      throw new ServiceError('invalid-input', 'support.endMonth is required (YYYY-MM, last month of support)', {
        field: 'support.endMonth',
      });
    next.support = { start, endMonth, factors: mergeMap(base.factors as Record<string, string>, s.factors) };
    const shortUse = s.shortExpectedUse === undefined ? base.shortExpectedUse : trimOrNull(s.shortExpectedUse);
    if (shortUse) next.support.shortExpectedUse = shortUse;
    const core = s.coreComponents ?? base.coreComponents;
    if (core?.length)
      next.support.coreComponents = core.map((c) => ({ name: c.name.trim(), endOfSupport: c.endOfSupport.trim() }));
  }
  if (changes.cvd) {
    const c = changes.cvd;
    if (c.contacts !== undefined) next.cvd.contacts = cleanList(c.contacts);
    if (c.policyUrl !== undefined) next.cvd.policyUrl = trimOrNull(c.policyUrl);
    if (c.securityTxtUrl !== undefined) next.cvd.securityTxtUrl = trimOrNull(c.securityTxtUrl);
    if (c.csafUrl !== undefined) next.cvd.csafUrl = trimOrNull(c.csafUrl);
    if (c.preferredLanguages !== undefined) next.cvd.preferredLanguages = cleanList(c.preferredLanguages);
  }
  if (changes.information !== undefined) next.information = mergeMap(next.information, changes.information);
  if (changes.exploitableThreshold !== undefined) {
    const t = trimOrNull(changes.exploitableThreshold);
    if (t === null) delete next.exploitableThreshold;
    else next.exploitableThreshold = t as ExploitableThreshold;
  }
  if (changes.shipRequires !== undefined) {
    const ids = cleanList(changes.shipRequires).map((id) => findRequirement(id)?.id ?? id);
    if (ids.length === 0) delete next.shipRequires;
    else next.shipRequires = ids;
  }
  if (changes.steward) {
    if (changes.steward.policyElements !== undefined)
      next.steward.policyElements = mergeMap(next.steward.policyElements, changes.steward.policyElements);
    if (changes.steward.authorityContacts !== undefined)
      next.steward.authorityContacts = cleanList(changes.steward.authorityContacts);
  }
  const problems = recordProblems(next);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more: ${problems
            .slice(1)
            .map((p) => p.field)
            .join(', ')})`
        : '';
    throw new ServiceError('invalid-input', `${first.field}: ${first.message}${more}`, {
      field: first.field,
      problems,
    });
  }
  return next;
}

export function recordHash(record: CraRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

async function productNamed(store: Store, name: string): Promise<Product> {
  const product = await store.findProductByName(name);
  if (!product) throw notFound(`product "${name}"`);
  return product;
}

async function productById(store: Store, id: number): Promise<Product> {
  const product = await store.getProduct(id);
  if (!product) throw notFound(`product #${id}`);
  return product;
}

/** A product given by name (CLI) or id (API). */
export type ProductRef = string | number;

function resolveProduct(store: Store, ref: ProductRef): Promise<Product> {
  return typeof ref === 'number' ? productById(store, ref) : productNamed(store, ref);
}

async function view(
  store: Store,
  product: Product,
  record: CraRecord,
  updatedBy: string | null,
  updatedAt: string | null,
  options: CraViewOptions = {},
): Promise<CraRecordView> {
  const computed = await computeAnnex(store, product, record, options.release);
  const byId = new Map(computed.entries.map((e) => [e.requirement as string, e]));
  const statuses = Object.fromEntries(computed.entries.map((e) => [e.requirement, matrixStatusOf(e.status)]));
  return {
    product: { id: product.id, name: product.name },
    record,
    updatedBy,
    updatedAt,
    assessment: assessRecord(record, statuses),
    release: computed.release,
    requirements: ANNEX_I_REQUIREMENTS.map((r) => {
      const c = byId.get(r.id);
      return c
        ? { ...r, status: matrixStatusOf(c.status), evidence: [], note: null, computed: c }
        : { ...r, ...(record.annexI[r.id] ?? emptyEntry()) };
    }),
  };
}

export async function craRecordView(
  store: Store,
  ref: ProductRef,
  options: CraViewOptions = {},
): Promise<CraRecordView> {
  const product = await resolveProduct(store, ref);
  const stored = await store.getCraRecord(product.id);
  return view(
    store,
    product,
    stored?.record ?? emptyRecord(),
    stored?.updatedBy ?? null,
    stored?.updatedAt ?? null,
    options,
  );
}

function changedFields(before: CraRecord, after: CraRecord): string[] {
  return (Object.keys(after) as Array<keyof CraRecord>)
    .filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]))
    .sort();
}

export async function updateCraRecord(
  store: Store,
  ref: ProductRef,
  changes: CraRecordChanges,
  actor: string,
  now: Date = new Date(),
): Promise<CraRecordView> {
  return store.transaction(async (tx) => {
    const product = await resolveProduct(tx, ref);
    // Read, merge, write: concurrent changes to one record must not overwrite each other.
    await tx.lockProduct(product.id);
    const stored = await tx.getCraRecord(product.id);
    const before = stored?.record ?? emptyRecord();
    const after = applyCraChanges(before, changes);
    const at = now.toISOString();
    const changed = changedFields(before, after);
    if (changed.length === 0 && stored) return view(tx, product, before, stored.updatedBy, stored.updatedAt);
    await tx.saveCraRecord(product.id, after, actor, at);
    await tx.appendEvidence({
      at,
      actor,
      kind: 'cra-record.updated',
      subject: `product:${product.name}`,
      payload: { changed, recordSha256: recordHash(after) },
    });
    return view(tx, product, after, actor, at);
  });
}

export async function setAnnexRequirement(
  store: Store,
  ref: ProductRef,
  requirementId: string,
  input: AnnexEntryInput,
  actor: string,
  now: Date = new Date(),
): Promise<CraRecordView> {
  const requirement = findRequirement(requirementId);
  if (!requirement)
    throw new ServiceError(
      'invalid-input',
      `unknown Annex I requirement "${requirementId}" (known: ${ANNEX_I_REQUIREMENTS.map((r) => r.id).join(', ')})`,
      { field: 'requirement' },
    );
  if (isComputedRequirement(requirement.id)) {
    throw new ServiceError(
      'invalid-input',
      `${requirement.id} (${requirement.clause}) is computed per release (${requirement.id === 'I.a' ? 'from the vulnerability findings and their VEX analyses' : 'from the SBOM quality result, cra-annex-i profile'}) and cannot be set by hand`,
      { field: 'requirement' },
    );
  }
  if (!(ANNEX_STATUSES as readonly string[]).includes(input.status)) {
    throw new ServiceError(
      'invalid-input',
      `status must be one of ${ANNEX_STATUSES.join(', ')}, not "${input.status}"`,
      { field: 'status' },
    );
  }
  checkLimits(input, '');
  return store.transaction(async (tx) => {
    const product = await resolveProduct(tx, ref);
    // Read, merge, write: concurrent changes to one record must not overwrite each other.
    await tx.lockProduct(product.id);
    const stored = await tx.getCraRecord(product.id);
    const record = structuredClone(stored?.record ?? emptyRecord());
    const current = record.annexI[requirement.id] ?? emptyEntry();
    const entry: AnnexEntry = {
      status: input.status as AnnexStatus,
      evidence: input.evidence === undefined ? current.evidence : cleanList(input.evidence),
      note: input.note === undefined ? current.note : trimOrNull(input.note),
    };
    record.annexI[requirement.id] = entry;
    const problems = recordProblems(record);
    if (problems.length > 0)
      throw new ServiceError('invalid-input', `${requirement.id} (${requirement.clause}): ${problems[0]!.message}`, {
        field: problems[0]!.field,
      });
    const at = now.toISOString();
    await tx.saveCraRecord(product.id, record, actor, at);
    await tx.appendEvidence({
      at,
      actor,
      kind: 'annex-i.set',
      subject: `product:${product.name}`,
      payload: { requirement: requirement.id, ...entry },
    });
    return view(tx, product, record, actor, at);
  });
}
