import type { Release } from '../../model/portfolio.js';
import type { ReleaseData } from '../../services/store-door.js';

export function presentRelease(r: Release) {
  return {
    id: r.id,
    productId: r.productId,
    number: r.number,
    shipStatus: r.shipStatus,
    commit: r.commit,
    outboundLicenses: r.outboundLicenses,
    validationStep: r.validationStep,
  };
}

/** Each usage with the version and component it points at: what the BOM table shows. */
export function presentBom(data: ReleaseData) {
  const versions = new Map(data.versions.map((v) => [v.id, v]));
  const components = new Map(data.components.map((c) => [c.id, c]));
  return data.usages.map((usage) => {
    const version = versions.get(usage.versionId) ?? null;
    return { usage, version, component: version ? (components.get(version.componentId) ?? null) : null };
  });
}
