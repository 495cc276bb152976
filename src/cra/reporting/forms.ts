// Form-ready texts for each Art. 14 stage: every element the Article asks for, filled from the case
// or named as missing. ENISA's Single Reporting Platform is a web form without an API at launch
// (reference note §1.3 [S]), so the output is text to paste, one labelled paragraph per element.
import type { ReportingCase, ReportingCaseType } from '../../model/index.js';
import type { Stage } from './clocks.js';

export type FormStage = Stage | 'user-notice';

export interface FormElement {
  /** Key in `ReportingCase.facts` (or a case field, see CASE_FIELDS). */
  key: string;
  label: string;
  clause: string;
  /** "where available" / "where applicable" elements: reported, never counted as missing. */
  optional?: boolean;
}

/** Elements read from the case record rather than from `facts`. */
const CASE_FIELDS: Record<string, (c: ReportingCase, productName: string) => string | undefined> = {
  product: (c, productName) =>
    [productName, c.facts.affectedVersions && `versions ${c.facts.affectedVersions}`].filter(Boolean).join(', '),
  vulnerability: (c) => [c.vulnerabilityId, c.title].filter(Boolean).join(': ') || undefined,
  memberStates: (c) => (c.memberStates.length > 0 ? c.memberStates.join(', ') : undefined),
};

/** Fact keys the CLI and API accept (`facts` outside this list are refused). */
export const FACT_KEYS = [
  'affectedVersions',
  'exploitNature',
  'measuresTaken',
  'userMeasures',
  'sensitivity',
  'severityImpact',
  'maliciousActor',
  'securityUpdate',
  'suspectedMalicious',
  'incidentNature',
  'initialAssessment',
  'rootCause',
  'mitigations',
  'summary',
] as const;

const V = 'CRA Art. 14(2)';
const I = 'CRA Art. 14(4)';

const FORMS: Record<ReportingCaseType, Record<FormStage, FormElement[]>> = {
  vulnerability: {
    'early-warning': [
      { key: 'vulnerability', label: 'Actively exploited vulnerability', clause: `${V}(a)` },
      { key: 'product', label: 'Product concerned', clause: `${V}(a)` },
      {
        key: 'memberStates',
        label: 'Member States where the product is made available',
        clause: `${V}(a)`,
        optional: true,
      },
    ],
    notification: [
      { key: 'product', label: 'General information about the product concerned', clause: `${V}(b)` },
      { key: 'exploitNature', label: 'General nature of the exploit and of the vulnerability', clause: `${V}(b)` },
      { key: 'measuresTaken', label: 'Corrective or mitigating measures taken', clause: `${V}(b)` },
      { key: 'userMeasures', label: 'Corrective or mitigating measures users can take', clause: `${V}(b)` },
      { key: 'sensitivity', label: 'How sensitive the notified information is', clause: `${V}(b)` },
    ],
    'final-report': [
      {
        key: 'severityImpact',
        label: 'Description of the vulnerability, including its severity and impact',
        clause: `${V}(c)(i)`,
      },
      {
        key: 'maliciousActor',
        label: 'Information on any malicious actor that exploited it',
        clause: `${V}(c)(ii)`,
        optional: true,
      },
      {
        key: 'securityUpdate',
        label: 'Details of the security update or other corrective measures',
        clause: `${V}(c)(iii)`,
      },
    ],
    'user-notice': [
      { key: 'product', label: 'Product concerned', clause: 'CRA Art. 14(8)' },
      { key: 'summary', label: 'The actively exploited vulnerability', clause: 'CRA Art. 14(8)' },
      {
        key: 'userMeasures',
        label: 'Risk mitigation and corrective measures users can deploy',
        clause: 'CRA Art. 14(8)',
      },
    ],
  },
  incident: {
    'early-warning': [
      {
        key: 'suspectedMalicious',
        label: 'Whether the incident is suspected of being caused by unlawful or malicious acts',
        clause: `${I}(a)`,
      },
      { key: 'product', label: 'Product concerned', clause: `${I}(a)` },
      {
        key: 'memberStates',
        label: 'Member States where the product is made available',
        clause: `${I}(a)`,
        optional: true,
      },
    ],
    notification: [
      { key: 'incidentNature', label: 'Nature of the incident', clause: `${I}(b)` },
      { key: 'initialAssessment', label: 'Initial assessment of the incident', clause: `${I}(b)` },
      { key: 'measuresTaken', label: 'Corrective or mitigating measures taken', clause: `${I}(b)` },
      { key: 'userMeasures', label: 'Corrective or mitigating measures users can take', clause: `${I}(b)` },
      { key: 'sensitivity', label: 'How sensitive the notified information is', clause: `${I}(b)` },
    ],
    'final-report': [
      {
        key: 'severityImpact',
        label: 'Detailed description of the incident, including its severity and impact',
        clause: `${I}(c)(i)`,
      },
      {
        key: 'rootCause',
        label: 'Type of threat or root cause likely to have triggered the incident',
        clause: `${I}(c)(ii)`,
      },
      { key: 'mitigations', label: 'Applied and ongoing mitigation measures', clause: `${I}(c)(iii)` },
    ],
    'user-notice': [
      { key: 'product', label: 'Product concerned', clause: 'CRA Art. 14(8)' },
      { key: 'summary', label: 'The severe incident', clause: 'CRA Art. 14(8)' },
      {
        key: 'userMeasures',
        label: 'Risk mitigation and corrective measures users can deploy',
        clause: 'CRA Art. 14(8)',
      },
    ],
  },
};

const TITLES: Record<FormStage, string> = {
  'early-warning': 'Early warning',
  notification: 'Notification',
  'final-report': 'Final report',
  'user-notice': 'Information to impacted users',
};

export interface StageForm {
  stage: FormStage;
  title: string;
  elements: Array<FormElement & { value: string | null }>;
  /** Labels of required elements with no value yet. */
  missing: string[];
  text: string;
}

export function formElements(type: ReportingCaseType, stage: FormStage): readonly FormElement[] {
  return FORMS[type][stage];
}

/** The form of one stage, filled from the case; missing required elements are named, never blank. */
export function stageForm(c: ReportingCase, productName: string, stage: FormStage): StageForm {
  const elements = FORMS[c.type][stage].map((e) => {
    const read = CASE_FIELDS[e.key];
    const raw = read ? read(c, productName) : c.facts[e.key];
    const value = raw !== undefined && raw.trim() !== '' ? raw.trim() : null;
    return { ...e, value };
  });
  const missing = elements.filter((e) => e.value === null && !e.optional).map((e) => e.label);
  const kind = c.type === 'vulnerability' ? 'actively exploited vulnerability' : 'severe incident';
  const lines = [`${TITLES[stage]} — ${kind} — case #${c.id} (${productName})`, ''];
  for (const e of elements) {
    const shown = e.value ?? (e.optional ? 'not available' : `MISSING (fact ${e.key})`);
    lines.push(`${e.label} [${e.clause}]:`, shown, '');
  }
  if (missing.length > 0) lines.push(`Missing before submission: ${missing.join('; ')}`);
  return { stage, title: TITLES[stage], elements, missing, text: lines.join('\n').trimEnd() + '\n' };
}

export const FORM_STAGES: readonly FormStage[] = ['early-warning', 'notification', 'final-report', 'user-notice'];
