// Our own mapping table from licence names found in the wild to SPDX. Written by us from what the
// corpora and npm packages declare. Each row: [how it is written, SPDX expression or null, confidence,
// candidates, note]. A null expression means "too vague to pick": the candidates are offered instead.
// Rows are looked up by licenseKey(), so one spelling per wording is enough.
import type { Confidence } from './result.js';

export type AliasRow = readonly [string, string | null, Confidence, (readonly string[])?, string?];

const GPL_FAMILY = ['GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later'];
const LGPL_FAMILY = [
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'LGPL-2.0-only',
  'LGPL-2.0-or-later',
];
const AGPL_FAMILY = ['AGPL-3.0-only', 'AGPL-3.0-or-later', 'AGPL-1.0-only', 'AGPL-1.0-or-later'];
const BSD_FAMILY = ['BSD-3-Clause', 'BSD-2-Clause', 'BSD-4-Clause', '0BSD'];
const VAGUE = 'names a licence family without its version or variant';
const PROPRIETARY = 'LicenseRef-proprietary';

export const ALIASES: readonly AliasRow[] = [
  // Families without a version: never guessed.
  ['BSD', null, 'low', BSD_FAMILY, VAGUE],
  ['BSD-style', null, 'low', BSD_FAMILY, VAGUE],
  ['BSD-like', null, 'low', BSD_FAMILY, VAGUE],
  ['GPL', null, 'low', GPL_FAMILY, VAGUE],
  ['LGPL', null, 'low', LGPL_FAMILY, VAGUE],
  ['AGPL', null, 'low', AGPL_FAMILY, VAGUE],
  ['GFDL', null, 'low', ['GFDL-1.3-only', 'GFDL-1.3-or-later', 'GFDL-1.2-only', 'GFDL-1.1-only'], VAGUE],
  ['FDL', null, 'low', ['GFDL-1.3-only', 'GFDL-1.3-or-later', 'GFDL-1.2-only', 'GFDL-1.1-only'], VAGUE],
  ['MPL', null, 'low', ['MPL-2.0', 'MPL-1.1', 'MPL-1.0'], VAGUE],
  ['EPL', null, 'low', ['EPL-2.0', 'EPL-1.0'], VAGUE],
  ['CDDL', null, 'low', ['CDDL-1.0', 'CDDL-1.1'], VAGUE],
  ['Artistic', null, 'low', ['Artistic-2.0', 'Artistic-1.0', 'Artistic-1.0-Perl'], VAGUE],
  ['EUPL', null, 'low', ['EUPL-1.2', 'EUPL-1.1', 'EUPL-1.0'], VAGUE],
  ['Creative Commons', null, 'low', ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0'], VAGUE],
  ['CC-BY', null, 'low', ['CC-BY-4.0', 'CC-BY-3.0'], VAGUE],
  ['Python', null, 'low', ['Python-2.0', 'PSF-2.0'], VAGUE],
  ['ZPL', null, 'low', ['ZPL-2.1', 'ZPL-2.0'], VAGUE],
  ['GNU', null, 'low', [...GPL_FAMILY, ...LGPL_FAMILY], VAGUE],
  // Versioned GNU licences without "only" / "or later": SPDX reads a bare version as "only", but the
  // author may have meant the usual "or any later version" notice, so this stays medium.
  ...gnuBareVersions(),
  // Apache without a version nearly always means 2.0 (1.x is rare and old).
  ['Apache', 'Apache-2.0', 'medium', ['Apache-2.0', 'Apache-1.1'], 'no version given; Apache-2.0 assumed'],
  ['Apache-style', 'Apache-2.0', 'low', ['Apache-2.0'], 'a licence "like" Apache is not Apache: check the text'],
  ['ASL', 'Apache-2.0', 'medium', ['Apache-2.0', 'Apache-1.1'], 'no version given; Apache-2.0 assumed'],
  ['ASL 2', 'Apache-2.0', 'high'],
  ['ASF 2', 'Apache-2.0', 'high'],
  ['AL 2', 'Apache-2.0', 'high'],
  ['ALv2', 'Apache-2.0', 'high'],
  ['APL 2', 'Apache-2.0', 'high'],
  ['Apache Public License 2.0', 'Apache-2.0', 'high'],
  // MIT and friends.
  [
    'MIT/X11',
    'MIT',
    'medium',
    ['MIT', 'X11'],
    'MIT/X11 usually names the Expat (MIT) text; X11 adds a trade-mark clause',
  ],
  ['MIT X11', 'MIT', 'medium', ['MIT', 'X11']],
  ['Expat', 'MIT', 'high', ['MIT'], 'the Expat licence is SPDX MIT'],
  ['MIT Expat', 'MIT', 'high'],
  ['MIT-style', 'MIT', 'low', ['MIT'], 'a licence "like" MIT is not MIT: check the text'],
  ['MIT-like', 'MIT', 'low', ['MIT'], 'a licence "like" MIT is not MIT: check the text'],
  // BSD variants by their common nicknames.
  ['BSD-3', 'BSD-3-Clause', 'high'],
  ['BSD-2', 'BSD-2-Clause', 'high'],
  ['BSD-4', 'BSD-4-Clause', 'high'],
  ['3-clause BSD', 'BSD-3-Clause', 'high'],
  ['2-clause BSD', 'BSD-2-Clause', 'high'],
  ['4-clause BSD', 'BSD-4-Clause', 'high'],
  ['New BSD', 'BSD-3-Clause', 'high'],
  ['Modified BSD', 'BSD-3-Clause', 'high'],
  ['Revised BSD', 'BSD-3-Clause', 'high'],
  ['BSD 3-clause New', 'BSD-3-Clause', 'high'],
  ['Simplified BSD', 'BSD-2-Clause', 'high'],
  ['FreeBSD', 'BSD-2-Clause', 'medium', ['BSD-2-Clause', 'BSD-2-Clause-Views']],
  // The Eclipse Distribution License 1.0 is, per SPDX, the BSD-3-Clause text.
  ['EDL 1.0', 'BSD-3-Clause', 'high', ['BSD-3-Clause'], 'EDL-1.0 is identified as BSD-3-Clause by SPDX'],
  ['EDL', 'BSD-3-Clause', 'medium', ['BSD-3-Clause'], 'EDL-1.0 is identified as BSD-3-Clause by SPDX'],
  // Others people abbreviate.
  ['CC0', 'CC0-1.0', 'high'],
  ['Unlicense', 'Unlicense', 'high'],
  ['Unlicence', 'Unlicense', 'high'],
  ['WTFPL 2', 'WTFPL', 'high'],
  ['CPL', 'CPL-1.0', 'high', ['CPL-1.0'], 'the Common Public License only ever had version 1.0'],
  ['Eclipse Public License 1', 'EPL-1.0', 'high'],
  ['MPL 2', 'MPL-2.0', 'high'],
  ['Mozilla 2', 'MPL-2.0', 'high'],
  ['Bouncy Castle', 'MIT', 'medium', ['MIT'], 'the Bouncy Castle licence is the MIT text'],
  ['ISC-style', 'ISC', 'low', ['ISC'], 'a licence "like" ISC is not ISC: check the text'],
  // Not a licence grant at all.
  [
    'UNLICENSED',
    PROPRIETARY,
    'high',
    [PROPRIETARY],
    'npm "UNLICENSED" means proprietary: no licence is granted (it is not the Unlicense)',
  ],
  ['Proprietary', PROPRIETARY, 'medium', [PROPRIETARY], "proprietary terms: read the package's licence"],
  ['Commercial', PROPRIETARY, 'medium', [PROPRIETARY], "commercial terms: read the package's licence"],
  [
    'Public Domain',
    'LicenseRef-public-domain',
    'medium',
    ['LicenseRef-public-domain', 'CC0-1.0', 'Unlicense'],
    'a public-domain dedication has no SPDX id; check whether CC0-1.0 or the Unlicense text is used',
  ],
];

function gnuBareVersions(): AliasRow[] {
  const rows: AliasRow[] = [];
  const families: Array<[string, string[]]> = [
    ['GPL', ['1.0', '2.0', '3.0']],
    ['LGPL', ['2.0', '2.1', '3.0']],
    ['AGPL', ['1.0', '3.0']],
    ['GFDL', ['1.1', '1.2', '1.3']],
  ];
  for (const [family, versions] of families) {
    for (const v of versions) {
      const only = `${family}-${v}-only`;
      const later = `${family}-${v}-or-later`;
      rows.push([
        `${family} ${v}`,
        only,
        'medium',
        [only, later],
        `version ${v} without "only" or "or later": read as ${only}`,
      ]);
      rows.push([`${family} ${v} only`, only, 'high']);
      rows.push([`${family} ${v}+`, later, 'high']);
    }
  }
  return rows;
}
