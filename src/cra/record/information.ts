// The facts the CRA documents are drawn from, as data: each key with its label, the clause that asks
// for it and the documents that print it. A document names every missing fact instead of leaving a
// blank (issue 12 item 5). Annex II (user information), Annex V (EU declaration of conformity),
// Annex VI (simplified declaration), Annex VII (technical documentation), reference note §1.6-§1.9.

export type DocumentId = 'annex-ii' | 'annex-v' | 'annex-vi' | 'annex-vii' | 'cvd-policy';

export interface InformationKey {
  key: string;
  label: string;
  clause: string;
  documents: readonly DocumentId[];
  /** Printed when the fact is absent and the document can stand without it ("where applicable"). */
  optional?: boolean;
}

const k = (key: string, label: string, clause: string, documents: DocumentId[], optional = false): InformationKey => ({
  key,
  label,
  clause,
  documents,
  optional,
});

export const INFORMATION_KEYS: readonly InformationKey[] = [
  k(
    'manufacturerName',
    'Manufacturer name, registered trade name or trademark',
    'CRA Annex II (1), Annex V (2), Art. 13(16)',
    ['annex-ii', 'annex-v', 'annex-vi', 'cvd-policy'],
  ),
  k('manufacturerAddress', 'Postal address of the manufacturer', 'CRA Annex II (1), Annex V (2)', [
    'annex-ii',
    'annex-v',
  ]),
  k(
    'manufacturerEmail',
    'E-mail address or other digital contact of the manufacturer',
    'CRA Annex II (1), Art. 13(16)',
    ['annex-ii'],
  ),
  k('manufacturerWebsite', 'Website of the manufacturer', 'CRA Annex II (1)', ['annex-ii'], true),
  k('productType', 'Product type and other information identifying it', 'CRA Annex II (3), Annex V (1), Annex VI', [
    'annex-ii',
    'annex-v',
    'annex-vi',
  ]),
  k(
    'intendedPurpose',
    'Intended purpose, security environment, essential functions and security properties',
    'CRA Annex II (4), Annex VII (1)(a)',
    ['annex-ii', 'annex-vii'],
  ),
  k(
    'foreseeableMisuse',
    'Known or foreseeable circumstances or misuse that may lead to significant cybersecurity risks',
    'CRA Annex II (5)',
    ['annex-ii'],
  ),
  k('docUrl', 'Internet address of the EU declaration of conformity', 'CRA Annex II (6), Annex VI', [
    'annex-ii',
    'annex-vi',
  ]),
  k('supportType', 'Type of technical security support offered', 'CRA Annex II (7)', ['annex-ii']),
  k('instructionsCommissioning', 'Secure commissioning, operation and use over the lifetime', 'CRA Annex II (8)(a)', [
    'annex-ii',
  ]),
  k('instructionsChanges', 'How changes to the product can affect the security of data', 'CRA Annex II (8)(b)', [
    'annex-ii',
  ]),
  k('instructionsUpdates', 'How security-relevant updates can be installed', 'CRA Annex II (8)(c)', ['annex-ii']),
  k(
    'instructionsDecommissioning',
    'Secure decommissioning, including how user data can be removed',
    'CRA Annex II (8)(d)',
    ['annex-ii'],
  ),
  k(
    'instructionsAutoUpdateOff',
    'How the default automatic installation of security updates can be turned off',
    'CRA Annex II (8)(e)',
    ['annex-ii'],
  ),
  k(
    'instructionsIntegrators',
    'For products meant for integration: what integrators need for Annex I and Annex VII',
    'CRA Annex II (8)(f)',
    ['annex-ii'],
    true,
  ),
  k(
    'sbomUrl',
    'Where users can access the SBOM (when the manufacturer makes it available)',
    'CRA Annex II (9)',
    ['annex-ii'],
    true,
  ),
  k(
    'standardsApplied',
    'Harmonised standards, common specifications or certifications applied (fully or partly, which parts)',
    'CRA Annex V (6), Annex VII (5)',
    ['annex-v', 'annex-vii'],
  ),
  k(
    'notifiedBody',
    'Notified body (name, number), procedure performed and certificate',
    'CRA Annex V (7)',
    ['annex-v'],
    true,
  ),
  k(
    'otherLegislation',
    'Other Union harmonisation legislation the product conforms to',
    'CRA Annex V (5), Art. 28(3)',
    ['annex-v'],
    true,
  ),
  k('signatory', 'Signed for and on behalf of: name and function', 'CRA Annex V (8)', ['annex-v']),
  k('signaturePlace', 'Place of issue', 'CRA Annex V (8)', ['annex-v']),
  k('signatureDate', 'Date of issue (YYYY-MM-DD)', 'CRA Annex V (8)', ['annex-v']),
  k(
    'designDescription',
    'Design and development: system architecture, how software components build on or feed each other',
    'CRA Annex VII (2)(a)',
    ['annex-vii'],
  ),
  k(
    'updateDistribution',
    'How security updates are distributed securely',
    'CRA Annex VII (2)(b), Annex I Part II (7)',
    ['annex-vii'],
  ),
  k('productionProcesses', 'Production and monitoring processes and their validation', 'CRA Annex VII (2)(c)', [
    'annex-vii',
  ]),
  k(
    'riskAssessment',
    'Cybersecurity risk assessment and how Annex I Part I applies',
    'CRA Art. 13(2)-(4), Annex VII (3)',
    ['annex-vii'],
  ),
  k('testReports', 'Test reports verifying conformity with Annex I', 'CRA Annex VII (6)', ['annex-vii']),
];

export const INFORMATION_KEY_NAMES: readonly string[] = INFORMATION_KEYS.map((i) => i.key);

export function findInformationKey(key: string): InformationKey | undefined {
  return INFORMATION_KEYS.find((i) => i.key === key);
}

/** Required facts of one document that the record lacks, in table order. */
export function missingInformation(
  information: Readonly<Record<string, string>>,
  document: DocumentId,
): InformationKey[] {
  return INFORMATION_KEYS.filter((i) => i.documents.includes(document) && !i.optional && !information[i.key]?.trim());
}
