// Parallel imports into different releases whose documents share components, listed in opposite
// orders, through two stores on one PostgreSQL schema (as two API processes or two workers hold;
// issue 13 item 4). Components and versions are shared rows: written in document order, two such
// imports took their row locks in opposite orders and PostgreSQL aborted all but one with
// "deadlock detected" (five of six in a round). Written in one order, they wait for each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { openStore } from '../../src/store/index.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { postgresTarget } from './support/databases.js';

const ROUNDS = 3;
const RELEASES = 6;
const COMPONENTS = 3000;

const target = postgresTarget();

test(
  'parallel imports of shared components in opposite orders through two stores all succeed [postgres]',
  { skip: target.unavailable },
  async () => {
    const fresh = await target.fresh();
    const second = await openStore(fresh.options);
    try {
      const stores = [fresh.store, second];
      const product = await services.createProduct(fresh.store, { name: 'Shared components' });
      for (let round = 0; round < ROUNDS; round++) {
        // New component names each round, so that every round inserts them all again.
        const forward = deepGraphCycloneDx({ components: COMPONENTS, depth: 10 }).replace(/deep-/g, `r${round}-`);
        const parsed = JSON.parse(forward) as { components: unknown[] };
        parsed.components.reverse();
        const backward = JSON.stringify(parsed);
        const releases = [];
        for (let i = 0; i < RELEASES; i++)
          releases.push(await services.createRelease(fresh.store, { productId: product.id, number: `${round}.${i}` }));
        const outcomes = await Promise.allSettled(
          releases.map((r, i) =>
            services.importDocument(stores[i % 2]!, r.id, {
              content: i % 2 ? backward : forward,
              fileName: `r${round}.json`,
            }),
          ),
        );
        const failures = outcomes.flatMap((o, i) =>
          o.status === 'rejected' ? [`release ${round}.${i}: ${String(o.reason)}`] : [],
        );
        assert.deepEqual(failures, [], `round ${round + 1}: every import succeeds`);
        for (const r of releases) assert.equal((await fresh.store.listUsages(r.id)).length, COMPONENTS);
        const components = await fresh.store.listComponents();
        assert.equal(
          components.filter((c) => c.name.startsWith(`r${round}-`)).length,
          COMPONENTS,
          'each shared component stored once',
        );
      }
    } finally {
      await second.close();
      await fresh.dispose();
    }
  },
);
