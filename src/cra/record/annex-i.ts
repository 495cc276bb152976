// The essential requirements of CRA Annex I as data (reference note §1.4, §1.5 [N]): Part I (2)
// points (a)-(m) on the product's security properties, Part II points 1-8 on vulnerability
// handling. Each product keeps one entry per requirement: its status, evidence (links or document
// references) and a note; "not applicable" needs the written reason Art. 13(1)/(3) asks for.

export type AnnexPart = 'I' | 'II';

export interface AnnexRequirement {
  /** Stable id: `I.a` … `I.m`, `II.1` … `II.8`. */
  id: string;
  part: AnnexPart;
  clause: string;
  title: string;
}

const partI = (point: string, title: string): AnnexRequirement => ({
  id: `I.${point}`,
  part: 'I',
  clause: `CRA Annex I Part I (2)(${point})`,
  title,
});
const partII = (point: number, title: string): AnnexRequirement => ({
  id: `II.${point}`,
  part: 'II',
  clause: `CRA Annex I Part II (${point})`,
  title,
});

export const ANNEX_I_REQUIREMENTS: readonly AnnexRequirement[] = [
  partI('a', 'Made available without known exploitable vulnerabilities'),
  partI('b', 'Secure-by-default configuration, with a reset to the original state'),
  partI('c', 'Vulnerabilities can be addressed through security updates (automatic by default, with opt-out)'),
  partI('d', 'Protection from unauthorised access (authentication, identity or access management)'),
  partI('e', 'Confidentiality of stored, transmitted or processed data (e.g. state-of-the-art encryption)'),
  partI('f', 'Integrity of data, commands, programs and configuration; corruption reported'),
  partI('g', 'Data minimisation: only data necessary for the intended purpose'),
  partI('h', 'Availability of essential functions, resilience against denial of service'),
  partI('i', 'Minimised negative impact on other devices or networks'),
  partI('j', 'Limited attack surfaces, including external interfaces'),
  partI('k', 'Reduced impact of incidents through exploitation mitigation'),
  partI('l', 'Security-relevant logging and monitoring of internal activity, with user opt-out'),
  partI('m', 'Users can securely remove all data and settings and transfer data'),
  partII(
    1,
    'Vulnerabilities and components identified and documented, with an SBOM of at least the top-level dependencies',
  ),
  partII(2, 'Vulnerabilities addressed and remediated without delay, security updates separate where feasible'),
  partII(3, 'Effective and regular tests and reviews of security'),
  partII(4, 'Fixed vulnerabilities publicly disclosed once an update is available'),
  partII(5, 'A coordinated vulnerability disclosure policy in place and enforced'),
  partII(6, 'Sharing of information on vulnerabilities facilitated, with a contact address for reports'),
  partII(7, 'Mechanisms to distribute updates securely, timely and (for security fixes) automatically'),
  partII(8, 'Security updates disseminated without delay and free of charge, with advisory messages'),
];

export const ANNEX_STATUSES = ['not-assessed', 'in-progress', 'met', 'not-applicable'] as const;
export type AnnexStatus = (typeof ANNEX_STATUSES)[number];

export interface AnnexEntry {
  status: AnnexStatus;
  /** Links or document references that show the requirement is met. */
  evidence: string[];
  /** Free text; for "not-applicable" the reason, which is required. */
  note: string | null;
}

export function findRequirement(id: string): AnnexRequirement | undefined {
  return ANNEX_I_REQUIREMENTS.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
}

export function emptyEntry(): AnnexEntry {
  return { status: 'not-assessed', evidence: [], note: null };
}

/** Why this entry cannot be recorded as it is, or null. */
export function entryProblem(entry: AnnexEntry): string | null {
  if (entry.status === 'not-applicable' && !entry.note?.trim())
    return 'a not-applicable requirement needs a written reason (note)';
  if (entry.status === 'met' && entry.evidence.length === 0)
    return 'a met requirement needs at least one piece of evidence';
  return null;
}

export interface MatrixSummary {
  total: number;
  byStatus: Record<AnnexStatus, number>;
  /** Met or justified not-applicable. */
  settled: number;
  /** Requirement ids still open, in Annex order. */
  open: string[];
}

/**
 * `computed`: the status of the requirements computed from data (annex-i-computed.ts), which replace
 * whatever the record holds for them.
 */
export function summariseMatrix(
  matrix: Readonly<Record<string, AnnexEntry>>,
  computed: Readonly<Record<string, AnnexStatus>> = {},
): MatrixSummary {
  const byStatus: Record<AnnexStatus, number> = { 'not-assessed': 0, 'in-progress': 0, met: 0, 'not-applicable': 0 };
  const open: string[] = [];
  for (const r of ANNEX_I_REQUIREMENTS) {
    const entry =
      computed[r.id] !== undefined ? { ...emptyEntry(), status: computed[r.id]! } : (matrix[r.id] ?? emptyEntry());
    byStatus[entry.status]++;
    if (entry.status !== 'met' && entry.status !== 'not-applicable') open.push(r.id);
  }
  return { total: ANNEX_I_REQUIREMENTS.length, byStatus, settled: byStatus.met + byStatus['not-applicable'], open };
}
