import type { ProfileName } from './license-profiles.js';
import type { LicenseFacts } from './types.js';

/**
 * Which licences our knowledge base covers, and the facts that are not in the SPDX list.
 * Coverage: every SPDX id named in the corpora SBOMs/lockfiles (data/kb/ranking.json, method in
 * data/kb/tools/rank-licenses.mjs), then the licences of the OSADL matrix and of Hermine's
 * community data, then content, data and font licences (Creative Commons, ODbL, CDLA, OFL).
 */
export const CATALOGUE: Record<ProfileName, string[]> = {
  'public-domain': ['0BSD', 'MIT-0', 'Unlicense', 'WTFPL', 'blessing', 'SAX-PD', 'PDDL-1.0', 'CC-PDDC'],
  notice: [
    'MIT', 'ISC', 'BSD-2-Clause', 'BSD-1-Clause', 'BSD-2-Clause-Patent', 'BlueOak-1.0.0', 'UPL-1.0', 'MS-PL', 'AFL-2.0', 'AFL-2.1',
    'AFL-3.0', 'FSFAP', 'FSFUL', 'FSFULLR', 'FSFULLRWD', 'HPND', 'ICU', 'IJG', 'MIT-CMU', 'MirOS', 'Minpack', 'NTP', 'PostgreSQL',
    'Qhull', 'RSA-MD', 'SMLNJ', 'SSH-OpenSSH', 'SSH-short', 'Saxpath', 'Spencer-86', 'SunPro', 'TCL', 'TCP-wrappers', 'Unicode-3.0',
    'Unicode-DFS-2015', 'Unicode-DFS-2016', 'W3C', 'W3C-19980720', 'W3C-20150513', 'X11', 'XFree86-1.1', 'bzip2-1.0.6', 'curl',
    'libtiff', 'JasPer-2.0', 'NBPL-1.0', 'OLDAP-2.8', 'Info-ZIP', 'ImageMagick', 'MulanPSL-2.0', 'CECILL-B', 'Bitstream-Vera',
    'SGI-B-2.0', 'IBM-pibs', 'BSD-Source-Code', 'ZPL-2.0', 'ZPL-2.1', 'EFL-2.0', 'OGC-1.0', 'ECL-1.0', 'Apache-1.0',
  ],
  'source-notice': ['BSL-1.0'],
  'notice-no-endorsement': ['BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-3-Clause-Open-MPI', 'NCSA', 'Sleepycat', 'Apache-1.1', 'PHP-3.01', 'FTL'],
  'notice-mark-changes': ['Zlib', 'zlib-acknowledgement', 'Libpng', 'libpng-2.0', 'PSF-2.0', 'Python-2.0', 'bzip2-1.0.5'],
  advertising: ['BSD-4-Clause', 'BSD-4-Clause-UC', 'BSD-4.3TAHOE', 'OpenSSL'],
  apache: ['Apache-2.0', 'ECL-2.0'],
  'weak-file': ['MPL-1.0', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'EPL-1.0', 'EPL-2.0', 'CDDL-1.0', 'CDDL-1.1', 'CPL-1.0', 'IPL-1.0', 'MS-RL', 'APSL-2.0', 'CECILL-C'],
  lgpl: ['LGPL-2.0-only', 'LGPL-2.0-or-later', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later'],
  gpl2: ['GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0-only', 'GPL-2.0-or-later', 'CECILL-2.1'],
  gpl3: ['GPL-3.0-only', 'GPL-3.0-or-later'],
  agpl: ['AGPL-3.0-only', 'AGPL-3.0-or-later', 'RPL-1.5'],
  'strong-network-file': ['OSL-3.0', 'EUPL-1.1', 'EUPL-1.2'],
  restricted: ['JSON', 'Elastic-2.0', 'BUSL-1.1'],
  sspl: ['SSPL-1.0'],
  artistic: ['Artistic-1.0', 'Artistic-1.0-Perl', 'Artistic-2.0'],
  gfdl: ['GFDL-1.3-only', 'GFDL-1.3-or-later'],
  'cc-by': ['CC-BY-2.5', 'CC-BY-3.0', 'CC-BY-4.0', 'ODC-By-1.0'],
  'cc-by-sa': ['CC-BY-SA-3.0', 'CC-BY-SA-4.0'],
  'cc-by-nc': ['CC-BY-NC-3.0', 'CC-BY-NC-4.0'],
  'cc-by-nc-sa': ['CC-BY-NC-SA-3.0', 'CC-BY-NC-SA-4.0'],
  'cc-by-nd': ['CC-BY-ND-3.0', 'CC-BY-ND-4.0'],
  'cc-by-nc-nd': ['CC-BY-NC-ND-3.0', 'CC-BY-NC-ND-4.0'],
  cc0: ['CC0-1.0'],
  'data-notice': ['CDLA-Permissive-1.0', 'CDLA-Permissive-2.0'],
  'data-share-alike': ['CDLA-Sharing-1.0'],
  odbl: ['ODbL-1.0'],
  font: ['OFL-1.0', 'OFL-1.1'],
  rail: [
    'LicenseRef-vigie-openrail', 'LicenseRef-scancode-bigscience-open-rail-m', 'LicenseRef-vigie-openrail-plus-plus-m',
    'LicenseRef-vigie-creativeml-openrail-m', 'LicenseRef-scancode-bigscience-rail-1.0', 'LicenseRef-scancode-bigcode-open-rail-m-v1',
  ],
  llama: [
    'LicenseRef-vigie-llama-3-community', 'LicenseRef-scancode-llama-3.1-license-2024', 'LicenseRef-scancode-llama-3.2-license-2024',
    'LicenseRef-scancode-llama-3.3-license-2024', 'LicenseRef-scancode-llama-4-license-2025',
  ],
  'llama-2': ['LicenseRef-scancode-llama-2-license-2023'],
  gemma: ['LicenseRef-scancode-gemma-tou-2024-04-01', 'LicenseRef-scancode-gemma-tou-2025-03-24'],
  'data-computational': ['C-UDA-1.0'],
};

type FactOverrides = Partial<Omit<LicenseFacts, 'id' | 'name' | 'extra'>>;

const PATENT_GRANT = [
  'Apache-2.0', 'ECL-2.0', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MPL-1.1', 'EPL-1.0', 'EPL-2.0', 'CDDL-1.0', 'CDDL-1.1',
  'CPL-1.0', 'IPL-1.0', 'GPL-3.0-only', 'GPL-3.0-or-later', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'LGPL-3.0-only',
  'LGPL-3.0-or-later', 'OSL-3.0', 'AFL-3.0', 'AFL-2.1', 'AFL-2.0', 'BSD-2-Clause-Patent', 'BlueOak-1.0.0', 'UPL-1.0', 'MS-PL', 'MS-RL',
  'APSL-2.0', 'Artistic-2.0', 'EUPL-1.1', 'EUPL-1.2', 'MulanPSL-2.0', 'RPL-1.5', 'SSPL-1.0', 'Elastic-2.0',
];
const ANTI_TIVOISATION = ['GPL-3.0-only', 'GPL-3.0-or-later', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later'];

const STEWARDS: [string, RegExp][] = [
  ['Free Software Foundation', /^(A|L)?GPL-|^GFDL-|^FSF/],
  ['Apache Software Foundation', /^Apache-/],
  ['Mozilla Foundation', /^MPL-/],
  ['Eclipse Foundation', /^EPL-/],
  ['Creative Commons', /^CC(0|-)/],
  ['Linux Foundation', /^CDLA-/],
  ['Open Data Commons', /^(ODbL|PDDL|ODC-By)-/],
  ['SIL International', /^OFL-/],
  ['European Commission', /^EUPL-/],
  ['Python Software Foundation', /^(PSF|Python)-/],
  ['Open Source Initiative', /^(MIT|BSD-[23]-Clause|ISC)$/],
  ['CEA, CNRS, Inria', /^CECILL-/],
  ['Blue Oak Council', /^BlueOak-/],
];

/** Facts that a whole family does not share. */
const OVERRIDES: Record<string, FactOverrides> = {
  JSON: { ethicalClause: true, foss: 'no', comment: 'Adds "shall be used for Good, not Evil": a use restriction, so not FOSS.' },
  'Elastic-2.0': { foss: 'no', comment: 'Source-available: forbids providing the software as a managed service.' },
  'BUSL-1.1': { foss: 'no', comment: 'Source-available until its change date, then converts to the change licence.' },
  'SSPL-1.0': { foss: 'no', comment: 'Offering the software as a service requires publishing the whole service stack.' },
  WTFPL: { warrantyDisclaimer: null, liabilityDisclaimer: null },
  'EPL-1.0': { law: 'State of New York, USA' },
  'CPL-1.0': { law: 'State of New York, USA' },
  'IPL-1.0': { law: 'State of New York, USA' },
  'APSL-2.0': { law: 'State of California, USA' },
  'MPL-1.1': { law: 'State of California, USA', venue: 'Northern District of California' },
  'CDDL-1.0': { law: 'State of California, USA' },
  'CDDL-1.1': { law: 'State of California, USA' },
  'OSL-3.0': { law: 'Jurisdiction where the licensor resides', venue: 'Courts of the licensor jurisdiction' },
  'EUPL-1.1': { law: 'Law of the EU member state of the licensor', venue: 'Courts of the licensor seat' },
  'EUPL-1.2': { law: 'Law of the EU member state of the licensor', venue: 'Courts of the licensor seat' },
  'CECILL-2.1': { law: 'French law', venue: 'Courts of Paris' },
  'CECILL-B': { law: 'French law', venue: 'Courts of Paris' },
  'CECILL-C': { law: 'French law', venue: 'Courts of Paris' },
  'MPL-2.0-no-copyleft-exception': { comment: 'Like MPL-2.0 but not combinable with the GNU licences (Exhibit B).' },
  'CC0-1.0': { warrantyDisclaimer: 'full', liabilityDisclaimer: 'full' },
  'GPL-2.0-only': { comment: 'No "or later": incompatible with Apache-2.0 and GPL-3.0 code.' },
};

export function factOverrides(id: string): FactOverrides & Pick<LicenseFacts, 'patentGrant' | 'antiTivoisation' | 'steward'> {
  const steward = STEWARDS.find(([, re]) => re.test(id))?.[0] ?? null;
  return {
    patentGrant: PATENT_GRANT.includes(id),
    antiTivoisation: ANTI_TIVOISATION.includes(id),
    steward,
    ...OVERRIDES[id],
  };
}
