/**
 * The demo portfolio a newcomer sees on first start: Vigie itself (its release SBOM generated from
 * this repository's own package-lock.json and node_modules) beside real third-party SBOMs of other
 * ecosystems shipped under data/demo/ (CycloneDX bom-examples, CC0-1.0), with the Go vulndb
 * advisories that match them and one recorded triage, and one AI product whose hand-written ML-BOM
 * (data/demo/README.md) shows models, datasets and their lineage. Built only through the services, like any
 * other client would.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as services from '../services/index.js';
import { seedDemoCra } from './demo-cra.js';
import type { Exploitation } from '../model/usage-context.js';
import type { Store } from '../services/store-door.js';
import type { LicensePolicy } from '../licenses/kb/types.js';
import type { UseDeclaration } from '../model/use-declaration.js';

export interface DemoOptions {
  /** Folder holding package-lock.json and node_modules of Vigie (the repository root). */
  projectRoot: string;
  /** Folder of the bundled demo SBOMs (data/demo). */
  dataDir: string;
  author?: string;
}

export interface DemoRelease {
  product: string;
  release: string;
  releaseId: number;
  usages: number;
}

interface DemoProduct {
  name: string;
  description: string;
  category: string;
  outboundLicenses: string[];
  releases: Array<{ number: string; source: { npmProject: true } | { file: string }; use?: UseDeclaration }>;
  rules: Array<{ scope: string | null; exploitation: Exploitation }>;
}

const CATEGORIES = [
  { name: 'Developer tools', description: 'Tools we publish for developers', outboundLicenses: ['Apache-2.0'] },
  { name: 'Web applications', description: 'Applications offered over the network', outboundLicenses: ['MIT'] },
  {
    name: 'Desktop applications',
    description: 'Binaries distributed to end users',
    outboundLicenses: ['GPL-3.0-only'],
  },
];

const PRODUCTS: DemoProduct[] = [
  {
    name: 'Vigie',
    description: 'This compliance platform, inventoried from its own lockfile and installed packages',
    category: 'Developer tools',
    outboundLicenses: ['Apache-2.0'],
    releases: [{ number: '0.1.0', source: { npmProject: true } }],
    rules: [
      { scope: 'dev', exploitation: 'internal' },
      { scope: null, exploitation: 'distribution' },
    ],
  },
  {
    name: 'Laravel demo app',
    description: 'A PHP web application (CycloneDX 1.4 from composer, CycloneDX bom-examples)',
    category: 'Web applications',
    outboundLicenses: ['MIT'],
    releases: [{ number: '7.12.0', source: { file: 'laravel-7.12.0.cdx.json' } }],
    rules: [{ scope: null, exploitation: 'network' }],
  },
  {
    name: 'Proton Mail Bridge',
    description: 'A Go desktop application, two releases to compare (CycloneDX 1.2, CycloneDX bom-examples)',
    category: 'Desktop applications',
    outboundLicenses: ['GPL-3.0-only'],
    releases: [
      { number: '1.6.3', source: { file: 'proton-bridge-1.6.3.cdx.json' } },
      { number: '1.8.0', source: { file: 'proton-bridge-1.8.0.cdx.json' } },
    ],
    rules: [{ scope: null, exploitation: 'distribution-binary' }],
  },
  {
    name: 'Support assistant',
    description:
      'A web service drafting support answers with a quantised Llama 3.1 fine-tune (hand-written ML-BOM: models with cards, datasets with facts, lineage)',
    category: 'Web applications',
    outboundLicenses: ['MIT'],
    releases: [
      {
        number: '1.0.0',
        source: { file: 'support-assistant-1.0.0.cdx.json' },
        // The declared use the model licences' restrictions are judged against (ADR 17).
        use: {
          commercial: true,
          fieldsOfUse: [],
          monthlyActiveUsers: 12_000,
          outputsTrainOtherModels: false,
          licenseeInEu: true,
        },
      },
    ],
    rules: [{ scope: null, exploitation: 'network' }],
  },
];

/**
 * A starter licence policy so that a newcomer sees releases get past step 5: common permissive
 * licences always allowed, weak and strong copyleft allowed in context, network copyleft and
 * non-commercial licences never. An organisation replaces it with its own in the licence catalogue.
 */
const STARTER_POLICY: Array<{ allowed: LicensePolicy['allowed']; licenses: string[] }> = [
  {
    allowed: 'always',
    licenses: [
      'MIT',
      'MIT-0',
      'Apache-2.0',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'ISC',
      '0BSD',
      'Zlib',
      'CC0-1.0',
      'Unlicense',
      'BlueOak-1.0.0',
      'Python-2.0',
      'CC-BY-3.0',
      'CC-BY-4.0',
      'PSF-2.0',
      'BSL-1.0',
    ],
  },
  {
    allowed: 'context',
    licenses: [
      'LGPL-2.1-only',
      'LGPL-2.1-or-later',
      'LGPL-3.0-only',
      'LGPL-3.0-or-later',
      'MPL-2.0',
      'EPL-2.0',
      'GPL-2.0-only',
      'GPL-2.0-or-later',
      'GPL-3.0-only',
      'GPL-3.0-or-later',
    ],
  },
  { allowed: 'never', licenses: ['AGPL-3.0-only', 'AGPL-3.0-or-later', 'SSPL-1.0', 'CC-BY-NC-4.0'] },
];

/** True when the store holds no product yet: the demo is only ever seeded into an empty store. */
export async function isPortfolioEmpty(store: Store): Promise<boolean> {
  return (await services.listProducts(store)).length === 0;
}

/** Creates the demo categories, products and releases and imports their SBOMs. */
export async function seedDemoPortfolio(store: Store, options: DemoOptions): Promise<DemoRelease[]> {
  const author = options.author ?? 'demo';
  if ((await store.listPolicies()).length === 0) {
    await store.setPolicies(
      STARTER_POLICY.flatMap(({ allowed, licenses }) =>
        licenses.map((license) => ({
          license,
          allowed,
          reviewStatus: 'checked' as const,
          comment: 'Demo starter policy',
          categories: [],
        })),
      ),
    );
  }
  // Real advisories (Go vulndb, CC-BY-4.0: data/demo/README.md) matching the demo SBOMs, loaded
  // before the imports so that each import stores its release's findings (issue 11 item 10).
  const now = new Date().toISOString();
  await services.importVulnDatabase(store, [join(options.dataDir, DEMO_ADVISORIES)], { now });
  const categoryIds = new Map<string, number>();
  for (const c of CATEGORIES) categoryIds.set(c.name, (await services.createCategory(store, c)).id);

  const seeded: DemoRelease[] = [];
  for (const p of PRODUCTS) {
    const product = await services.createProduct(store, {
      name: p.name,
      description: p.description,
      owner: 'Demo OSPO',
      categoryIds: [categoryIds.get(p.category)!],
      outboundLicenses: p.outboundLicenses,
    });
    for (const r of p.releases) {
      const release = await services.createRelease(store, { productId: product.id, number: r.number });
      const outcome =
        'npmProject' in r.source
          ? await services.importNpmProject(store, release.id, { path: options.projectRoot, author })
          : await services.importDocument(store, release.id, {
              content: await readFile(join(options.dataDir, r.source.file)),
              fileName: r.source.file,
              mediaType: 'application/vnd.cyclonedx+json',
              author,
            });
      for (const rule of p.rules)
        await services.setExploitationRule(store, release.id, { scope: rule.scope, exploitation: rule.exploitation });
      if (r.use) await services.setReleaseUse(store, release.id, r.use, author, new Date('2026-11-28T10:00:00Z'));
      seeded.push({
        product: p.name,
        release: r.number,
        releaseId: release.id,
        usages: outcome.counts.usagesInserted ?? 0,
      });
    }
  }
  await services.setVexAnalysis(store, { ...DEMO_TRIAGE, author, now });
  // One product with a filled-in CRA record (issue 12 item 9); dated like the record, never the clock.
  await seedDemoCra(store, author, '2026-11-20');
  return seeded;
}

const DEMO_ADVISORIES = 'osv-go';

/**
 * One recorded triage so that a newcomer sees the whole loop (finding → analysis → VEX export →
 * reused by the next release). It is an example of the form an analysis takes, not a verified
 * statement about Proton Mail Bridge.
 */
const DEMO_TRIAGE = {
  product: 'Proton Mail Bridge',
  release: '1.6.3',
  component: 'pkg:golang/github.com/dgrijalva/jwt-go',
  vulnerability: 'GO-2020-0017',
  state: 'not_affected',
  justification: 'vulnerable_code_not_in_execute_path',
  detail:
    'Demo analysis: the advisory names MapClaims.VerifyAudience with req=false; assume the product never calls it.',
  scope: 'product' as const,
  allVersions: true,
};
