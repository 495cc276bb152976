/**
 * What a release declares about how the product is used: the context that the use restrictions of
 * model and data licences (RAIL Attachment A, the Llama acceptable use policy and user threshold,
 * non-commercial clauses) are judged against. `null` means "not declared": a restriction that
 * depends on an undeclared fact blocks until it is declared, never assumed harmless.
 * The acceptable use policies are also what AI Act Annex XII point 1(b) asks a model provider to
 * give downstream providers (../shared/reference/regulation.md §5.2).
 */
export interface UseDeclaration {
  /** The product is sold, offered or used for commercial advantage (internal company use counts). */
  commercial: boolean | null;
  /** Sensitive fields of use the product serves; `[]` = declared: none of them; `null` = not declared. */
  fieldsOfUse: FieldOfUse[] | null;
  /** Monthly active users of the products or services of the licensee (Llama's threshold). */
  monthlyActiveUsers: number | null;
  /** Outputs of the models are used to train or improve other AI models. */
  outputsTrainOtherModels: boolean | null;
  /** The licensee is an individual domiciled, or a company with its principal place of business, in the EU. */
  licenseeInEu: boolean | null;
}

/** Fields of use that model licences single out. Names are our own; each licence maps its clauses to them. */
export const FIELDS_OF_USE = {
  military: 'military, warfare, weapons, nuclear applications or espionage',
  'law-enforcement':
    'law enforcement, administration of justice, immigration or asylum decisions (e.g. predicting who will commit a crime)',
  'automated-decisions':
    "fully automated decisions that adversely affect a person's legal rights or create binding obligations (credit, employment, insurance…)",
  'medical-advice': 'medical advice or interpretation of medical results',
  surveillance: 'tracking or monitoring individuals, biometric identification or categorisation',
  'critical-infrastructure': 'operating critical infrastructure, transport technologies or heavy machinery',
} as const;
export type FieldOfUse = keyof typeof FIELDS_OF_USE;
export const FIELD_OF_USE_NAMES = Object.keys(FIELDS_OF_USE) as FieldOfUse[];

export function undeclaredUse(): UseDeclaration {
  return {
    commercial: null,
    fieldsOfUse: null,
    monthlyActiveUsers: null,
    outputsTrainOtherModels: null,
    licenseeInEu: null,
  };
}
