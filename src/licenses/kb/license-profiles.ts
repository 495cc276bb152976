import type { Copyleft, Exploitation, ModificationTrigger, WorkKind } from './types.js';

/**
 * Licences fall into families whose obligations are the same up to wording. A profile lists the
 * obligations a family creates, each as [obligation name, compliance action, exploitation trigger
 * (null = any), modification trigger]. Passivity comes from the compliance action.
 */
export type ObligationTemplate = [
  name: string,
  action: string,
  exploitation: Exploitation | null,
  modification: ModificationTrigger,
];

export interface LicenseProfile {
  copyleft: Copyleft;
  kind: WorkKind;
  obligations: ObligationTemplate[];
}

const NOTICES_IN_SOURCE: ObligationTemplate = [
  'Keep the copyright and licence notices in the source',
  'Keep notices in source files',
  'distribution-source',
  'either',
];
const NOTICES_WITH_BINARIES: ObligationTemplate = [
  'Ship the licence and copyright notices with binaries',
  'Ship licence texts and copyright notices',
  'distribution-binary',
  'either',
];
const NO_ENDORSEMENT: ObligationTemplate = [
  'No promotion using the authors names',
  'Do not use names for endorsement',
  null,
  'either',
];
const TRADEMARKS: ObligationTemplate = ['No trademark licence', 'Respect trademarks', null, 'either'];
const PATENT_PEACE: ObligationTemplate = [
  'Patent licence ends on patent litigation',
  'Do not start patent litigation',
  null,
  'either',
];
const MARK_CHANGES: ObligationTemplate = ['Mark modified files', 'State changes made', 'distribution', 'modified'];
const NO_RESTRICTIONS: ObligationTemplate = [
  'Impose no further restrictions on recipients',
  'Add no further restrictions',
  null,
  'either',
];

const NOTICE = [NOTICES_IN_SOURCE, NOTICES_WITH_BINARIES];
const GPL_CORE: ObligationTemplate[] = [
  ...NOTICE,
  MARK_CHANGES,
  [
    'Give the complete corresponding source of the combined work',
    'Provide the source code of the whole derived work',
    'distribution-binary',
    'either',
  ],
  [
    'License the whole derived work under the same licence',
    'License derived work under the same terms',
    'distribution',
    'either',
  ],
  NO_RESTRICTIONS,
];
const CC_BY: ObligationTemplate[] = [
  ['Attribute the creator and link to the licence', 'Credit the author of the work', 'distribution', 'either'],
  ['Indicate that the material was changed', 'State changes made', 'distribution', 'modified'],
  [
    'No technical measures restricting the licensed rights',
    'Apply no technical protection measures',
    'distribution',
    'either',
  ],
  TRADEMARKS,
];
const SHARE_ALIKE: ObligationTemplate = [
  'Share adapted material under the same licence',
  'License derived work under the same terms',
  'distribution',
  'modified',
];
const NON_COMMERCIAL: ObligationTemplate = ['Non-commercial use only', 'No commercial use', null, 'either'];
const NO_DERIVATIVES: ObligationTemplate = [
  'Do not share adaptations',
  'Do not share adapted material',
  'distribution',
  'modified',
];

const USE_RESTRICTIONS: ObligationTemplate = [
  'Respect the use restrictions of the licence',
  'Use only for permitted purposes',
  null,
  'either',
];
const PASS_ON_RESTRICTIONS: ObligationTemplate = [
  'Include the use restrictions in any licence for the model or its derivatives',
  'Pass the use restrictions on to recipients',
  'distribution',
  'either',
];
const SHIP_LICENSE_COPY: ObligationTemplate = [
  'Give recipients a copy of the licence',
  'Ship licence texts and copyright notices',
  'distribution',
  'either',
];
const LLAMA_CORE: ObligationTemplate[] = [
  SHIP_LICENSE_COPY,
  [
    'Keep the Notice line naming the Llama version and Meta as copyright holder',
    'Reproduce the NOTICE file',
    'distribution',
    'either',
  ],
  [
    'Show "Built with Llama" prominently on the product or its documentation',
    'Display the licensor attribution',
    'distribution',
    'either',
  ],
  USE_RESTRICTIONS,
  [
    'Above 700 million monthly active users, ask Meta for a licence',
    'Obtain a separate licence above the user threshold',
    null,
    'either',
  ],
  TRADEMARKS,
];

export const PROFILES = {
  /** Public-domain dedications and zero-condition licences. */
  'public-domain': { copyleft: 'none', kind: 'software', obligations: [] },
  /** Keep the notice (MIT, ISC, BSD-2-Clause…). */
  notice: { copyleft: 'none', kind: 'software', obligations: NOTICE },
  /** Notice required in source copies only (BSL-1.0). */
  'source-notice': { copyleft: 'none', kind: 'software', obligations: [NOTICES_IN_SOURCE] },
  /** Notice plus a no-endorsement clause (BSD-3-Clause, NCSA, X11…). */
  'notice-no-endorsement': { copyleft: 'none', kind: 'software', obligations: [...NOTICE, NO_ENDORSEMENT] },
  /** Notice plus marking of altered versions (Zlib, PSF, libpng). */
  'notice-mark-changes': { copyleft: 'none', kind: 'software', obligations: [...NOTICE, MARK_CHANGES] },
  /** Old BSD-style advertising clause. */
  advertising: {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      ...NOTICE,
      NO_ENDORSEMENT,
      ['Acknowledge the component in advertising', 'Mention the component in advertising', 'distribution', 'either'],
    ],
  },
  /** Apache-2.0 and its close relatives. */
  apache: {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      ...NOTICE,
      ['Pass on the attributions of the NOTICE file', 'Reproduce the NOTICE file', 'distribution', 'either'],
      ['Flag files you changed', 'State changes made', 'distribution', 'modified'],
      TRADEMARKS,
      PATENT_PEACE,
    ],
  },
  /** File-level weak copyleft (MPL, EPL, CDDL, CPL…). */
  'weak-file': {
    copyleft: 'weak',
    kind: 'software',
    obligations: [
      ...NOTICE,
      [
        'Make the source of the covered files available',
        'Provide the source code of the component',
        'distribution-binary',
        'either',
      ],
      [
        'Changed covered files stay under this licence',
        'Keep changed files under the original licence',
        'distribution',
        'modified',
      ],
      PATENT_PEACE,
    ],
  },
  /** Library-level weak copyleft (LGPL). */
  lgpl: {
    copyleft: 'weak',
    kind: 'software',
    obligations: [
      ...NOTICE,
      MARK_CHANGES,
      ['Give the source of the library', 'Provide the source code of the component', 'distribution-binary', 'either'],
      [
        'A modified library stays under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
      [
        'Let users relink with a changed library',
        'Allow relinking with a modified library',
        'distribution-binary',
        'either',
      ],
      NO_RESTRICTIONS,
    ],
  },
  gpl2: { copyleft: 'strong', kind: 'software', obligations: GPL_CORE },
  gpl3: {
    copyleft: 'strong',
    kind: 'software',
    obligations: [
      ...GPL_CORE,
      [
        'Installation information for user products',
        'Provide installation information',
        'distribution-binary',
        'either',
      ],
      PATENT_PEACE,
    ],
  },
  /** Strong copyleft that also reaches users over a network (AGPL, OSL, RPL…). */
  agpl: {
    copyleft: 'network',
    kind: 'software',
    obligations: [
      ...GPL_CORE,
      [
        'Installation information for user products',
        'Provide installation information',
        'distribution-binary',
        'either',
      ],
      PATENT_PEACE,
      [
        'Offer the source to users interacting over a network',
        'Offer the source code to network users',
        'network',
        'modified',
      ],
    ],
  },
  /** Strong copyleft without the GPL's network-free limitation, as used by EUPL/OSL. */
  'strong-network-file': {
    copyleft: 'network',
    kind: 'software',
    obligations: [
      ...NOTICE,
      MARK_CHANGES,
      ['Give the source of the work', 'Provide the source code of the component', 'distribution-binary', 'either'],
      [
        'Derivative works under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
      [
        'Source offered when the work is communicated over a network',
        'Offer the source code to network users',
        'network',
        'modified',
      ],
      PATENT_PEACE,
    ],
  },
  /** Licences that restrict use (not FOSS): SSPL, Elastic, BUSL, JSON's "no evil". */
  restricted: {
    copyleft: 'none',
    kind: 'software',
    obligations: [...NOTICE, ['Respect the usage restrictions', 'Use only for permitted purposes', null, 'either']],
  },
  sspl: {
    copyleft: 'network',
    kind: 'software',
    obligations: [
      ...GPL_CORE,
      [
        'Publish the source of the whole service stack when offered as a service',
        'Offer the source code to network users',
        'network',
        'either',
      ],
    ],
  },
  /** Artistic licences: rename or document modified versions. */
  artistic: {
    copyleft: 'weak',
    kind: 'software',
    obligations: [
      ...NOTICE,
      MARK_CHANGES,
      [
        'Distinguish modified versions from the standard version',
        'Rename modified versions',
        'distribution',
        'modified',
      ],
    ],
  },
  gfdl: {
    copyleft: 'strong',
    kind: 'documentation',
    obligations: [
      ...NOTICE,
      MARK_CHANGES,
      [
        'Modified versions under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
      ['Provide a transparent copy', 'Provide the source code of the component', 'distribution', 'either'],
    ],
  },
  'cc-by': { copyleft: 'none', kind: 'content', obligations: CC_BY },
  'cc-by-sa': { copyleft: 'strong', kind: 'content', obligations: [...CC_BY, SHARE_ALIKE] },
  'cc-by-nc': { copyleft: 'none', kind: 'content', obligations: [...CC_BY, NON_COMMERCIAL] },
  'cc-by-nc-sa': { copyleft: 'strong', kind: 'content', obligations: [...CC_BY, NON_COMMERCIAL, SHARE_ALIKE] },
  'cc-by-nd': { copyleft: 'none', kind: 'content', obligations: [...CC_BY, NO_DERIVATIVES] },
  'cc-by-nc-nd': { copyleft: 'none', kind: 'content', obligations: [...CC_BY, NON_COMMERCIAL, NO_DERIVATIVES] },
  cc0: {
    copyleft: 'none',
    kind: 'content',
    obligations: [TRADEMARKS, ['Patent rights are not licensed', 'Respect trademarks', null, 'either']],
  },
  'data-notice': {
    copyleft: 'none',
    kind: 'data',
    obligations: [
      [
        'Include the licence text with shared data',
        'Ship licence texts and copyright notices',
        'distribution',
        'either',
      ],
    ],
  },
  'data-share-alike': {
    copyleft: 'weak',
    kind: 'data',
    obligations: [
      [
        'Include the licence text with shared data',
        'Ship licence texts and copyright notices',
        'distribution',
        'either',
      ],
      [
        'Share changes to the data under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
    ],
  },
  odbl: {
    copyleft: 'strong',
    kind: 'data',
    obligations: [
      ['Attribute the database and keep its notices', 'Credit the author of the work', 'distribution', 'either'],
      [
        'Share adapted databases under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
      [
        'Adapted databases used publicly are under the same licence',
        'License derived work under the same terms',
        'network',
        'modified',
      ],
      ['Offer an unrestricted copy beside a restricted one', 'Keep the database open', 'distribution', 'either'],
    ],
  },
  font: {
    copyleft: 'weak',
    kind: 'font',
    obligations: [
      ...NOTICE,
      ['Do not sell the font by itself', 'Do not sell the work on its own', 'distribution', 'either'],
      ['Do not use reserved font names for modified fonts', 'Rename modified versions', 'distribution', 'modified'],
      [
        'Modified fonts stay under the same licence',
        'License derived work under the same terms',
        'distribution',
        'modified',
      ],
      NO_ENDORSEMENT,
    ],
  },
  /** Open Responsible AI licences (OpenRAIL-M, CreativeML, BigScience, BigCode). */
  rail: {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      SHIP_LICENSE_COPY,
      USE_RESTRICTIONS,
      PASS_ON_RESTRICTIONS,
      ['Mark modified files', 'State changes made', 'distribution', 'modified'],
      NOTICES_WITH_BINARIES,
    ],
  },
  /** Llama 3.x and 4 community licences. */
  llama: {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      ...LLAMA_CORE,
      [
        'Start the name of a model derived from Llama with "Llama"',
        'Name derivatives with the licensor prefix',
        'distribution',
        'modified',
      ],
    ],
  },
  /** Llama 2: no naming rule yet, but no use of outputs to improve other large language models. */
  'llama-2': {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      ...LLAMA_CORE,
      [
        'Do not use Llama outputs to improve other large language models',
        'Use only for permitted purposes',
        null,
        'either',
      ],
    ],
  },
  /** Gemma terms of use. */
  gemma: {
    copyleft: 'none',
    kind: 'software',
    obligations: [
      SHIP_LICENSE_COPY,
      USE_RESTRICTIONS,
      PASS_ON_RESTRICTIONS,
      ['Modified files carry a notice that they were changed', 'State changes made', 'distribution', 'modified'],
      NOTICES_WITH_BINARIES,
    ],
  },
  /** Computational Use of Data Agreement: computational use only; the data travels with the agreement. */
  'data-computational': {
    copyleft: 'none',
    kind: 'data',
    obligations: [
      ['Use the data only for computational analysis', 'Use only for permitted purposes', null, 'either'],
      [
        'Share the data only under the same agreement, with its text',
        'Ship licence texts and copyright notices',
        'distribution',
        'either',
      ],
    ],
  },
} satisfies Record<string, LicenseProfile>;

export type ProfileName = keyof typeof PROFILES;
