import type { Curation, Decision, Derogation, LicenseChoice } from '../model/decision.js';

/** Decisions of one type, bucketed by component so each usage only looks at those that may match. */
export class ComponentBuckets<D extends { component: string | null }> {
  private readonly byComponent = new Map<string, D[]>();
  private readonly anyComponent: D[] = [];

  constructor(decisions: readonly D[]) {
    for (const d of decisions) {
      if (d.component === null) this.anyComponent.push(d);
      else {
        const list = this.byComponent.get(d.component);
        if (list) list.push(d);
        else this.byComponent.set(d.component, [d]);
      }
    }
  }

  /** Decisions bound to this component, then those bound to none. */
  candidates(component: string): readonly D[] {
    const own = this.byComponent.get(component);
    if (!own) return this.anyComponent;
    if (this.anyComponent.length === 0) return own;
    return [...own, ...this.anyComponent];
  }
}

export interface DecisionIndex {
  curations: ComponentBuckets<Curation>;
  andConfirmations: ComponentBuckets<Curation>;
  choices: ComponentBuckets<LicenseChoice>;
  derogations: ComponentBuckets<Derogation>;
}

export function indexDecisions(decisions: readonly Decision[]): DecisionIndex {
  const curations: Curation[] = [];
  const confirmations: Curation[] = [];
  const choices: LicenseChoice[] = [];
  const derogations: Derogation[] = [];
  for (const d of decisions) {
    if (d.type === 'curation') (d.kind === 'and-confirmation' ? confirmations : curations).push(d);
    else if (d.type === 'choice') choices.push(d);
    else derogations.push(d);
  }
  return {
    curations: new ComponentBuckets(curations),
    andConfirmations: new ComponentBuckets(confirmations),
    choices: new ComponentBuckets(choices),
    derogations: new ComponentBuckets(derogations),
  };
}

/** "curation #12 (alice, 2025-01-02: reason)" — how a decision is named in explanations. */
export function decisionLabel(d: Decision): string {
  const why = d.explanation ? `: ${d.explanation}` : '';
  const when = d.createdAt ? `, ${d.createdAt.slice(0, 10)}` : '';
  return `${d.type === 'curation' && d.kind === 'and-confirmation' ? 'AND confirmation' : d.type} #${d.id} (${d.author}${when}${why})`;
}
