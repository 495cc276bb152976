import type { Generalisation } from './finding.js';
import type { UsageState } from './validation-context.js';
import type { ReleaseSnapshot } from './snapshot.js';

/** Where a curation can be recorded: this version, every version of the component, everything. */
export function curationGeneralisations(state: UsageState): Generalisation[] {
  return [
    {
      level: 'version',
      scope: { component: state.key, version: state.item.version.number },
      description: `only ${state.label}`,
    },
    { level: 'component', scope: { component: state.key }, description: `all versions of ${state.key}` },
    { level: 'everything', scope: {}, description: 'every component where the same string is found' },
  ];
}

/** Where a choice or derogation can be recorded, from this usage up to all products. */
export function usageGeneralisations(state: UsageState, snapshot: ReleaseSnapshot): Generalisation[] {
  const { release, product, categories } = snapshot;
  const v = state.item.version.number;
  const out: Generalisation[] = [
    {
      level: 'release-version',
      scope: { releaseId: release.id, component: state.key, version: v },
      description: `${state.label} in this release only`,
    },
    {
      level: 'release',
      scope: { releaseId: release.id, component: state.key },
      description: `any version of ${state.key} in this release`,
    },
    {
      level: 'product',
      scope: { productId: product.id, component: state.key },
      description: `${state.key} in every release of ${product.name}`,
    },
  ];
  for (const c of categories) {
    out.push({
      level: 'category',
      scope: { categoryId: c.id, component: state.key },
      description: `${state.key} in every product of category ${c.name}`,
    });
  }
  out.push({ level: 'all-products', scope: { component: state.key }, description: `${state.key} in every product` });
  out.push({ level: 'all', scope: {}, description: 'every component in every product' });
  return out;
}
