// Issue 8 items 2 and 5: what a decision must name, how it names a component, and what it refuses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { vigie } from '../../test/cli/run-cli.js';
import * as services from './index.js';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-decision-rules-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const signed = { author: 'ada', explanation: 'read the project site' };

test('a curation naming neither the string found nor a component is refused (it would rewrite every licence)', async () => {
  await assert.rejects(
    services.recordDecision(store, {
      type: 'curation',
      kind: 'curation',
      component: null,
      version: null,
      fromExpression: null,
      toExpression: 'MIT',
      ...signed,
    }),
    (e: Error) => services.isServiceError(e) && /must name what it corrects/.test(e.message),
  );
  assert.equal((await services.listDecisions(store)).length, 0);
  const cli = await vigie([
    'decision',
    'add',
    'curation',
    '--to',
    'MIT',
    '--author',
    'ada',
    '--explanation',
    'x',
    '--db',
    join(dir, 'store.db'),
  ]);
  assert.notEqual(cli.code, 0);
  assert.match(cli.stderr, /must name what it corrects/);
});

test('decision purls are canonicalised in the service: qualifiers, subpath and version dropped (version kept apart)', async () => {
  const d = await services.recordDecision(store, {
    type: 'curation',
    kind: 'curation',
    component: 'pkg:maven/io.dropwizard/dropwizard-util@1.3.15?type=jar#sub',
    version: null,
    fromExpression: null,
    toExpression: 'Apache-2.0',
    ...signed,
  });
  assert.equal(d.type === 'curation' && d.component, 'pkg:maven/io.dropwizard/dropwizard-util');
  assert.equal(d.type === 'curation' && d.version, '1.3.15');
  const g = await services.recordDecision(store, {
    type: 'derogation',
    categoryId: null,
    productId: null,
    releaseId: null,
    scope: null,
    project: null,
    exploitation: null,
    component: 'pkg:golang/golang.org/x/net?goarch=amd64',
    version: null,
    license: 'BSD-3-Clause',
    linking: 'static',
    modification: 'unmodified',
    ...signed,
  });
  assert.equal(g.type === 'derogation' && g.component, 'pkg:golang/golang.org/x/net');
  assert.equal(g.type === 'derogation' && g.modification, 'unmodified');
  await assert.rejects(
    services.recordDecision(store, {
      type: 'curation',
      kind: 'curation',
      component: 'pkg:npm/a@1.0.0',
      version: '2.0.0',
      fromExpression: null,
      toExpression: 'MIT',
      ...signed,
    }),
    /names version 1\.0\.0/,
  );
});

test('a curation to an unknown licence id is refused with "did you mean"', async () => {
  await assert.rejects(
    services.recordDecision(store, {
      type: 'curation',
      kind: 'curation',
      component: null,
      version: null,
      fromExpression: 'Apache 2',
      toExpression: 'Apache-2',
      ...signed,
    }),
    (e: Error) => services.isServiceError(e) && /did you mean "Apache-2\.0"/.test(e.message),
  );
  const ok = await services.recordDecision(store, {
    type: 'curation',
    kind: 'curation',
    component: null,
    version: null,
    fromExpression: 'GPL2 with CP',
    toExpression: 'GPL-2.0-only WITH Classpath-exception-2.0',
    ...signed,
  });
  assert.equal(ok.type === 'curation' && ok.toExpression, 'GPL-2.0-only WITH Classpath-exception-2.0');
});

test('a curation typo gets the nearest licence id, inside an expression too', async () => {
  const to = async (toExpression: string) => {
    try {
      await services.recordDecision(store, {
        type: 'curation',
        kind: 'curation',
        component: null,
        version: null,
        fromExpression: `typo ${toExpression}`,
        toExpression,
        ...signed,
      });
    } catch (e) {
      assert.ok(services.isServiceError(e));
      return (e as Error).message;
    }
    return assert.fail(`"${toExpression}" was accepted`);
  };
  assert.match(await to('MTI'), /did you mean "MIT"\?/);
  assert.match(await to('Apache-2.0 OR MTI'), /did you mean "Apache-2\.0 OR MIT"\?/);
  assert.match(await to('BSD-3-Clase AND Apache-2'), /did you mean "BSD-3-Clause AND Apache-2\.0"\?/);
  assert.equal(
    (await services.listDecisions(store)).filter((d) => d.type === 'curation' && d.fromExpression?.startsWith('typo '))
      .length,
    0,
  );
});

test('CLI: flags that do not apply to a decision kind are refused, not dropped', async () => {
  const db = join(dir, 'store.db');
  const before = (await services.listDecisions(store)).length;
  const r = await vigie([
    'decision',
    'add',
    'curation',
    '--from',
    'BSD',
    '--to',
    'BSD-3-Clause',
    '--product',
    'p',
    '--exploitation',
    'network',
    '--author',
    'ada',
    '--explanation',
    'x',
    '--db',
    db,
  ]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /--product, --exploitation do not apply/);
  const c = await vigie([
    'decision',
    'add',
    'curation',
    '--component',
    'pkg:maven/org.x/y@2?type=jar',
    '--to',
    'MIT',
    '--author',
    'ada',
    '--explanation',
    'x',
    '--db',
    db,
    '--json',
  ]);
  assert.equal(c.code, 0, c.stderr);
  assert.deepEqual([JSON.parse(c.stdout).component, JSON.parse(c.stdout).version], ['pkg:maven/org.x/y', '2']);
  assert.equal((await services.listDecisions(store)).length, before + 1);
});

test('a decision that says exactly what a recorded one says is refused, naming it; a different one is kept', async () => {
  const curation = {
    type: 'curation' as const,
    kind: 'curation' as const,
    component: 'pkg:npm/left-pad',
    version: '1.3.0',
    fromExpression: 'WTFPL-ish',
    toExpression: 'WTFPL',
  };
  const first = await services.recordDecision(store, { ...curation, ...signed });
  // The same rule again, from someone else with another reason (a form sent twice, a script run again).
  await assert.rejects(
    services.recordDecision(store, { ...curation, author: 'bob', explanation: 'again' }),
    (e: Error) =>
      services.isServiceError(e) &&
      e.code === 'already-exists' &&
      new RegExp(`already recorded as #${first.id} \\(ada, `).test(e.message),
  );
  // The same purl written another way is the same component.
  await assert.rejects(
    services.recordDecision(store, { ...curation, component: 'pkg:npm/left-pad@1.3.0?x=y', ...signed }),
    (e: Error) => services.isServiceError(e) && e.code === 'already-exists',
  );
  const other = await services.recordDecision(store, { ...curation, version: '1.3.1', ...signed });
  assert.notEqual(other.id, first.id);
  const derogation = {
    type: 'derogation' as const,
    license: 'GPL-3.0-only',
    linking: null,
    modification: null,
    categoryId: null,
    productId: null,
    releaseId: null,
    scope: 'test',
    project: null,
    exploitation: null,
    component: null,
    version: null,
  };
  await services.recordDecision(store, { ...derogation, ...signed });
  await assert.rejects(
    services.recordDecision(store, { ...derogation, ...signed }),
    (e: Error) => services.isServiceError(e) && e.code === 'already-exists',
  );
  await services.recordDecision(store, { ...derogation, scope: 'build', ...signed });
  const sameRule = (await services.listDecisions(store)).filter(
    (d) => d.type === 'curation' && d.fromExpression === 'WTFPL-ish',
  );
  assert.equal(sameRule.length, 2);
});
