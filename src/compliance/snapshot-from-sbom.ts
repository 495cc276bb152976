import type { Sbom } from '../model/index.js';
import { planImport } from './release-plan.js';
import type {
  Category,
  ComponentRecord,
  ExploitationRule,
  Product,
  Release,
  Usage,
  VersionRecord,
} from '../model/portfolio.js';
import type { Decision } from '../model/decision.js';
import type { Exploitation, Linking } from '../model/usage-context.js';
import type { KnowledgeBase } from '../licenses/kb/types.js';
import type { LicensePolicyTable } from '../licenses/kb/policy.js';
import { builtinKnowledgeBase } from '../licenses/kb/index.js';
import type { UseDeclaration } from '../model/use-declaration.js';
import type { ReleaseSnapshot, ReleaseUsage, ValidationSettings } from './snapshot.js';

export interface SnapshotOptions {
  /** One exploitation for the whole release (a rule with blank scope and project). */
  exploitation?: Exploitation;
  exploitationRules?: Omit<ExploitationRule, 'id' | 'releaseId'>[];
  policy?: LicensePolicyTable;
  decisions?: Decision[];
  knowledgeBase?: KnowledgeBase;
  /** Default: every normalised licence needs a curation (`acceptNormaliser: 'off'`). */
  settings?: ValidationSettings;
  outboundLicenses?: string[];
  categories?: Category[];
  /** Linking recorded on every usage the SBOM says nothing about (most do not say). */
  linking?: Linking;
  modified?: boolean;
  productName?: string;
  releaseNumber?: string;
  /** Ids of the synthetic product and release (decisions scoped to them must use these). */
  productId?: number;
  releaseId?: number;
  /** How the product is used (for the licences' use restrictions). */
  useDeclaration?: UseDeclaration;
}

/**
 * A synthetic release made from one decoded SBOM (used by `vigie check`, no store), through the
 * same mapping as `import` (release-plan.ts). Ids are assigned in plan order, starting at 1.
 */
export function snapshotFromSbom(sbom: Sbom, options: SnapshotOptions = {}): ReleaseSnapshot {
  const productId = options.productId ?? 1;
  const releaseId = options.releaseId ?? 1;
  const primary = sbom.metadata.component;
  const categories = options.categories ?? [];
  const product: Product = {
    id: productId,
    name: options.productName ?? primary?.name ?? sbom.metadata.name ?? 'product',
    description: primary?.description ?? null,
    owner: null,
    categoryIds: categories.map((c) => c.id),
    outboundLicenses: [],
  };
  const release: Release = {
    id: releaseId,
    productId,
    number: options.releaseNumber ?? primary?.version ?? '0',
    shipStatus: 'in-development',
    commit: null,
    outboundLicenses: options.outboundLicenses ?? [],
    validationStep: 0,
  };
  const plan = planImport(sbom);
  const components: ComponentRecord[] = plan.components.map((c, i) => ({ ...c, id: i + 1 }));
  const versions: VersionRecord[] = plan.versions.map((v, i) => ({
    id: i + 1,
    componentId: v.component + 1,
    number: v.number,
    purl: v.purl,
    declaredLicense: v.declaredLicense,
    concludedLicense: v.concludedLicense,
    correctedLicense: null,
    copyright: v.copyright,
  }));
  const usages: ReleaseUsage[] = plan.usages.map((u, i) => {
    const version = versions[u.version];
    const usage: Usage = {
      id: i + 1,
      releaseId,
      versionId: version.id,
      scope: u.scope,
      project: u.project,
      linking: u.linking ?? options.linking ?? null,
      modified: u.modified ?? options.modified ?? null,
      exploitation: null,
      chosenLicense: null,
      status: 'auto',
      addedBy: 'import',
    };
    return { usage, version, component: components[version.componentId - 1] };
  });
  const rules: ExploitationRule[] = (options.exploitationRules ?? []).map((r, i) => ({ ...r, id: i + 1, releaseId }));
  if (options.exploitation)
    rules.push({ id: rules.length + 1, releaseId, scope: null, project: null, exploitation: options.exploitation });
  return {
    release,
    product,
    categories,
    usages,
    exploitationRules: rules,
    decisions: options.decisions ?? [],
    policy: options.policy ?? { entries: [] },
    knowledgeBase: options.knowledgeBase ?? builtinKnowledgeBase(),
    ...(options.useDeclaration ? { useDeclaration: options.useDeclaration } : {}),
    ...(plan.lineage.length > 0
      ? {
          lineage: plan.lineage.map((l) => ({
            releaseId,
            parentVersionId: l.parent === null ? null : versions[l.parent]!.id,
            childVersionId: versions[l.child]!.id,
            kind: l.kind,
          })),
        }
      : {}),
    settings: options.settings ?? { acceptNormaliser: 'off' },
  };
}
