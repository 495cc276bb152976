// Lineage compliance (issue 10 item 5): a model inherits its base model's obligations and, where the
// data licence reaches the model, its datasets' — explained per edge, with decisions reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptySbom,
  licenseFromExpression,
  type Component,
  type LineageKind,
  type UseDeclaration,
} from '../../src/model/index.js';
import {
  releaseObligations,
  snapshotFromSbom,
  validateRelease,
  type ReleaseSnapshot,
} from '../../src/compliance/index.js';
import type { Decision } from '../../src/model/decision.js';
import { derogation, policy } from '../compliance/fixtures.js';

const LLAMA_31 = 'LicenseRef-scancode-llama-3.1-license-2024';
const NON_COMMERCIAL_PRODUCT: UseDeclaration = {
  commercial: false,
  fieldsOfUse: [],
  monthlyActiveUsers: 100,
  outputsTrainOtherModels: false,
  licenseeInEu: false,
};

function component(ref: string, type: Component['type'], license: string, scope?: string): Component {
  return {
    ref,
    type,
    name: ref,
    version: '1',
    purl: `pkg:huggingface/example/${ref}@1`,
    hashes: [],
    licenses: { concluded: licenseFromExpression(license) },
    externalReferences: [],
    properties: [],
    ...(scope ? { dependencyScope: scope } : {}),
  };
}

/** An app shipping `helper-model` (Apache-2.0), built along one edge from `source` (used only in training). */
function release(kind: LineageKind, sourceLicense: string, decisions: Decision[] = []): ReleaseSnapshot {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.metadata.component = {
    ref: 'app',
    type: 'application',
    name: 'app',
    version: '1',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  const sourceType = kind === 'trained-on' || kind === 'tested-on' ? 'data' : 'machine-learning-model';
  sbom.components.push(
    component('helper-model', 'machine-learning-model', 'Apache-2.0'),
    component('source', sourceType, sourceLicense, 'training'),
  );
  sbom.dependencies.push({ ref: 'app', dependsOn: ['helper-model'] });
  sbom.lineage = [{ from: 'helper-model', kind, to: ['source'] }];
  return snapshotFromSbom(sbom, {
    exploitationRules: [
      { scope: 'training', project: null, exploitation: 'internal' },
      { scope: null, project: null, exploitation: 'distribution' },
    ],
    policy: policy({ always: ['Apache-2.0', sourceLicense] }),
    outboundLicenses: ['Apache-2.0'],
    linking: 'aggregation',
    useDeclaration: NON_COMMERCIAL_PRODUCT,
    decisions,
  });
}

/** The compliance actions the model usage inherits, with the edge each comes through. */
function inherited(s: ReleaseSnapshot): { actions: string[]; via: Set<string> } {
  const plan = releaseObligations(s, validateRelease(s));
  const model = s.usages.find((u) => u.component.name === 'helper-model')!.usage.id;
  const entries = plan.groups.flatMap((g) =>
    g.usages
      .filter((u) => u.usageId === model && u.via)
      .map((u) => ({ action: g.name, via: u.via!, reason: u.reason })),
  );
  for (const e of entries)
    assert.ok(e.reason && e.reason.length > 20, `every inherited obligation says why: ${e.action}`);
  return { actions: [...new Set(entries.map((e) => e.action))].sort(), via: new Set(entries.map((e) => e.via)) };
}

const TABLE: {
  kind: LineageKind;
  license: string;
  includes: string[];
  excludes?: string[];
  none?: true;
  why: string;
}[] = [
  {
    kind: 'fine-tuned-from',
    license: LLAMA_31,
    includes: [
      'Name derivatives with the licensor prefix',
      'Ship licence texts and copyright notices',
      'Display the licensor attribution',
      'Use only for permitted purposes',
      'Obtain a separate licence above the user threshold',
    ],
    why: 'a Llama 3.1 fine-tune must be named "Llama…", ship the licence and show "Built with Llama", even under its own Apache-2.0 tag',
  },
  {
    kind: 'quantised-from',
    license: LLAMA_31,
    includes: ['Name derivatives with the licensor prefix', 'Reproduce the NOTICE file'],
    why: 'a quantised Llama is a derivative too',
  },
  {
    kind: 'fine-tuned-from',
    license: 'Apache-2.0',
    includes: ['Ship licence texts and copyright notices', 'State changes made'],
    why: 'an Apache-2.0 base model: licence copy and change notices for the modified weights',
  },
  {
    kind: 'trained-on',
    license: 'CC-BY-NC-4.0',
    includes: ['No commercial use'],
    excludes: ['Credit the author of the work'],
    why: 'NC training data binds the model to non-commercial use; its attribution does not travel',
  },
  {
    kind: 'trained-on',
    license: 'CC-BY-ND-4.0',
    includes: ['Do not share adapted material'],
    why: 'no-derivatives data fine-tuned into a shared model',
  },
  {
    kind: 'trained-on',
    license: 'ODbL-1.0',
    includes: ['License derived work under the same terms'],
    excludes: ['Keep the database open'],
    why: 'share-alike data: the model treated as an adapted database [V]',
  },
  {
    kind: 'trained-on',
    license: 'CC-BY-SA-4.0',
    includes: ['License derived work under the same terms'],
    why: 'share-alike content',
  },
  {
    kind: 'trained-on',
    license: 'CDLA-Permissive-2.0',
    includes: [],
    none: true,
    why: 'CDLA-Permissive-2.0 puts no condition on results: nothing reaches the model',
  },
  { kind: 'trained-on', license: 'CC-BY-4.0', includes: [], none: true, why: 'attribution clauses stay with the data' },
  { kind: 'tested-on', license: 'CC-BY-NC-4.0', includes: ['No commercial use'], why: 'testing is a use: NC binds it' },
  {
    kind: 'tested-on',
    license: 'CC-BY-SA-4.0',
    includes: [],
    none: true,
    why: 'test data is not built into the model: share-alike stays with it',
  },
  {
    kind: 'trained-on',
    license: 'C-UDA-1.0',
    includes: ['Use only for permitted purposes'],
    excludes: ['Ship licence texts and copyright notices'],
    why: 'computational use only binds the training; sharing the data is not sharing the model',
  },
];

for (const row of TABLE) {
  test(`${row.kind} ${row.license}: ${row.why}`, () => {
    const got = inherited(release(row.kind, row.license));
    for (const a of row.includes) assert.ok(got.actions.includes(a), `${a} expected; got ${got.actions.join(', ')}`);
    for (const a of row.excludes ?? []) assert.ok(!got.actions.includes(a), `${a} not expected`);
    if (row.none) assert.deepEqual(got.actions, []);
    else assert.deepEqual([...got.via], [`${row.kind} example/source@1 (${row.license})`]);
  });
}

test('a no-derivatives dataset trained into a shared model blocks step 5 on the model, explained by the edge; a derogation clears it', () => {
  const s = release('trained-on', 'CC-BY-ND-4.0');
  const step5 = validateRelease(s).steps[4]!;
  assert.deepEqual(
    step5.blockers.map((b) => [b.kind, b.component, b.license]),
    [['lineage-no-derivatives', 'example/helper-model@1', 'CC-BY-ND-4.0']],
  );
  assert.match(
    step5.blockers[0]!.message,
    /is trained-on example\/source@1 \(CC-BY-ND-4\.0\): CC-BY-ND-4\.0 forbids sharing adapted material/,
  );
  // The same data only tested on: nothing is adapted.
  assert.equal(validateRelease(release('tested-on', 'CC-BY-ND-4.0')).steps[4]!.passed, true);
  const cleared = validateRelease(
    release('trained-on', 'CC-BY-ND-4.0', [
      derogation('CC-BY-ND-4.0', { component: 'pkg:huggingface/example/helper-model' }),
    ]),
  );
  assert.equal(cleared.steps[4]!.passed, true, cleared.steps[4]!.blockers.map((b) => b.message).join('\n'));
  assert.equal(cleared.validationStep, 6);
});

test("a model kept internal inherits the DON'T but is not blocked", () => {
  const s = release('trained-on', 'CC-BY-ND-4.0');
  s.exploitationRules = [{ id: 1, releaseId: 1, scope: null, project: null, exploitation: 'internal' }];
  const v = validateRelease(s);
  assert.equal(v.steps[4]!.passed, true);
  assert.ok(inherited(s).actions.includes('Do not share adapted material'));
});

test('lineage from an SBOM: the edges land in the snapshot between the planned versions; refs naming nothing are dropped', () => {
  const s = release('fine-tuned-from', LLAMA_31);
  const model = s.usages.find((u) => u.component.name === 'helper-model')!.version.id;
  const source = s.usages.find((u) => u.component.name === 'source')!.version.id;
  assert.deepEqual(s.lineage, [
    { releaseId: 1, parentVersionId: model, childVersionId: source, kind: 'fine-tuned-from' },
  ]);
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.components.push(component('m', 'machine-learning-model', 'MIT'));
  sbom.lineage = [{ from: 'm', kind: 'trained-on', to: ['nowhere'] }];
  assert.equal(snapshotFromSbom(sbom).lineage, undefined);
});

/** An app shipping `derived-data` (CC-BY-4.0), a dataset built from `source` (kept for internal use). */
function derivedRelease(sourceLicense: string): ReleaseSnapshot {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.metadata.component = {
    ref: 'app',
    type: 'application',
    name: 'app',
    version: '1',
    hashes: [],
    licenses: {},
    externalReferences: [],
    properties: [],
  };
  sbom.components.push(
    component('derived-data', 'data', 'CC-BY-4.0'),
    component('source', 'data', sourceLicense, 'training'),
  );
  sbom.dependencies.push({ ref: 'app', dependsOn: ['derived-data'] });
  sbom.lineage = [{ from: 'derived-data', kind: 'derived-from', to: ['source'] }];
  return snapshotFromSbom(sbom, {
    exploitationRules: [
      { scope: 'training', project: null, exploitation: 'internal' },
      { scope: null, project: null, exploitation: 'distribution' },
    ],
    policy: policy({ always: ['CC-BY-4.0', sourceLicense] }),
    outboundLicenses: ['CC-BY-4.0'],
    linking: 'aggregation',
    useDeclaration: NON_COMMERCIAL_PRODUCT,
  });
}

test('a dataset derived from another inherits every obligation of its source, attribution included, explained by the edge', () => {
  const actionsOf = (s: ReleaseSnapshot) => {
    const plan = releaseObligations(s, validateRelease(s));
    const derived = s.usages.find((u) => u.component.name === 'derived-data')!.usage.id;
    return plan.groups
      .flatMap((g) => g.usages.filter((u) => u.usageId === derived && u.via).map((u) => `${g.name} | ${u.via}`))
      .sort();
  };
  // Share-alike source: the derived data must be shared alike; unlike training data, the credit travels too.
  const sa = actionsOf(derivedRelease('CC-BY-SA-4.0'));
  assert.ok(
    sa.includes('License derived work under the same terms | derived-from example/source@1 (CC-BY-SA-4.0)'),
    sa.join('\n'),
  );
  assert.ok(
    sa.some((a) => a.startsWith('Credit the author of the work | derived-from')),
    sa.join('\n'),
  );
  assert.ok(actionsOf(derivedRelease('CC-BY-NC-4.0')).some((a) => a.startsWith('No commercial use | derived-from')));
  // The same source reached by training only: the attribution stays with the data (table above).
  assert.ok(!inherited(release('trained-on', 'CC-BY-SA-4.0')).actions.includes('Credit the author of the work'));
});

test('a shared dataset derived from no-derivatives data blocks step 5 on the derived dataset', () => {
  const step5 = validateRelease(derivedRelease('CC-BY-ND-4.0')).steps[4]!;
  assert.deepEqual(
    step5.blockers.map((b) => [b.kind, b.component, b.license]),
    [['lineage-no-derivatives', 'example/derived-data@1', 'CC-BY-ND-4.0']],
  );
  assert.match(
    step5.blockers[0]!.message,
    /is derived-from example\/source@1 \(CC-BY-ND-4\.0\).*the dataset built from it is shared \(distribution\)/,
  );
  assert.match(step5.blockers[0]!.fix.hint ?? '', /^Keep the dataset internal, rebuild it without source/);
  assert.equal(validateRelease(derivedRelease('CC-BY-4.0')).steps[4]!.passed, true);
});
