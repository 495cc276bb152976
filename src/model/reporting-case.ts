/**
 * An Art. 14 CRA reporting case: an actively exploited vulnerability (14(2)) or a severe incident
 * (14(4)) affecting one product. Times are ISO 8601 instants in UTC; `facts` holds the texts the
 * report forms need, keyed by element (see cra/reporting/forms.ts).
 */
export type ReportingCaseType = 'vulnerability' | 'incident';
export type ReportingCaseStatus = 'open' | 'closed';

export interface ReportingCase {
  id: number;
  productId: number;
  type: ReportingCaseType;
  title: string;
  /** CVE, GHSA, EUVD… id of the vulnerability, when there is one. */
  vulnerabilityId: string | null;
  awareAt: string;
  /** When a corrective or mitigating measure became available (vulnerability final-report clock). */
  fixAvailableAt: string | null;
  earlyWarningSubmittedAt: string | null;
  /** When the (vulnerability or incident) notification was submitted (incident final-report clock). */
  notificationSubmittedAt: string | null;
  finalReportSubmittedAt: string | null;
  /** ISO 3166 alpha-2 codes of the Member States concerned (where the product is made available). */
  memberStates: string[];
  facts: Record<string, string>;
  status: ReportingCaseStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewReportingCase = Pick<ReportingCase, 'productId' | 'type' | 'title' | 'awareAt'> &
  Partial<Pick<ReportingCase, 'vulnerabilityId' | 'fixAvailableAt' | 'memberStates' | 'facts' | 'createdBy'>>;

export type ReportingCasePatch = Partial<
  Pick<
    ReportingCase,
    | 'title'
    | 'vulnerabilityId'
    | 'fixAvailableAt'
    | 'earlyWarningSubmittedAt'
    | 'notificationSubmittedAt'
    | 'finalReportSubmittedAt'
    | 'memberStates'
    | 'facts'
    | 'status'
  >
>;
