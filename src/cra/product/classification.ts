// The class of a product from its core function (CRA Art. 7(1), 8(1); Annexes III and IV), and the
// conformity assessment routes that class allows (Art. 32).
import { findCategory, PRODUCT_CATEGORIES, type ProductCategory, type ProductClass } from './categories.js';

export interface Classification {
  class: ProductClass;
  category: ProductCategory | null;
  /** Why: the category and clause, or "no Annex III/IV category". */
  explanation: string;
}

const RANK: Record<ProductClass, number> = { default: 0, 'important-class-i': 1, 'important-class-ii': 2, critical: 3 };

/**
 * Categories whose keywords appear in a core-function description, most specific class first (a
 * "tamper-resistant microcontroller" is class II even though "microcontroller" words also match
 * class I). A suggestion only: the manufacturer confirms the category.
 */
export function suggestCategories(coreFunction: string): ProductCategory[] {
  const text = ` ${coreFunction.toLowerCase().replace(/[^a-z0-9-]+/g, ' ')} `;
  const hits = PRODUCT_CATEGORIES.filter((c) =>
    c.keywords.some((k) => text.includes(` ${k} `) || text.includes(` ${k}s `)),
  );
  return hits.sort((a, b) => RANK[b.class] - RANK[a.class]);
}

/** The class of a product whose core function falls in `categoryId` (none: default). */
export function classify(categoryId: string | null): Classification {
  if (categoryId === null)
    return {
      class: 'default',
      category: null,
      explanation: 'the core function is in no Annex III or IV category: default product (CRA Art. 7(1) a contrario)',
    };
  const category = findCategory(categoryId);
  if (!category) throw new RangeError(`unknown product category "${categoryId}"`);
  const kind =
    category.class === 'critical'
      ? 'critical product'
      : `important product, ${category.class === 'important-class-i' ? 'class I' : 'class II'}`;
  return { class: category.class, category, explanation: `${category.name}: ${kind} (${category.clause})` };
}

export type ConformityRoute = 'module-a' | 'module-b-c' | 'module-h' | 'eu-certification';

export interface RouteFacts {
  /** Harmonised standards, common specifications or an EU scheme (≥ substantial) applied in full. */
  standardsAppliedInFull?: boolean;
  /** Free and open-source software made available (Art. 32(5)). */
  openSource?: boolean;
  /** The technical documentation is made public (Art. 32(5)). */
  technicalDocumentationPublic?: boolean;
  /** A delegated act under Art. 8(1) requires EU cybersecurity certification for this category [V]. */
  certificationRequiredByDelegatedAct?: boolean;
}

export interface RouteDecision {
  route: ConformityRoute;
  allowed: boolean;
  clause: string;
  reason: string;
}

const ROUTES: readonly ConformityRoute[] = ['module-a', 'module-b-c', 'module-h', 'eu-certification'];

function moduleA(cls: ProductClass, facts: RouteFacts): RouteDecision {
  const no = (clause: string, reason: string): RouteDecision => ({ route: 'module-a', allowed: false, clause, reason });
  const yes = (clause: string, reason: string): RouteDecision => ({ route: 'module-a', allowed: true, clause, reason });
  if (cls === 'default') return yes('CRA Art. 32(1)(a)', 'internal control is open to every default product');
  if (facts.openSource && facts.technicalDocumentationPublic) {
    return yes('CRA Art. 32(5)', 'free and open-source product whose technical documentation is made public');
  }
  if (cls === 'important-class-i' && facts.standardsAppliedInFull) {
    return yes(
      'CRA Art. 32(2)',
      'harmonised standards, common specifications or an EU scheme (at least "substantial") applied in full',
    );
  }
  if (cls === 'important-class-i') {
    return no(
      'CRA Art. 32(2)',
      facts.openSource
        ? 'class I open source: make the technical documentation public, or apply harmonised standards in full'
        : 'class I: only when harmonised standards, common specifications or an EU scheme are applied in full',
    );
  }
  if (cls === 'critical') return no('CRA Art. 32(4)', 'critical products never use internal control');
  return no(
    'CRA Art. 32(3)',
    facts.openSource
      ? 'class II open source: only with a public technical documentation (Art. 32(5))'
      : 'class II products need type examination, full quality assurance or EU certification',
  );
}

/** Every route with whether the class (and the facts) allow it, and why. */
export function conformityRoutes(cls: ProductClass, facts: RouteFacts = {}): RouteDecision[] {
  return ROUTES.map((route) => {
    if (route === 'module-a') return moduleA(cls, facts);
    if (cls === 'critical' && facts.certificationRequiredByDelegatedAct && route !== 'eu-certification') {
      return {
        route,
        allowed: false,
        clause: 'CRA Art. 32(4), 8(1)',
        reason: 'a delegated act requires European cybersecurity certification for this category [V]',
      };
    }
    const clause =
      cls === 'default'
        ? 'CRA Art. 32(1)'
        : cls === 'important-class-i'
          ? 'CRA Art. 32(2)'
          : cls === 'important-class-ii'
            ? 'CRA Art. 32(3)'
            : 'CRA Art. 32(4)';
    const reason =
      route === 'eu-certification'
        ? 'a European cybersecurity certification scheme (assurance level at least "substantial" for important products)'
        : route === 'module-b-c'
          ? 'EU-type examination followed by conformity to type based on internal production control'
          : 'conformity based on full quality assurance';
    return { route, allowed: true, clause, reason };
  });
}
