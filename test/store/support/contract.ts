import { describe, test } from 'node:test';
import type { Store } from '../../../src/store/index.js';
import type { FreshStore, Target } from './databases.js';
import { needsCorpora } from '../../support/corpora.js';

/** A contract case: written once, run against every dialect on a fresh database. */
export type ContractCase = ((store: Store, fresh: FreshStore) => Promise<void>) & { readsCorpora?: true };

/** Marks a case that reads ../shared/corpora: skipped, with the reason, where they are absent. */
export function readsCorpora(run: (store: Store, fresh: FreshStore) => Promise<void>): ContractCase {
  return Object.assign(run, { readsCorpora: true as const });
}

export function runContract(targets: Target[], groups: Record<string, Record<string, ContractCase>>): void {
  for (const target of targets) {
    describe(`store contract [${target.dialect}]`, () => {
      for (const [group, cases] of Object.entries(groups)) {
        for (const [name, run] of Object.entries(cases)) {
          test(
            `${group}: ${name}`,
            { skip: target.unavailable ?? (run.readsCorpora ? needsCorpora.skip : undefined) },
            async () => {
              const fresh = await target.fresh();
              try {
                await run(fresh.store, fresh);
              } finally {
                await fresh.dispose();
              }
            },
          );
        }
      }
    });
  }
}
