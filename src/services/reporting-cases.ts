/**
 * CRA Art. 14 reporting cases: open, update, list and show with their clocks and form-ready texts.
 * Times come in as ISO 8601 with an offset and are stored in UTC; a local time is refused.
 */
import type { ReportingCase, ReportingCasePatch, ReportingCaseType } from '../model/index.js';
import {
  caseDeadlines,
  FACT_KEYS,
  FORM_STAGES,
  formatUtc,
  parseInstant,
  stageForm,
  type CaseDeadline,
  type StageForm,
} from '../cra/reporting/index.js';
import type { Store } from '../store/index.js';
import { ServiceError, notFound } from './service-error.js';

/** EU Member States by ISO 3166-1 alpha-2 (Greece also as EL, the EU's own code). */
const MEMBER_STATES = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
const MAX_TEXT = 20_000;

export interface ReportingCaseInput {
  product: string;
  type: string;
  title: string;
  awareAt: string;
  vulnerabilityId?: string;
  fixAvailableAt?: string;
  memberStates?: string[];
  facts?: Record<string, string>;
  createdBy?: string;
}

export interface ReportingCaseChanges {
  title?: string;
  vulnerabilityId?: string;
  fixAvailableAt?: string;
  earlyWarningSubmittedAt?: string;
  notificationSubmittedAt?: string;
  finalReportSubmittedAt?: string;
  memberStates?: string[];
  /** Merged into the stored facts; an empty value removes the fact. */
  facts?: Record<string, string>;
  status?: string;
  /** Who records the change (evidence log). */
  by?: string;
}

export interface ReportingCaseView {
  case: ReportingCase;
  productName: string;
  deadlines: CaseDeadline[];
  forms: StageForm[];
}

function utc(value: string, field: string): string {
  const parsed = parseInstant(value);
  if (!parsed.ok) throw new ServiceError('invalid-input', `${field}: ${parsed.message}`, { field });
  return formatUtc(parsed.ms);
}

function text(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new ServiceError('invalid-input', `${field} must not be empty`, { field });
  if (trimmed.length > MAX_TEXT)
    throw new ServiceError('invalid-input', `${field} is longer than ${MAX_TEXT} characters`, { field });
  return trimmed;
}

function memberStates(codes: string[]): string[] {
  const out = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
  const unknown = out.filter((c) => !MEMBER_STATES.has(c));
  if (unknown.length > 0)
    throw new ServiceError(
      'invalid-input',
      `not EU Member State codes: ${unknown.join(', ')} (use ISO 3166 alpha-2: DE, FR, …)`,
      { field: 'memberStates' },
    );
  return out.sort();
}

function mergeFacts(stored: Record<string, string>, changes: Record<string, string>): Record<string, string> {
  const out = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (!(FACT_KEYS as readonly string[]).includes(key)) {
      throw new ServiceError('invalid-input', `unknown fact "${key}" (known: ${FACT_KEYS.join(', ')})`, {
        field: `facts.${key}`,
      });
    }
    if (value.trim() === '') delete out[key];
    else out[key] = text(value, `facts.${key}`);
  }
  return out;
}

function caseType(value: string): ReportingCaseType {
  if (value !== 'vulnerability' && value !== 'incident') {
    throw new ServiceError(
      'invalid-input',
      `type must be "vulnerability" (actively exploited) or "incident" (severe), not "${value}"`,
      { field: 'type' },
    );
  }
  return value;
}

function notBefore(later: string | null | undefined, awareAt: string, field: string): void {
  if (later && later < awareAt)
    throw new ServiceError('invalid-input', `${field} (${later}) is before awareness (${awareAt})`, { field });
}

export async function openReportingCase(store: Store, input: ReportingCaseInput): Promise<ReportingCase> {
  const product = await store.findProductByName(input.product);
  if (!product) throw notFound(`product "${input.product}"`);
  const type = caseType(input.type);
  const awareAt = utc(input.awareAt, 'awareAt');
  const fixAvailableAt = input.fixAvailableAt === undefined ? undefined : utc(input.fixAvailableAt, 'fixAvailableAt');
  if (fixAvailableAt !== undefined && type !== 'vulnerability')
    throw new ServiceError('invalid-input', 'fixAvailableAt applies to vulnerability cases only', {
      field: 'fixAvailableAt',
    });
  const values = {
    productId: product.id,
    type,
    title: text(input.title, 'title'),
    awareAt,
    vulnerabilityId: input.vulnerabilityId === undefined ? undefined : text(input.vulnerabilityId, 'vulnerabilityId'),
    fixAvailableAt,
    memberStates: memberStates(input.memberStates ?? []),
    facts: mergeFacts({}, input.facts ?? {}),
    createdBy: input.createdBy,
  };
  // The case and its evidence-log entry together (CRA Art. 13(7); issue 12 item 6: reports filed).
  return store.transaction(async (tx) => {
    const created = await tx.createReportingCase(values);
    await tx.appendEvidence({
      at: new Date().toISOString(),
      actor: input.createdBy ?? 'unknown',
      kind: 'reporting-case.opened',
      subject: `product:${product.name}`,
      payload: {
        case: created.id,
        type: created.type,
        vulnerabilityId: created.vulnerabilityId,
        awareAt: created.awareAt,
        memberStates: created.memberStates,
      },
    });
    return created;
  });
}

export async function updateReportingCase(
  store: Store,
  id: number,
  changes: ReportingCaseChanges,
): Promise<ReportingCase> {
  return store.transaction(async (tx) => {
    const current = await tx.getReportingCase(id);
    if (!current) throw notFound(`reporting case #${id}`);
    const patch: ReportingCasePatch = {};
    if (changes.title !== undefined) patch.title = text(changes.title, 'title');
    if (changes.vulnerabilityId !== undefined) patch.vulnerabilityId = text(changes.vulnerabilityId, 'vulnerabilityId');
    if (changes.fixAvailableAt !== undefined) {
      if (current.type !== 'vulnerability')
        throw new ServiceError('invalid-input', 'fixAvailableAt applies to vulnerability cases only', {
          field: 'fixAvailableAt',
        });
      patch.fixAvailableAt = utc(changes.fixAvailableAt, 'fixAvailableAt');
    }
    for (const field of ['earlyWarningSubmittedAt', 'notificationSubmittedAt', 'finalReportSubmittedAt'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      patch[field] = utc(value, field);
      notBefore(patch[field], current.awareAt, field);
    }
    if (changes.memberStates !== undefined) patch.memberStates = memberStates(changes.memberStates);
    if (changes.facts !== undefined) patch.facts = mergeFacts(current.facts, changes.facts);
    if (changes.status !== undefined) {
      if (changes.status !== 'open' && changes.status !== 'closed')
        throw new ServiceError('invalid-input', `status must be "open" or "closed"`, { field: 'status' });
      patch.status = changes.status;
    }
    const updated = (await tx.updateReportingCase(id, patch))!;
    const product = await tx.getProduct(current.productId);
    await tx.appendEvidence({
      at: new Date().toISOString(),
      actor: changes.by ?? 'unknown',
      kind: 'reporting-case.updated',
      subject: `product:${product?.name ?? `#${current.productId}`}`,
      payload: { case: id, changed: Object.keys(patch).sort(), ...patch },
    });
    return updated;
  });
}

export async function listReportingCases(
  store: Store,
  productName?: string,
): Promise<Array<ReportingCase & { productName: string }>> {
  const products = await store.listProducts();
  const names = new Map(products.map((p) => [p.id, p.name]));
  let productId: number | undefined;
  if (productName !== undefined) {
    productId = products.find((p) => p.name === productName)?.id;
    if (productId === undefined) throw notFound(`product "${productName}"`);
  }
  return (await store.listReportingCases(productId)).map((c) => ({
    ...c,
    productName: names.get(c.productId) ?? `#${c.productId}`,
  }));
}

/** A case with its clocks at `now` and the form-ready text of every stage. */
export async function reportingCaseView(store: Store, id: number, now: Date = new Date()): Promise<ReportingCaseView> {
  const c = await store.getReportingCase(id);
  if (!c) throw notFound(`reporting case #${id}`);
  const product = await store.getProduct(c.productId);
  const productName = product?.name ?? `#${c.productId}`;
  return {
    case: c,
    productName,
    deadlines: caseDeadlines(c, now.getTime()),
    forms: FORM_STAGES.map((stage) => stageForm(c, productName, stage)),
  };
}
