import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, needsCorpora, whenCorpora } from '../../../test/support/corpora.js';
import { importHermineFiles, EXPLOITATION, MODIFICATION_TRIGGER } from '../hermine/index.js';
import { EXPLOITATIONS, MODIFICATIONS, builtinKnowledgeBase, obligationsOfLicense } from '../kb/index.js';
import { triggerObligations } from './index.js';

const DIR = corpus('hermine-community-data');
const rawLicenses: Record<string, any>[] = whenCorpora(() =>
  readdirSync(join(DIR, 'licenses'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, 'licenses', f), 'utf8'))),
);
const rawGenerics = whenCorpora(() =>
  readdirSync(join(DIR, 'generics')).map((f) => JSON.parse(readFileSync(join(DIR, 'generics', f), 'utf8'))),
);
const kb = whenCorpora(() => importHermineFiles({ licenses: rawLicenses, generics: rawGenerics }).kb);

/**
 * The oracle: Hermine's rule applied the way Hermine applies it, to the raw stored strings —
 * an obligation is kept when its trigger and the usage value contain one another (so
 * "DistributionSourceDistributionNonSource" covers both single forms), or when it is Passive.
 */
function hermineRule(raw: Record<string, any>, usageExploitation: string, usageModification: string): boolean {
  const mdf = String(raw.trigger_mdf ?? '');
  const expl = String(raw.trigger_expl ?? '');
  const modificationOk = usageModification.includes(mdf) || mdf.includes(usageModification);
  const exploitationOk =
    usageExploitation.includes(expl) || expl.includes(usageExploitation) || raw.passivity === 'Passive';
  return modificationOk && exploitationOk;
}

test('every Hermine licence x exploitation x modification triggers what Hermine rule triggers', needsCorpora, () => {
  let cases = 0;
  let nonEmpty = 0;
  for (const raw of rawLicenses) {
    const obligations = obligationsOfLicense(kb, raw.spdx_id);
    for (const exploitation of EXPLOITATIONS) {
      for (const modification of MODIFICATIONS) {
        const usageExpl = EXPLOITATION.toHermine.get(exploitation)!;
        const usageMdf = MODIFICATION_TRIGGER.toHermine.get(modification)!;
        const expected = (raw.obligations as Record<string, any>[])
          .filter((o) => hermineRule(o, usageExpl, usageMdf))
          .map((o) => o.name);
        const got = triggerObligations({ exploitation, modification }, obligations, kb.actions);
        assert.deepEqual(
          got.obligations.map((o) => o.name),
          expected,
          `${raw.spdx_id} / ${exploitation} / ${modification}`,
        );
        // Actions: the distinct generics of the expected obligations.
        const expectedActions = [
          ...new Set(
            (raw.obligations as Record<string, any>[])
              .filter((o) => hermineRule(o, usageExpl, usageMdf) && Array.isArray(o.generic))
              .map((o) => o.generic[0]),
          ),
        ];
        assert.deepEqual([...got.actions.map((a) => a.name), ...got.unknownActions].sort(), expectedActions.sort());
        cases++;
        if (expected.length) nonEmpty++;
      }
    }
  }
  assert.equal(cases, 52 * 5 * 2);
  assert.ok(nonEmpty > 200, `only ${nonEmpty} cases trigger anything: the table would prove little`);
});

test('AGPL-3.0-only, network access, modified: includes the network source obligation', needsCorpora, () => {
  const got = triggerObligations(
    { exploitation: 'network', modification: 'modified' },
    obligationsOfLicense(kb, 'AGPL-3.0-only'),
    kb.actions,
  );
  const network = got.obligations.filter((o) => o.exploitation === 'network');
  assert.equal(network.length, 1);
  assert.match(network[0].clause ?? '', /interacting with it remotely through a computer network/);
  // Nothing tagged for distribution only.
  assert.ok(got.obligations.every((o) => o.exploitation === 'network' || o.passivity === 'dont'));
});

test('MIT, internal use: nothing but passive obligations (and MIT has none)', needsCorpora, () => {
  for (const modification of MODIFICATIONS) {
    const got = triggerObligations(
      { exploitation: 'internal', modification },
      obligationsOfLicense(kb, 'MIT'),
      kb.actions,
    );
    assert.deepEqual(got.obligations, []);
    assert.deepEqual(got.actions, []);
  }
  // Across all Hermine licences, internal use yields passive obligations only.
  const all = triggerObligations({ exploitation: 'internal', modification: 'modified' }, kb.obligations, kb.actions);
  assert.ok(all.obligations.length > 0);
  assert.ok(all.obligations.every((o) => o.passivity === 'dont'));
});

test('our own knowledge base: distribution in both forms covers source-only and binary-only triggers', () => {
  const ours = builtinKnowledgeBase();
  const mit = obligationsOfLicense(ours, 'MIT');
  const both = triggerObligations({ exploitation: 'distribution', modification: 'unmodified' }, mit, ours.actions);
  const source = triggerObligations(
    { exploitation: 'distribution-source', modification: 'unmodified' },
    mit,
    ours.actions,
  );
  const binary = triggerObligations(
    { exploitation: 'distribution-binary', modification: 'unmodified' },
    mit,
    ours.actions,
  );
  assert.equal(both.obligations.length, 2);
  assert.deepEqual(
    source.actions.map((a) => a.name),
    ['Keep notices in source files'],
  );
  assert.deepEqual(
    binary.actions.map((a) => a.name),
    ['Ship licence texts and copyright notices'],
  );
  const agpl = triggerObligations(
    { exploitation: 'network', modification: 'modified' },
    obligationsOfLicense(ours, 'AGPL-3.0-only'),
    ours.actions,
  );
  assert.ok(agpl.actions.some((a) => a.name === 'Offer the source code to network users'));
  const agplUnmodified = triggerObligations(
    { exploitation: 'network', modification: 'unmodified' },
    obligationsOfLicense(ours, 'AGPL-3.0-only'),
    ours.actions,
  );
  assert.ok(!agplUnmodified.actions.some((a) => a.name === 'Offer the source code to network users'));
});
