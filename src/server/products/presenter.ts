import type { Product } from '../../model/portfolio.js';

export function presentProduct(p: Product) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    owner: p.owner,
    categoryIds: p.categoryIds,
    outboundLicenses: p.outboundLicenses,
  };
}
