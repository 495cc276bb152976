// Issue 8 item 9: the rows of Hermine's KISSBOM variant become usages through the one SBOM->release
// mapping, with the project, scope, linking and modification each row gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { planImport } from '../../src/compliance/release-plan.js';
import { snapshotFromSbom } from '../../src/compliance/snapshot-from-sbom.js';
import { readSbom } from '../../src/sbom/read.js';

const text = readFileSync(join(REPO_ROOT, 'test/fixtures/kissbom/hermine-variant.kissbom.json'), 'utf8');

test('each row is one usage of the release with its project, scope, linking and modification', () => {
  const { sbom } = readSbom(text);
  const plan = planImport(sbom);
  const rows = plan.usages.map((u) => {
    const name = plan.components[plan.versions[u.version]!.component]!.name;
    return `${name}|${u.project}|${u.scope}|${u.linking ?? '-'}|${u.modified ?? '-'}`;
  });
  assert.deepEqual(rows, [
    'express|NPM::shop-api:1.0.0|dependencies|dynamic|false',
    'express|NPM::shop-admin:1.0.0|dependencies|dynamic|false',
    'zlib|NPM::shop-api:1.0.0|bundled|static|true',
    'jest|NPM::shop-api:1.0.0|devDependencies|-|false',
    'lodash|||-|-',
  ]);
  // --project still names every usage's project.
  assert.deepEqual([...new Set(planImport(sbom, 'one').usages.map((u) => u.project))], ['one']);
  // vigie check sees what the document says; its --linking only fills what the document leaves blank.
  const snapshot = snapshotFromSbom(sbom, { linking: 'aggregation', modified: false });
  const linking = snapshot.usages.map((u) => `${u.component.name}:${u.usage.linking}:${u.usage.modified}`);
  assert.deepEqual(linking, [
    'express:dynamic:false',
    'express:dynamic:false',
    'zlib:static:true',
    'jest:aggregation:false',
    'lodash:aggregation:false',
  ]);
});
