import type { Category } from '../../model/portfolio.js';

export function presentCategory(c: Category) {
  return { id: c.id, name: c.name, description: c.description, outboundLicenses: c.outboundLicenses };
}
