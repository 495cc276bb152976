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

/**
 * Which recipe gives exactly these generalisations for this key, version and label (same entries,
 * keys in the same order, same values), or null when neither does. Compares in place: it runs on
 * every blocker of a run as it is stored, so it builds no object and no string.
 */
export function recipeOf(
  list: readonly Generalisation[],
  key: string | null,
  version: string | null,
  label: string | null,
  places: GeneralisationPlaces,
): GeneralisationRecipe | null {
  if (key === null || version === null || label === null) return null;
  if (list.length === 3 && isCuration(list, key, version, label)) return 'curation';
  if (list.length === 5 + places.categories.length && isUsage(list, key, version, label, places)) return 'usage';
  return null;
}

function isCuration(list: readonly Generalisation[], key: string, version: string, label: string): boolean {
  const v = list[0]!;
  const c = list[1]!;
  const e = list[2]!;
  return (
    entry(v, 'version', 'only ', label, '') &&
    scope(v.scope, 'component', key, 'version', version) &&
    entry(c, 'component', 'all versions of ', key, '') &&
    scope(c.scope, 'component', key) &&
    entry(e, 'everything', EVERYTHING, '', '') &&
    scope(e.scope)
  );
}

function isUsage(
  list: readonly Generalisation[],
  key: string,
  version: string,
  label: string,
  places: GeneralisationPlaces,
): boolean {
  const { releaseId, productId, productName, categories } = places;
  const rv = list[0]!;
  const r = list[1]!;
  const p = list[2]!;
  if (
    !entry(rv, 'release-version', '', label, ' in this release only') ||
    !scope(rv.scope, 'releaseId', releaseId, 'component', key, 'version', version) ||
    !entry(r, 'release', 'any version of ', key, ' in this release') ||
    !scope(r.scope, 'releaseId', releaseId, 'component', key) ||
    !entry(p, 'product', '', key, ` in every release of `, productName) ||
    !scope(p.scope, 'productId', productId, 'component', key)
  )
    return false;
  for (let i = 0; i < categories.length; i++) {
    const g = list[3 + i]!;
    const c = categories[i]!;
    if (!entry(g, 'category', '', key, ' in every product of category ', c.name)) return false;
    if (!scope(g.scope, 'categoryId', c.id, 'component', key)) return false;
  }
  const ap = list[3 + categories.length]!;
  const all = list[4 + categories.length]!;
  return (
    entry(ap, 'all-products', '', key, ' in every product') &&
    scope(ap.scope, 'component', key) &&
    entry(all, 'all', ALL, '', '') &&
    scope(all.scope)
  );
}

/** g has exactly the keys level, scope, description in that order, and description = before + middle + after + tail. */
function entry(g: Generalisation, level: string, before: string, middle: string, after: string, tail = ''): boolean {
  if (g.level !== level || typeof g.description !== 'string') return false;
  const d = g.description;
  if (d.length !== before.length + middle.length + after.length + tail.length) return false;
  if (!d.startsWith(before) || !d.startsWith(middle, before.length)) return false;
  if (!d.startsWith(after, before.length + middle.length) || !d.endsWith(tail)) return false;
  let n = 0;
  for (const k in g) if (k !== ENTRY_KEYS[n++]) return false;
  return n === 3;
}

const ENTRY_KEYS = ['level', 'scope', 'description'];

type Value = string | number;

/** The scope has exactly the keys given (none to three), in this order, with these values. */
function scope(s: object, k1?: string, v1?: Value, k2?: string, v2?: Value, k3?: string, v3?: Value): boolean {
  const values = s as Record<string, unknown>;
  let n = 0;
  for (const k in s) {
    n++;
    if (
      n === 1
        ? k !== k1 || values[k] !== v1
        : n === 2
          ? k !== k2 || values[k] !== v2
          : n !== 3 || k !== k3 || values[k] !== v3
    )
      return false;
  }
  return n === (k3 !== undefined ? 3 : k2 !== undefined ? 2 : k1 !== undefined ? 1 : 0);
}
