import type { ComplianceAction, KnowledgeBase, LicenseFacts, Obligation } from '../kb/types.js';

/** Licence fields compared one by one (everything but the key and import leftovers). */
export const COMPARED_LICENSE_FIELDS = [
  'name',
  'kind',
  'copyleft',
  'osiApproved',
  'fsfApproved',
  'foss',
  'patentGrant',
  'ethicalClause',
  'nonCommercial',
  'antiTivoisation',
  'warrantyDisclaimer',
  'liabilityDisclaimer',
  'law',
  'venue',
  'steward',
  'url',
  'comment',
  'text',
] as const satisfies readonly (keyof LicenseFacts)[];
export const COMPARED_ACTION_FIELDS = [
  'description',
  'category',
  'passivity',
  'team',
  'core',
] as const satisfies readonly (keyof ComplianceAction)[];

export type LicenseField = (typeof COMPARED_LICENSE_FIELDS)[number];
export type ActionField = (typeof COMPARED_ACTION_FIELDS)[number];

/** What an obligation means, without its import leftovers: the unit obligations are compared in. */
export type ObligationSummary = Pick<Obligation, 'name' | 'passivity' | 'exploitation' | 'modification' | 'action'>;

export type KbDifference =
  | { kind: 'license-field'; license: string; field: LicenseField; ours: unknown; reference: unknown }
  | { kind: 'license-only-in'; license: string; side: 'ours' | 'reference' }
  | { kind: 'obligations'; license: string; ours: ObligationSummary[]; reference: ObligationSummary[] }
  | { kind: 'action-field'; action: string; field: ActionField; ours: unknown; reference: unknown }
  | { kind: 'action-only-in'; action: string; side: 'ours' | 'reference' };

export interface DiffOptions {
  /** Leave out reference fields that are unknown (null): a null says nothing to take. Default true. */
  ignoreUnknownReference?: boolean;
}

const key = (id: string) => id.toLowerCase();

function summary(o: Obligation): ObligationSummary {
  return {
    name: o.name,
    passivity: o.passivity,
    exploitation: o.exploitation,
    modification: o.modification,
    action: o.action,
  };
}
function summariesOf(kb: KnowledgeBase, license: string): ObligationSummary[] {
  return kb.obligations
    .filter((o) => key(o.license) === key(license))
    .map(summary)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Field-by-field differences between our knowledge base and a reference (e.g. imported Hermine data). */
export function diffKnowledgeBases(
  ours: KnowledgeBase,
  reference: KnowledgeBase,
  options: DiffOptions = {},
): KbDifference[] {
  const ignoreUnknown = options.ignoreUnknownReference ?? true;
  const out: KbDifference[] = [];
  const ourLicenses = new Map(ours.licenses.map((l) => [key(l.id), l]));
  const refLicenses = new Map(reference.licenses.map((l) => [key(l.id), l]));
  for (const ref of reference.licenses) {
    const mine = ourLicenses.get(key(ref.id));
    if (!mine) {
      out.push({ kind: 'license-only-in', license: ref.id, side: 'reference' });
      continue;
    }
    for (const field of COMPARED_LICENSE_FIELDS) {
      if (ignoreUnknown && ref[field] === null) continue;
      if (mine[field] !== ref[field])
        out.push({ kind: 'license-field', license: mine.id, field, ours: mine[field], reference: ref[field] });
    }
    const a = summariesOf(ours, mine.id);
    const b = summariesOf(reference, ref.id);
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push({ kind: 'obligations', license: mine.id, ours: a, reference: b });
  }
  for (const mine of ours.licenses) {
    if (!refLicenses.has(key(mine.id))) out.push({ kind: 'license-only-in', license: mine.id, side: 'ours' });
  }
  const ourActions = new Map(ours.actions.map((a) => [a.name, a]));
  for (const ref of reference.actions) {
    const mine = ourActions.get(ref.name);
    if (!mine) {
      out.push({ kind: 'action-only-in', action: ref.name, side: 'reference' });
      continue;
    }
    for (const field of COMPARED_ACTION_FIELDS) {
      if (ignoreUnknown && ref[field] === null) continue;
      if (mine[field] !== ref[field])
        out.push({ kind: 'action-field', action: ref.name, field, ours: mine[field], reference: ref[field] });
    }
  }
  const refActionNames = new Set(reference.actions.map((a) => a.name));
  for (const mine of ours.actions)
    if (!refActionNames.has(mine.name)) out.push({ kind: 'action-only-in', action: mine.name, side: 'ours' });
  return out;
}

/** Applies one difference the reference's way, returning a new knowledge base (ours is not changed). */
export function takeReference(ours: KnowledgeBase, reference: KnowledgeBase, d: KbDifference): KnowledgeBase {
  switch (d.kind) {
    case 'license-field':
      return {
        ...ours,
        licenses: ours.licenses.map((l) => (key(l.id) === key(d.license) ? { ...l, [d.field]: d.reference } : l)),
      };
    case 'license-only-in':
      if (d.side === 'ours') {
        return {
          ...ours,
          licenses: ours.licenses.filter((l) => key(l.id) !== key(d.license)),
          obligations: ours.obligations.filter((o) => key(o.license) !== key(d.license)),
        };
      }
      return withReferenceObligations(
        { ...ours, licenses: [...ours.licenses, reference.licenses.find((l) => key(l.id) === key(d.license))!] },
        reference,
        d.license,
      );
    case 'obligations':
      return withReferenceObligations(ours, reference, d.license);
    case 'action-field':
      return {
        ...ours,
        actions: ours.actions.map((a) => (a.name === d.action ? { ...a, [d.field]: d.reference } : a)),
      };
    case 'action-only-in':
      if (d.side === 'ours') return { ...ours, actions: ours.actions.filter((a) => a.name !== d.action) };
      // Taking a licence's obligations may already have brought this action along.
      if (ours.actions.some((a) => a.name === d.action)) return ours;
      return { ...ours, actions: [...ours.actions, reference.actions.find((a) => a.name === d.action)!] };
  }
}

/** Replaces a licence's obligations with the reference ones, bringing the actions they need along. */
function withReferenceObligations(ours: KnowledgeBase, reference: KnowledgeBase, license: string): KnowledgeBase {
  const ourId = ours.licenses.find((l) => key(l.id) === key(license))?.id ?? license;
  const taken = reference.obligations
    .filter((o) => key(o.license) === key(license))
    .map((o) => ({ ...o, license: ourId }));
  const have = new Set(ours.actions.map((a) => a.name));
  const needed = reference.actions.filter((a) => !have.has(a.name) && taken.some((o) => o.action === a.name));
  return {
    licenses: ours.licenses,
    obligations: [...ours.obligations.filter((o) => key(o.license) !== key(license)), ...taken],
    actions: [...ours.actions, ...needed],
  };
}
