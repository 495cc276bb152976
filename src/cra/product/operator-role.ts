// The operator's role and the scope decision, from a short questionnaire (CRA Art. 3(13)-(16),
// 3(14), Art. 24, recitals 15-19; Art. 69(2)-(3) for products already on the market). The answers
// are kept with the decision so that it can be explained and revisited.

export type OperatorRole =
  'manufacturer' | 'importer' | 'distributor' | 'open-source-steward' | 'non-commercial-open-source';

export interface RoleAnswers {
  /** Do you develop the product (or have it developed) and market it under your own name or trademark? */
  marketsUnderOwnName: boolean;
  /** Are you established in the Union and place on the market a product of a manufacturer outside it? */
  importsFromOutsideUnion?: boolean;
  /** Do you make available a product someone else placed on the market, without changing it? */
  makesAvailableUnchanged?: boolean;
  /** Is the product free and open-source software? */
  openSource?: boolean;
  /** Any monetisation: a price, paid support beyond cost recovery, personal-data monetisation, donations beyond costs? */
  monetised?: boolean;
  /** A legal person supporting on a sustained basis FOSS intended for commercial activities, not its manufacturer? */
  sustainsForCommercialUse?: boolean;
  /** Placed on the market before 2027-12-11 and not substantially modified since? */
  legacyUnmodified?: boolean;
}

export interface ScopeDecision {
  role: OperatorRole;
  inScope: boolean;
  /** Obligation families that apply. */
  duties: string[];
  reasons: string[];
}

export function decideRole(a: RoleAnswers): ScopeDecision {
  const reasons: string[] = [];
  let role: OperatorRole;
  if (a.openSource && !a.monetised && !a.marketsUnderOwnName && a.sustainsForCommercialUse) {
    role = 'open-source-steward';
    reasons.push(
      'supports free and open-source software intended for commercial activities on a sustained basis without being its manufacturer (Art. 3(14))',
    );
  } else if (a.openSource && !a.monetised && !a.sustainsForCommercialUse) {
    role = 'non-commercial-open-source';
    reasons.push(
      'free and open-source software not made available in the course of a commercial activity: no price, no paid support beyond costs, no data monetisation (recitals 15-19)',
    );
  } else if (a.marketsUnderOwnName) {
    role = 'manufacturer';
    reasons.push(
      a.openSource && a.monetised
        ? 'open source, but monetised: made available in the course of a commercial activity, so a manufacturer (Art. 3(13), recital 15)'
        : 'develops or has the product developed and markets it under its own name or trademark (Art. 3(13))',
    );
  } else if (a.importsFromOutsideUnion) {
    role = 'importer';
    reasons.push(
      'places on the Union market a product of a manufacturer established outside the Union (Art. 3(16), Art. 19)',
    );
  } else if (a.makesAvailableUnchanged) {
    role = 'distributor';
    reasons.push(
      'makes available a product placed on the market by someone else, without affecting its properties (Art. 3(17), Art. 20)',
    );
  } else {
    role = 'manufacturer';
    reasons.push('no other role fits: treated as manufacturer until the answers say otherwise (Art. 3(13))');
  }
  const duties: string[] = [];
  if (role === 'manufacturer') {
    if (a.legacyUnmodified) {
      duties.push('Art. 14 reporting');
      reasons.push(
        'placed on the market before 2027-12-11 and not substantially modified: only Art. 14 reporting applies, from 2026-09-11 (Art. 69(2)-(3))',
      );
    } else
      duties.push(
        'Art. 13 essential requirements and documentation',
        'Art. 14 reporting',
        'Art. 32 conformity assessment',
      );
  } else if (role === 'open-source-steward')
    duties.push(
      'Art. 24 cybersecurity policy and cooperation',
      'Art. 14(1), (3), (8) to the extent involved (Art. 24(3))',
    );
  else if (role === 'importer')
    duties.push('Art. 19 importer checks (CE marking, documentation, manufacturer contact)');
  else if (role === 'distributor') duties.push('Art. 20 distributor checks');
  return { role, inScope: role !== 'non-commercial-open-source', duties, reasons };
}
