/**
 * How a release uses a component: the context that licence obligations and compatibility depend on.
 * Vocabulary of DESIGN.md (Hermine's, in kebab case); the Hermine spellings live in src/licenses/hermine.
 */

/** How a release exploits a component (Hermine: DistributionSourceDistributionNonSource, …). */
export type Exploitation = 'distribution' | 'distribution-source' | 'distribution-binary' | 'network' | 'internal';
export const EXPLOITATIONS: readonly Exploitation[] = [
  'distribution',
  'distribution-source',
  'distribution-binary',
  'network',
  'internal',
];

export type Modification = 'modified' | 'unmodified';
export const MODIFICATIONS: readonly Modification[] = ['modified', 'unmodified'];

/** How the component is combined with the release's own code. */
export type Linking = 'aggregation' | 'dynamic' | 'static' | 'mingled';
export const LINKINGS: readonly Linking[] = ['aggregation', 'dynamic', 'static', 'mingled'];

/**
 * How a document says one component is used (Hermine's KISSBOM rows carry it): each entry becomes
 * one usage of the release. A blank field leaves the choice to the import (its defaults) or to the
 * mapping (the document's scope, the projects that reach the component).
 */
export interface DeclaredUsage {
  project?: string;
  scope?: string;
  linking?: Linking;
  modified?: boolean;
}
