// Where a product stands on the CRA: the role and scope decision, the class and the routes it allows,
// the support-period findings and retention dates, the Annex I matrix, and a readiness checklist whose
// items depend on the role (a steward's checklist is Art. 24's, not the manufacturer's).
import { classify, conformityRoutes, type Classification, type RouteDecision } from '../product/classification.js';
import { decideRole, type ScopeDecision } from '../product/operator-role.js';
import { checkSupportPeriod, documentationRetention, type SupportFinding } from '../product/support-period.js';
import { summariseMatrix, type AnnexStatus, type MatrixSummary } from './annex-i.js';
import { missingInformation, type DocumentId } from './information.js';
import type { CraRecord } from './record.js';
import { STEWARD_POLICY_ELEMENTS, authorityContactsProblem } from './steward.js';

export interface ChecklistItem {
  id: string;
  label: string;
  clause: string;
  done: boolean;
  /** What is left, when not done. */
  remaining: string | null;
}

export interface RecordAssessment {
  scope: ScopeDecision | null;
  classification: Classification | null;
  routes: RouteDecision[];
  /** The chosen route is not allowed for the class: why. */
  routeProblem: string | null;
  support: SupportFinding[];
  retention: { documentation: string } | null;
  matrix: MatrixSummary;
  checklist: ChecklistItem[];
  progress: { done: number; total: number };
}

const item = (id: string, label: string, clause: string, remaining: string | null): ChecklistItem => ({
  id,
  label,
  clause,
  done: remaining === null,
  remaining,
});

function missingFacts(record: CraRecord, document: DocumentId): string | null {
  const missing = missingInformation(record.information, document);
  return missing.length === 0 ? null : `missing: ${missing.map((m) => m.key).join(', ')}`;
}

/** `computed`: the status of the computed Annex I requirements for the release in view (see summariseMatrix). */
export function assessRecord(
  record: CraRecord,
  computed: Readonly<Record<string, AnnexStatus>> = {},
): RecordAssessment {
  const scope = record.roleAnswers ? decideRole(record.roleAnswers) : null;
  const classification =
    record.category === null ? null : classify(record.category === 'default' ? null : record.category);
  const routes = classification ? conformityRoutes(classification.class, record.routeFacts) : [];
  const chosen = routes.find((r) => r.route === record.route);
  const routeProblem =
    chosen && !chosen.allowed ? `${record.route} is not allowed: ${chosen.reason} (${chosen.clause})` : null;
  const support = record.support ? checkSupportPeriod(record.support) : [];
  const supportValid = record.support !== null && !support.some((f) => f.severity === 'error');
  const retention = supportValid
    ? { documentation: documentationRetention(record.support!.start, record.support!.endMonth) }
    : null;
  const matrix = summariseMatrix(record.annexI, computed);
  const contact = record.cvd.contacts.length > 0 ? null : 'record at least one contact for vulnerability reports';

  const checklist: ChecklistItem[] = [
    item(
      'role',
      'Operator role decided',
      'CRA Art. 3(13)-(17), Art. 24',
      scope ? null : 'answer the role questionnaire',
    ),
  ];
  const role = scope?.role;
  if (role === 'open-source-steward') {
    const undocumented = STEWARD_POLICY_ELEMENTS.filter((e) => !record.steward.policyElements[e.key]?.trim());
    checklist.push(
      item(
        'steward-policy',
        'Cybersecurity policy covers every Art. 24(1) element',
        'CRA Art. 24(1)',
        undocumented.length ? `document: ${undocumented.map((e) => e.key).join(', ')}` : null,
      ),
      item(
        'steward-contacts',
        'Contacts for market surveillance authorities',
        'CRA Art. 24(2)',
        authorityContactsProblem(record.steward.authorityContacts),
      ),
      item('cvd-contact', 'Contact for vulnerability reports', 'CRA Art. 24(1), Art. 15', contact),
    );
  } else if (role === 'manufacturer') {
    const legacyOnly = scope!.duties.length === 1;
    checklist.push(
      item(
        'cvd-contact',
        'Single point of contact for vulnerability reports',
        'CRA Art. 13(17), Annex I Part II (6)',
        contact,
      ),
    );
    if (!legacyOnly) {
      checklist.push(
        item(
          'classification',
          'Product classified from its core function',
          'CRA Art. 7(1), Annexes III-IV',
          classification ? null : 'choose the Annex III/IV category or "default"',
        ),
        item(
          'route',
          'Conformity assessment route chosen and allowed',
          'CRA Art. 32',
          record.route === null ? 'choose a route' : routeProblem,
        ),
        item(
          'support',
          'Support period set and justified',
          'CRA Art. 13(8)',
          record.support === null
            ? 'record start, end month and the Art. 13(8) factors'
            : support.length
              ? support.map((f) => f.message).join('; ')
              : null,
        ),
        item(
          'cvd-policy',
          'Coordinated vulnerability disclosure policy published',
          'CRA Annex I Part II (5)',
          record.cvd.policyUrl ? null : 'record the policy URL',
        ),
        item(
          'annex-i',
          'Annex I essential requirements settled (met with evidence, or not applicable with a reason)',
          'CRA Art. 13(1), Annex I',
          matrix.open.length ? `open: ${matrix.open.join(', ')}` : null,
        ),
        item('annex-ii', 'User information complete', 'CRA Art. 13(18), Annex II', missingFacts(record, 'annex-ii')),
        item(
          'annex-vii',
          'Technical documentation facts complete',
          'CRA Art. 31, Annex VII',
          missingFacts(record, 'annex-vii'),
        ),
        item(
          'annex-v',
          'EU declaration of conformity facts complete',
          'CRA Art. 28, Annex V',
          missingFacts(record, 'annex-v'),
        ),
      );
    }
  }
  const done = checklist.filter((c) => c.done).length;
  return {
    scope,
    classification,
    routes,
    routeProblem,
    support,
    retention,
    matrix,
    checklist,
    progress: { done, total: checklist.length },
  };
}
