import type { Generalisation } from './finding.js';
import type { UsageState, ValidationContext } from './validation-context.js';
import type { ReleaseSnapshot } from './snapshot.js';

/**
 * The release, product and categories a usage's generalisations name. They are the same for every
 * blocker of one validation, so a stored run keeps them once (ADR 42).
 */
export interface GeneralisationPlaces {
  releaseId: number;
  productId: number;
  productName: string;
  categories: { id: number; name: string }[];
}

/** Which of the two recipes below gave a blocker's generalisations. */
export type GeneralisationRecipe = 'curation' | 'usage';

export function placesOf(snapshot: ReleaseSnapshot): GeneralisationPlaces {
  const { release, product, categories } = snapshot;
  return {
    releaseId: release.id,
    productId: product.id,
    productName: product.name,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
  };
}

/**
 * What a validation in named mode puts in place of a list: the recipe's name. It is a string typed
 * as the list only between the engine and the stored run (`services/run-report.ts`), which is the
 * only caller of that mode and gives its readers the lists rebuilt.
 */
function named(recipe: GeneralisationRecipe): Generalisation[] {
  return recipe as unknown as Generalisation[];
}

/** Where a curation can be recorded: this version, every version of the component, everything. */
export function curationGeneralisations(ctx: ValidationContext, state: UsageState): Generalisation[] {
  if (ctx.namedGeneralisations) return named('curation');
  return curationGeneralisationsOf(state.key, state.item.version.number, state.label);
}

/** Where a choice or derogation can be recorded, from this usage up to all products. */
export function usageGeneralisations(ctx: ValidationContext, state: UsageState): Generalisation[] {
  if (ctx.namedGeneralisations) return named('usage');
  const { release, product, categories } = ctx.snapshot;
  return usageGeneralisationsOf(state.key, state.item.version.number, state.label, {
    releaseId: release.id,
    productId: product.id,
    productName: product.name,
    categories,
  });
}

/** The curation recipe from a blocker's own fields: its component key, version and label. */
export function curationGeneralisationsOf(key: string, version: string, label: string): Generalisation[] {
  return [
    { level: 'version', scope: { component: key, version }, description: `only ${label}` },
    { level: 'component', scope: { component: key }, description: `all versions of ${key}` },
    { level: 'everything', scope: {}, description: EVERYTHING },
  ];
}

/** The usage recipe from a blocker's own fields and the places of its release. */
export function usageGeneralisationsOf(
  key: string,
  version: string,
  label: string,
  places: GeneralisationPlaces,
): Generalisation[] {
  const { releaseId, productId, productName } = places;
  const out: Generalisation[] = [
    {
      level: 'release-version',
      scope: { releaseId, component: key, version },
      description: `${label} in this release only`,
    },
    { level: 'release', scope: { releaseId, component: key }, description: `any version of ${key} in this release` },
    {
      level: 'product',
      scope: { productId, component: key },
      description: `${key} in every release of ${productName}`,
    },
  ];
  for (const c of places.categories) {
    out.push({
      level: 'category',
      scope: { categoryId: c.id, component: key },
      description: `${key} in every product of category ${c.name}`,
    });
  }
  out.push({ level: 'all-products', scope: { component: key }, description: `${key} in every product` });
  out.push({ level: 'all', scope: {}, description: ALL });
  return out;
}

const EVERYTHING = 'every component where the same string is found';
const ALL = 'every component in every product';
