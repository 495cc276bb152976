import type { Release } from '../../model/portfolio.js';

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
