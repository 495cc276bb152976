import { issue, type Issue } from '../../../model/index.js';

/**
 * Counts what the target format could not hold, per kind, so that the encoder reports one
 * `lossy-encode` Issue per kind (with a count and the first component) rather than one per component.
 */
export class LossyTally {
  private readonly kinds = new Map<string, { count: number; first?: string }>();

  note(what: string, component?: string): void {
    const entry = this.kinds.get(what);
    if (entry) entry.count++;
    else this.kinds.set(what, { count: 1, ...(component ? { first: component } : {}) });
  }

  issues(target: string): Issue[] {
    return [...this.kinds].map(([what, { count, first }]) =>
      issue(
        'warning',
        'lossy-encode',
        `${target} cannot hold ${what}: ${count} occurrence(s) dropped${first ? ` (first: ${first})` : ''}`,
        first ? { component: first } : {},
      ),
    );
  }
}
