// Open-source software steward mode (CRA Art. 24, reference note §1.10): the lighter duty set that
// replaces the manufacturer's when the questionnaire decides the role is `open-source-steward`.

export interface StewardElement {
  key: string;
  label: string;
  clause: string;
}

/** What the cybersecurity policy of Art. 24(1) must cover, each documented "in a verifiable manner". */
export const STEWARD_POLICY_ELEMENTS: readonly StewardElement[] = [
  { key: 'secureDevelopment', label: 'Fosters the development of a secure product', clause: 'CRA Art. 24(1)' },
  {
    key: 'vulnerabilityHandling',
    label: 'Fosters effective handling of vulnerabilities by the developers',
    clause: 'CRA Art. 24(1)',
  },
  {
    key: 'voluntaryReporting',
    label: 'Fosters the voluntary reporting of vulnerabilities (Art. 15)',
    clause: 'CRA Art. 24(1), Art. 15',
  },
  {
    key: 'remediation',
    label: 'Covers documenting, addressing and remediating vulnerabilities',
    clause: 'CRA Art. 24(1)',
  },
  {
    key: 'informationSharing',
    label: 'Promotes sharing information on discovered vulnerabilities within the open-source community',
    clause: 'CRA Art. 24(1)',
  },
];

export const STEWARD_ELEMENT_KEYS: readonly string[] = STEWARD_POLICY_ELEMENTS.map((e) => e.key);

/** The Art. 14 duties that apply to a steward (Art. 24(3)); the rest of Art. 14 does not. */
export const STEWARD_REPORTING_NOTE =
  'Art. 14(1) applies to the extent the steward is involved in the development of the product; Art. 14(3) and 14(8) apply to severe incidents affecting the network and information systems the steward provides for that development (CRA Art. 24(3)). Stewards are not subject to administrative fines (Art. 64(10)(b)).';

/**
 * Art. 24(2) cooperation with market surveillance authorities: at least two people or one role
 * address (OpenSSF / Linux Foundation guidance, a secondary source [S], not the regulation's text).
 */
export function authorityContactsProblem(contacts: readonly string[]): string | null {
  const roleAddress = contacts.some((c) =>
    /^mailto:(security|psirt|cra|cve|secalert|vulnerability|vulnerabilities)[-.@]/i.test(c),
  );
  if (contacts.length >= 2 || roleAddress) return null;
  return 'name at least two contacts or one role address (e.g. mailto:security@…) for cooperation with market surveillance authorities (Art. 24(2); the two-contact rule is guidance [S])';
}
