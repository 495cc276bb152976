import type { Component, Sbom } from '../model/index.js';
import { allComponents } from '../sbom/graph.js';
import { formatPurl, isPurlError, parsePurl, purlWithoutVersion } from '../model/purl/index.js';
import type { Category, ComponentRecord, ExploitationRule, Product, Release, Usage, VersionRecord } from '../model/portfolio.js';
import type { Decision } from '../model/decision.js';
import type { Exploitation, Linking } from '../model/usage-context.js';
import type { KnowledgeBase } from '../licenses/kb/types.js';
import type { LicensePolicyTable } from '../licenses/kb/policy.js';
import { builtinKnowledgeBase } from '../licenses/kb/index.js';
import type { ReleaseSnapshot, ReleaseUsage } from './snapshot.js';

export interface SnapshotOptions {
  /** One exploitation for the whole release (a rule with blank scope and project). */
  exploitation?: Exploitation;
  exploitationRules?: Omit<ExploitationRule, 'id' | 'releaseId'>[];
  policy?: LicensePolicyTable;
  decisions?: Decision[];
  knowledgeBase?: KnowledgeBase;
  outboundLicenses?: string[];
  categories?: Category[];
  /** Linking recorded on every usage (SBOMs do not say). */
  linking?: Linking;
  modified?: boolean;
  productName?: string;
  releaseNumber?: string;
  /** Ids of the synthetic product and release (decisions scoped to them must use these). */
  productId?: number;
  releaseId?: number;
}

/**
 * A synthetic release made from one decoded SBOM (used by `vigie check`, no store): components
 * and versions deduplicated like the portfolio does (versionless purl, else name), one usage per
 * version and scope. Ids are assigned in document order, starting at 1.
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
  const components = new Map<string, ComponentRecord>();
  const versions = new Map<string, VersionRecord>();
  const usages = new Map<string, ReleaseUsage>();
  for (const c of allComponents(sbom)) {
    const identity = identityOf(c);
    let component = components.get(identity.key);
    if (!component) {
      component = {
        id: components.size + 1,
        purlType: identity.type,
        namespace: c.group ?? identity.namespace,
        name: c.name,
        purl: identity.versionless,
        description: c.description ?? null,
        homepage: c.externalReferences.find((r) => r.type === 'website')?.url ?? null,
        language: c.language ?? null,
      };
      components.set(identity.key, component);
    }
    const number = c.version ?? '';
    const versionKey = `${component.id}\u0000${number}`;
    let version = versions.get(versionKey);
    if (!version) {
      const declared = c.licenses.declared ?? c.licenses.concluded;
      version = {
        id: versions.size + 1,
        componentId: component.id,
        number,
        purl: c.purl ?? null,
        declaredLicense: declared?.raw || null,
        concludedLicense: c.licenses.concluded?.expression ?? null,
        correctedLicense: null,
        copyright: c.copyright ?? null,
      };
      versions.set(versionKey, version);
    }
    const scope = c.dependencyScope ?? c.scope ?? '';
    const usageKey = `${version.id}\u0000${scope}`;
    if (usages.has(usageKey)) continue;
    const usage: Usage = {
      id: usages.size + 1,
      releaseId,
      versionId: version.id,
      scope,
      project: '',
      linking: options.linking ?? null,
      modified: options.modified ?? null,
      exploitation: null,
      chosenLicense: c.licenses.effective?.expression ?? null,
      status: 'auto',
      addedBy: 'import',
    };
    usages.set(usageKey, { usage, version, component });
  }
  const rules: ExploitationRule[] = (options.exploitationRules ?? []).map((r, i) => ({ ...r, id: i + 1, releaseId }));
  if (options.exploitation) rules.push({ id: rules.length + 1, releaseId, scope: null, project: null, exploitation: options.exploitation });
  return {
    release,
    product,
    categories,
    usages: [...usages.values()],
    exploitationRules: rules,
    decisions: options.decisions ?? [],
    policy: options.policy ?? { entries: [] },
    knowledgeBase: options.knowledgeBase ?? builtinKnowledgeBase(),
  };
}

function identityOf(c: Component): { key: string; versionless: string | null; type: string | null; namespace: string | null } {
  if (c.purl) {
    const p = parsePurl(c.purl);
    if (!isPurlError(p)) {
      const versionless = formatPurl(purlWithoutVersion(p));
      return { key: versionless, versionless, type: p.type, namespace: p.namespace ?? null };
    }
  }
  const name = c.group ? `${c.group}/${c.name}` : c.name;
  return { key: `name:${name}`, versionless: null, type: null, namespace: c.group ?? null };
}
