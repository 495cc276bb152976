// Issue 8 item 3: matching on a usage's linking and modification, one regression test per rule kind.
// As in Hermine: exploitation rules match on (project, scope) only; derogations and authorised
// contexts also on linking and modification (a blank field: any; a usage that does not record it is
// not covered by a decision that names it); licence choices on exploitation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parsePolicyFile,
  PolicyFileError,
  snapshotFromSbom,
  validateRelease,
  type ReleaseSnapshot,
} from '../../src/compliance/index.js';
import type { Derogation } from '../../src/model/decision.js';
import { readSbom } from '../../src/sbom/read.js';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { choice, derogation, policy } from './fixtures.js';

// Hermine's KISSBOM variant records linking and modification per usage: two projects, one package each.
const ROWS = [
  {
    purl: 'pkg:npm/copyleft-lib@1.0.0',
    license: 'LGPL-2.1-only',
    subproject: 'api',
    scope: 'dependencies',
    linking: 'Dynamic',
    component_modified: 'Unmodified',
  },
  {
    purl: 'pkg:npm/copyleft-lib@1.0.0',
    license: 'LGPL-2.1-only',
    subproject: 'web',
    scope: 'dependencies',
    linking: 'Static',
    component_modified: 'Altered',
  },
  { purl: 'pkg:npm/copyleft-lib@1.0.0', license: 'LGPL-2.1-only', subproject: 'web', scope: 'devDependencies' },
];
const text = JSON.stringify(ROWS);

function release(extra: Partial<Parameters<typeof snapshotFromSbom>[1]> = {}): ReleaseSnapshot {
  return snapshotFromSbom(readSbom(text, 'rows.kissbom.json').sbom, {
    policy: policy({ context: ['LGPL-2.1-only'] }),
    exploitation: 'distribution',
    outboundLicenses: ['LGPL-2.1-only'],
    ...extra,
  });
}

/** Step 5's verdict per usage: 'covered' or the blocker's message. */
function step5(s: ReleaseSnapshot): Record<string, string> {
  const blockers = validateRelease(s).steps[4].blockers;
  const out: Record<string, string> = {};
  for (const { usage } of s.usages) {
    const b = blockers.find((x) => x.usageIds.includes(usage.id));
    out[`${usage.project}/${usage.scope}`] = b ? b.message : 'covered';
  }
  return out;
}

const withModification = (d: Derogation, modification: Derogation['modification']): Derogation => ({
  ...d,
  modification,
});

test('exploitation rules match on project and scope only: linking and modification do not change the rule that applies', () => {
  const s = release({
    exploitation: undefined,
    exploitationRules: [
      { project: 'api', scope: null, exploitation: 'network' },
      { project: null, scope: 'devDependencies', exploitation: 'internal' },
      { project: null, scope: null, exploitation: 'distribution' },
    ],
  });
  const v = validateRelease(s);
  assert.equal(v.steps[2].passed, true);
  const exploitationOf = (project: string, scope: string) =>
    v.usages.find(
      (u) => u.usageId === s.usages.find((x) => x.usage.project === project && x.usage.scope === scope)!.usage.id,
    )!.exploitation;
  assert.equal(exploitationOf('api', 'dependencies'), 'network');
  assert.equal(exploitationOf('web', 'dependencies'), 'distribution');
  assert.equal(exploitationOf('web', 'devDependencies'), 'internal');
  // The same (project, scope) with another linking and modification: the same rule.
  const web = s.usages.find((x) => x.usage.project === 'web' && x.usage.scope === 'dependencies')!.usage;
  web.linking = 'dynamic';
  web.modified = false;
  assert.equal(validateRelease(s).usages.find((u) => u.usageId === web.id)!.exploitation, 'distribution');
});

test('a derogation naming a linking covers usages linked so, not others, not those whose linking is unknown', () => {
  const s = release();
  s.decisions.push(derogation('LGPL-2.1-only', { releaseId: 1 }, 'dynamic'));
  const verdicts = step5(s);
  assert.equal(verdicts['api/dependencies'], 'covered');
  assert.match(verdicts['web/dependencies']!, /covers dynamic linking, not static/);
  assert.match(verdicts['web/devDependencies']!, /covers dynamic linking, and this usage's linking is not recorded/);
});

test('a derogation naming a modification covers usages recorded so, not the others, not those that do not say', () => {
  const s = release();
  s.decisions.push(withModification(derogation('LGPL-2.1-only', { releaseId: 1 }), 'unmodified'));
  const verdicts = step5(s);
  assert.equal(verdicts['api/dependencies'], 'covered');
  assert.match(verdicts['web/dependencies']!, /covers unmodified components only/);
  assert.match(
    verdicts['web/devDependencies']!,
    /covers unmodified components, and this usage does not say whether it was modified/,
  );
});

test('an authorised context (no product, no release) matches on linking and modification together', () => {
  const s = release();
  const context = withModification(derogation('LGPL-2.1-only', {}, 'static'), 'modified');
  s.decisions.push(context);
  const verdicts = step5(s);
  assert.equal(verdicts['web/dependencies'], 'covered', 'static and modified: covered');
  assert.match(verdicts['api/dependencies']!, /covers static linking, not dynamic/);
  // The same context at step 6: it covers the compatibility doubt of the usage it matches only.
  const at6 = (decisions: Derogation[]) => {
    const r = release({ outboundLicenses: ['MIT'], policy: policy({ always: ['LGPL-2.1-only'] }), decisions });
    const blocked = new Set(validateRelease(r).steps[5].blockers.flatMap((b) => b.usageIds));
    return r.usages.filter((u) => blocked.has(u.usage.id)).map((u) => `${u.usage.project}/${u.usage.scope}`);
  };
  const without = at6([]);
  assert.ok(
    without.includes('web/dependencies'),
    `static, modified LGPL in an MIT release is a doubt: ${without.join(', ')}`,
  );
  assert.deepEqual(
    at6([context]),
    without.filter((u) => u !== 'web/dependencies'),
  );
});

test('a licence choice names an exploitation: it resolves only usages exploited so', () => {
  const rows = ROWS.map((r) => ({ ...r, license: 'LGPL-2.1-only OR MIT' }));
  const s = snapshotFromSbom(readSbom(JSON.stringify(rows)).sbom, {
    policy: policy({ always: ['MIT', 'LGPL-2.1-only'] }),
    exploitationRules: [
      { project: 'api', scope: null, exploitation: 'network' },
      { project: null, scope: null, exploitation: 'distribution' },
    ],
    decisions: [choice('LGPL-2.1-only OR MIT', 'MIT', { exploitation: 'network' })],
  });
  const v = validateRelease(s);
  const unresolved = v.steps[3].blockers.flatMap((b) => b.usageIds);
  const api = s.usages.find((u) => u.usage.project === 'api')!.usage.id;
  assert.ok(!unresolved.includes(api), 'the network usage takes the choice');
  assert.equal(unresolved.length, 2, 'the distributed usages still need a choice');
});

test('policy files: a derogation may name a modification; another value is refused at its field', () => {
  const file = parsePolicyFile({
    derogations: [
      { license: 'LGPL-2.1-only', linking: 'dynamic', modification: 'unmodified', justification: 'legal ok' },
    ],
  });
  const d = file.decisions[0] as Derogation;
  assert.equal(d.modification, 'unmodified');
  assert.equal(d.linking, 'dynamic');
  const verdicts = step5(release({ decisions: file.decisions }));
  assert.equal(verdicts['api/dependencies'], 'covered');
  assert.match(verdicts['web/dependencies']!, /covers dynamic linking, not static/);
  assert.throws(
    () => parsePolicyFile({ derogations: [{ license: 'MIT', modification: 'altered' }] }),
    (e: unknown) => e instanceof PolicyFileError && e.field === 'derogations[0].modification',
  );
});

test('vigie check --linking and --modification fill what the SBOM does not say, and derogations match them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-context-'));
  const bom = join(dir, 'bom.json');
  writeFileSync(bom, JSON.stringify([{ purl: 'pkg:npm/copyleft-lib@1.0.0', license: 'LGPL-2.1-only' }]));
  const policyPath = join(dir, 'policy.json');
  writeFileSync(
    policyPath,
    JSON.stringify({
      licenses: { context: ['LGPL-2.1-only'] },
      exploitations: [{ exploitation: 'distribution' }],
      outbound: ['LGPL-2.1-only'],
      derogations: [
        { license: 'LGPL-2.1-only', linking: 'dynamic', modification: 'unmodified', justification: 'legal review 12' },
      ],
    }),
  );
  const check = async (...args: string[]) => {
    const io = memoryIo(dir);
    const code = await run(['check', bom, '--policy', policyPath, ...args], io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  };
  assert.equal((await check()).code, 1, 'nothing recorded: the derogation does not cover the usage');
  assert.equal((await check('--linking', 'dynamic', '--modification', 'modified')).code, 1);
  const covered = await check('--linking', 'dynamic', '--modification', 'unmodified');
  assert.equal(covered.code, 0, covered.out);
  const bad = await check('--modification', 'altered');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--modification: "altered" is not one of modified, unmodified/);
});
