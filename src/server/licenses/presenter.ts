import type { LicenseFacts, LicensePolicy } from '../../licenses/kb/index.js';

export function presentLicenseSummary(facts: LicenseFacts, obligations: number, policy: LicensePolicy) {
  return {
    id: facts.id,
    name: facts.name,
    kind: facts.kind,
    copyleft: facts.copyleft,
    foss: facts.foss,
    osiApproved: facts.osiApproved,
    obligations,
    policy,
  };
}
