import { AI_LICENSE_COMMENTS, AI_LICENSE_NAMES } from './ai-licenses.js';
import { COMPLIANCE_ACTIONS } from './compliance-actions.js';
import { CATALOGUE, factOverrides } from './license-catalogue.js';
import { PROFILES, type LicenseProfile, type ProfileName } from './license-profiles.js';
import { SPDX_FACTS } from './spdx-facts.generated.js';
import type { KnowledgeBase, LicenseFacts, Obligation } from './types.js';

const NOT_FOSS_PROFILES: ProfileName[] = [
  'restricted',
  'sspl',
  'cc-by-nc',
  'cc-by-nc-sa',
  'cc-by-nd',
  'cc-by-nc-nd',
  'rail',
  'llama',
  'llama-2',
  'gemma',
  'data-computational',
];
/** Families whose licences carry use restrictions (the JSON licence's clause is one too). */
const USE_RESTRICTED: ProfileName[] = ['rail', 'llama', 'llama-2', 'gemma'];

function factsOf(id: string, profileName: ProfileName, profile: LicenseProfile): LicenseFacts {
  const ai = AI_LICENSE_NAMES[id];
  const [name, osi, fsf, url] = SPDX_FACTS[id] ?? (ai ? [ai[0], false, false, ai[1]] : [id, false, false, null]);
  const overrides = factOverrides(id);
  const foss = NOT_FOSS_PROFILES.includes(profileName) ? 'no' : osi || fsf ? 'yes-auto' : 'yes';
  return {
    id,
    name,
    kind: profile.kind,
    copyleft: profile.copyleft,
    osiApproved: osi,
    fsfApproved: fsf,
    foss,
    ethicalClause: USE_RESTRICTED.includes(profileName),
    nonCommercial: profileName.includes('-nc'),
    warrantyDisclaimer: 'full',
    liabilityDisclaimer: 'full',
    law: null,
    venue: null,
    url,
    comment: AI_LICENSE_COMMENTS[profileName] ?? null,
    text: null,
    ...overrides,
  };
}

function obligationsOf(id: string, profile: LicenseProfile): Obligation[] {
  const passivityOf = new Map(COMPLIANCE_ACTIONS.map((a) => [a.name, a.passivity]));
  return profile.obligations.map(([name, action, exploitation, modification]) => ({
    license: id,
    name,
    passivity: passivityOf.get(action) ?? null,
    exploitation,
    modification,
    action,
    clause: null,
  }));
}

let cached: KnowledgeBase | undefined;

/** Vigie's own knowledge base, built from the catalogue and the family profiles (sorted by id). */
export function builtinKnowledgeBase(): KnowledgeBase {
  if (cached) return cached;
  const licenses: LicenseFacts[] = [];
  const obligations: Obligation[] = [];
  for (const [profileName, ids] of Object.entries(CATALOGUE) as [ProfileName, string[]][]) {
    const profile: LicenseProfile = PROFILES[profileName];
    for (const id of ids) {
      licenses.push(factsOf(id, profileName, profile));
      obligations.push(...obligationsOf(id, profile));
    }
  }
  licenses.sort((a, b) => a.id.localeCompare(b.id));
  obligations.sort((a, b) => a.license.localeCompare(b.license));
  cached = { licenses, obligations, actions: [...COMPLIANCE_ACTIONS] };
  return cached;
}
