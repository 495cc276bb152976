// A product's CRA record (issue 12 items 2, 3, 7): the operator role from the questionnaire, the
// classification and conformity route, the support period, the coordinated vulnerability disclosure
// contact, the facts the documents need, the Annex I matrix and, for stewards, the Art. 24 policy.
// Pure data with a checker that says what is wrong and where; the service refuses a record with
// problems, so nothing half-valid is stored.
import type { ConformityRoute, RouteFacts } from '../product/classification.js';
import { findCategory } from '../product/categories.js';
import type { RoleAnswers } from '../product/operator-role.js';
import { SUPPORT_FACTORS, lastDayOfMonth, parseDay, type SupportPeriodInput } from '../product/support-period.js';
import { ANNEX_I_REQUIREMENTS, ANNEX_STATUSES, entryProblem, type AnnexEntry } from './annex-i.js';
import { EXPLOITABLE_THRESHOLDS, isComputedRequirement, type ExploitableThreshold } from './annex-i-computed.js';
import { INFORMATION_KEY_NAMES } from './information.js';
import { STEWARD_ELEMENT_KEYS } from './steward.js';

export interface CvdContact {
  /** RFC 9116 Contact URIs (mailto:, https:, tel:), in order of preference (CRA Art. 13(17)). */
  contacts: string[];
  /** Where the coordinated vulnerability disclosure policy is published (Annex I Part II (5)). */
  policyUrl: string | null;
  /** The canonical URL of the security.txt (RFC 9116 §2.5.2). */
  securityTxtUrl: string | null;
  /** Where the CSAF provider-metadata.json is (CSAF 2.0 §7.1.8). */
  csafUrl: string | null;
  /** RFC 5646 language tags for reports. */
  preferredLanguages: string[];
}

export interface StewardRecord {
  /** Per Art. 24(1) element: where the policy covers it (a link or a document reference). */
  policyElements: Record<string, string>;
  /** Art. 24(2): who cooperates with market surveillance authorities (mailto:/https: URIs). */
  authorityContacts: string[];
}

export interface CraRecord {
  /** Questionnaire answers; the role follows from them (decideRole). */
  roleAnswers: RoleAnswers | null;
  /** The product's core function in the manufacturer's words (Art. 7(1)). */
  coreFunction: string | null;
  /** Annex III/IV category id, `default` for none, null when not classified yet. */
  category: string | null;
  routeFacts: RouteFacts;
  route: ConformityRoute | null;
  support: SupportPeriodInput | null;
  cvd: CvdContact;
  /** Document facts by INFORMATION_KEYS key. */
  information: Record<string, string>;
  /** Annex I matrix by requirement id; missing ids are "not-assessed". */
  annexI: Record<string, AnnexEntry>;
  steward: StewardRecord;
  /** Lowest rating at which an unsettled finding counts against Annex I Part I (2)(a); absent: high. */
  exploitableThreshold?: ExploitableThreshold;
  /** Annex I requirement ids a release must have settled before it ships (the release gate; CRA Art. 13(12)). */
  shipRequires?: string[];
}

export function emptyRecord(): CraRecord {
  return {
    roleAnswers: null,
    coreFunction: null,
    category: null,
    routeFacts: {},
    route: null,
    support: null,
    cvd: { contacts: [], policyUrl: null, securityTxtUrl: null, csafUrl: null, preferredLanguages: [] },
    information: {},
    annexI: {},
    steward: { policyElements: {}, authorityContacts: [] },
  };
}

export interface RecordProblem {
  field: string;
  message: string;
}

const ROUTES: readonly ConformityRoute[] = ['module-a', 'module-b-c', 'module-h', 'eu-certification'];
const ROLE_ANSWER_KEYS = [
  'marketsUnderOwnName',
  'importsFromOutsideUnion',
  'makesAvailableUnchanged',
  'openSource',
  'monetised',
  'sustainsForCommercialUse',
  'legacyUnmodified',
] as const;
const ROUTE_FACT_KEYS = [
  'standardsAppliedInFull',
  'openSource',
  'technicalDocumentationPublic',
  'certificationRequiredByDelegatedAct',
] as const;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A contact URI as RFC 9116 §2.5.3 wants it: mailto:, tel: or https: (not http). */
export function contactProblem(uri: string): string | null {
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(uri)) return null;
  if (/^tel:\+?[0-9][0-9 ().-]*$/i.test(uri)) return null;
  if (/^https:\/\/[^\s]+$/i.test(uri)) return null;
  if (/^[^@\s:]+@[^@\s]+$/.test(uri)) return `"${uri}" is an e-mail address: write it as mailto:${uri}`;
  return `"${uri}" is not a contact URI (mailto:, tel: or https://)`;
}

export function httpsProblem(url: string): string | null {
  return /^https:\/\/[^\s]+$/i.test(url) ? null : `"${url}" is not an https:// URL`;
}

/** Every problem of a record, each with the field it is in. An empty list: the record can be stored. */
export function recordProblems(record: CraRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  const add = (field: string, message: string | null) => {
    if (message) out.push({ field, message });
  };
  if (record.roleAnswers) {
    for (const [key, value] of Object.entries(record.roleAnswers)) {
      if (!(ROLE_ANSWER_KEYS as readonly string[]).includes(key))
        add(`roleAnswers.${key}`, `unknown question (known: ${ROLE_ANSWER_KEYS.join(', ')})`);
      else if (typeof value !== 'boolean' && value !== undefined) add(`roleAnswers.${key}`, 'must be yes or no');
    }
    if (typeof record.roleAnswers.marketsUnderOwnName !== 'boolean')
      add('roleAnswers.marketsUnderOwnName', 'must be answered (yes or no)');
  }
  if (record.category !== null && record.category !== 'default' && !findCategory(record.category)) {
    add('category', `unknown product category "${record.category}" (see \`vigie cra categories\`; "default" for none)`);
  }
  for (const key of Object.keys(record.routeFacts)) {
    if (!(ROUTE_FACT_KEYS as readonly string[]).includes(key))
      add(`routeFacts.${key}`, `unknown fact (known: ${ROUTE_FACT_KEYS.join(', ')})`);
  }
  if (record.route !== null && !ROUTES.includes(record.route))
    add('route', `unknown route "${record.route}" (${ROUTES.join(', ')})`);
  if (record.route !== null && record.category === null)
    add('route', 'classify the product before choosing a conformity route (Art. 32 depends on the class)');
  if (record.support) {
    const s = record.support;
    if (parseDay(s.start) === null) add('support.start', `"${s.start}" is not a date (YYYY-MM-DD)`);
    if (lastDayOfMonth(s.endMonth) === null) add('support.endMonth', `"${s.endMonth}" is not a month (YYYY-MM)`);
    for (const key of Object.keys(s.factors)) {
      if (!(SUPPORT_FACTORS as readonly string[]).includes(key))
        add(`support.factors.${key}`, `unknown factor (known: ${SUPPORT_FACTORS.join(', ')})`);
    }
    (s.coreComponents ?? []).forEach((c, i) => {
      if (!c.name.trim()) add(`support.coreComponents.${i}.name`, 'must not be empty');
      if (lastDayOfMonth(c.endOfSupport) === null)
        add(`support.coreComponents.${i}.endOfSupport`, `"${c.endOfSupport}" is not a month (YYYY-MM)`);
    });
  }
  record.cvd.contacts.forEach((c, i) => add(`cvd.contacts.${i}`, contactProblem(c)));
  for (const key of ['policyUrl', 'securityTxtUrl', 'csafUrl'] as const) {
    const url = record.cvd[key];
    if (url !== null) add(`cvd.${key}`, httpsProblem(url));
  }
  if (record.cvd.securityTxtUrl !== null && !record.cvd.securityTxtUrl.endsWith('/.well-known/security.txt')) {
    add('cvd.securityTxtUrl', 'the canonical URL must end with /.well-known/security.txt (RFC 9116 §3)');
  }
  record.cvd.preferredLanguages.forEach((l, i) =>
    add(
      `cvd.preferredLanguages.${i}`,
      LANGUAGE_TAG.test(l) ? null : `"${l}" is not a language tag (e.g. en, de, fr-BE)`,
    ),
  );
  for (const key of Object.keys(record.information)) {
    if (!INFORMATION_KEY_NAMES.includes(key))
      add(`information.${key}`, `unknown fact (known: ${INFORMATION_KEY_NAMES.join(', ')})`);
  }
  if (record.information.signatureDate && parseDay(record.information.signatureDate) === null)
    add('information.signatureDate', `"${record.information.signatureDate}" is not a date (YYYY-MM-DD)`);
  if (
    record.exploitableThreshold !== undefined &&
    !(EXPLOITABLE_THRESHOLDS as readonly string[]).includes(record.exploitableThreshold)
  ) {
    add('exploitableThreshold', `must be one of ${EXPLOITABLE_THRESHOLDS.join(', ')}`);
  }
  (record.shipRequires ?? []).forEach((id, i) =>
    add(
      `shipRequires.${i}`,
      ANNEX_I_REQUIREMENTS.some((r) => r.id === id)
        ? null
        : `unknown requirement "${id}" (known: ${ANNEX_I_REQUIREMENTS.map((r) => r.id).join(', ')})`,
    ),
  );
  for (const [id, entry] of Object.entries(record.annexI)) {
    if (!ANNEX_I_REQUIREMENTS.some((r) => r.id === id))
      add(`annexI.${id}`, `unknown requirement (known: ${ANNEX_I_REQUIREMENTS.map((r) => r.id).join(', ')})`);
    else if (isComputedRequirement(id)) continue;
    else if (!(ANNEX_STATUSES as readonly string[]).includes(entry.status))
      add(`annexI.${id}.status`, `must be one of ${ANNEX_STATUSES.join(', ')}`);
    else add(`annexI.${id}`, entryProblem(entry));
  }
  for (const key of Object.keys(record.steward.policyElements)) {
    if (!STEWARD_ELEMENT_KEYS.includes(key))
      add(`steward.policyElements.${key}`, `unknown element (known: ${STEWARD_ELEMENT_KEYS.join(', ')})`);
  }
  record.steward.authorityContacts.forEach((c, i) => add(`steward.authorityContacts.${i}`, contactProblem(c)));
  return out;
}
