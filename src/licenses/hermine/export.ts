import type { ComplianceAction, KnowledgeBase, LicenseFacts, LicensePolicy, Obligation } from '../kb/types.js';
import {
  ALLOWED,
  COPYLEFT,
  DISCLAIMER,
  EXPLOITATION,
  FOSS,
  METACATEGORY,
  MODIFICATION_TRIGGER,
  PASSIVITY,
  type Vocabulary,
} from './vocabulary.js';
import { SHARED_LICENSE_FIELDS, type HermineRecord, type HermineShared } from './records.js';

/** Hermine writes "" for an unset choice; a value we kept verbatim on import wins. */
function term<T extends string>(value: T | null, vocabulary: Vocabulary<T>): string {
  return value === null ? '' : (vocabulary.toHermine.get(value) ?? '');
}

/** Keys starting with "$" are our own import markers, never Hermine fields. */
function hermineExtras(extra: Record<string, unknown> | undefined): HermineRecord {
  return Object.fromEntries(Object.entries(extra ?? {}).filter(([k]) => !k.startsWith('$')));
}

function licenseRecord(l: LicenseFacts, policy: LicensePolicy | undefined): HermineRecord {
  const record: HermineRecord = {
    spdx_id: l.id,
    long_name: l.name,
    steward: l.steward ?? '',
    copyleft: term(l.copyleft, COPYLEFT),
    url: l.url ?? '',
    osi_approved: l.osiApproved,
    fsf_approved: l.fsfApproved,
    foss: term(l.foss, FOSS),
    patent_grant: l.patentGrant,
    ethical_clause: l.ethicalClause,
    non_commercial: l.nonCommercial,
    non_tivoisation: l.antiTivoisation,
    liability: term(l.liabilityDisclaimer, DISCLAIMER),
    warranty: term(l.warrantyDisclaimer, DISCLAIMER),
    law_choice: l.law ?? '',
    venue_choice: l.venue ?? '',
    comment: l.comment ?? '',
    verbatim: l.text ?? '',
  };
  if (policy) {
    record.allowed = term(policy.allowed, ALLOWED);
    record.allowed_explanation = policy.comment ?? '';
  }
  return record;
}

function obligationRecord(o: Obligation): HermineRecord {
  const record: HermineRecord = {
    license: [o.license],
    generic: o.action === null ? null : [o.action],
    name: o.name,
    verbatim: o.clause ?? '',
    passivity: term(o.passivity, PASSIVITY),
    trigger_expl: term(o.exploitation, EXPLOITATION),
    trigger_mdf: term(o.modification, MODIFICATION_TRIGGER),
    ...hermineExtras(o.extra),
  };
  if (o.extra?.$noGeneric && o.action === null) delete record.generic;
  return record;
}

function genericRecord(a: ComplianceAction): HermineRecord {
  const record: HermineRecord = {
    name: a.name,
    description: a.description,
    metacategory: term(a.category, METACATEGORY),
    passivity: term(a.passivity, PASSIVITY),
  };
  if (a.core || a.extra?.$inCore) record.in_core = a.core;
  if (a.team !== null) record.team = [a.team];
  return { ...record, ...hermineExtras(a.extra) };
}

/** Hermine names generic files by a slug of the generic name. */
export function genericFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'generic'}.json`;
}

export function licenseFileName(id: string): string {
  return `${id.replace(/[/\\]/g, '_')}.json`;
}

export interface HermineFileSet {
  /** Relative path ("licenses/MIT.json", "generics/….json") -> JSON value. */
  files: Map<string, unknown>;
}

/** Exports in Hermine's per-file layout: one file per licence (obligations embedded), one per generic. */
export function exportHermineFiles(kb: KnowledgeBase, policies: LicensePolicy[] = []): HermineFileSet {
  const files = new Map<string, unknown>();
  const byLicense = groupObligations(kb.obligations);
  for (const l of kb.licenses) {
    const policy = policies.find((p) => p.license === l.id);
    files.set(`licenses/${licenseFileName(l.id)}`, {
      ...licenseRecord(l, policy),
      ...hermineExtras(l.extra),
      obligations: (byLicense.get(l.id) ?? []).map(obligationRecord),
    });
  }
  for (const a of kb.actions) files.set(`generics/${genericFileName(a.name)}`, genericRecord(a));
  return { files };
}

/**
 * Exports Hermine's bundled layout. Licence fields are those Hermine shares (plus liability,
 * warranty and venue when known); fields only the per-file layout carries are left out.
 */
export function exportHermineShared(kb: KnowledgeBase, date = new Date().toISOString().slice(0, 19)): HermineShared {
  const licenseObject = (l: LicenseFacts) => {
    const full = licenseRecord(l, undefined);
    const fields: HermineRecord = {};
    for (const f of SHARED_LICENSE_FIELDS) fields[f] = full[f];
    for (const f of ['liability', 'warranty', 'venue_choice']) if (full[f] !== '') fields[f] = full[f];
    return { model: 'cube.license', fields };
  };
  return {
    date,
    version: '1.0',
    objects: [
      ...kb.actions.map((a) => ({ model: 'cube.generic', fields: genericRecord(a) })),
      ...kb.licenses.map(licenseObject),
      ...kb.obligations.map((o) => ({ model: 'cube.obligation', fields: obligationRecord(o) })),
    ],
  };
}

function groupObligations(obligations: Obligation[]): Map<string, Obligation[]> {
  const out = new Map<string, Obligation[]>();
  for (const o of obligations) out.set(o.license, [...(out.get(o.license) ?? []), o]);
  return out;
}
