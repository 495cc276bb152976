import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ComponentInput,
  ImportPlan,
  PlannedEdge,
  PlannedLineage,
  PlannedUsage,
  PlannedVersion,
} from '../compliance/release-plan.js';
import { findNulCharacter } from '../model/input-limits.js';
import { assertStorable, repairIllFormedText } from './storable-import.js';

// Records with every field (Required<…>): a field added to a planned record must be added here, and
// then this test puts a NUL in it.
const component: Required<ComponentInput> = {
  purlType: 'npm',
  namespace: '@s',
  name: 'n',
  purl: 'pkg:npm/%40s/n',
  description: 'd',
  homepage: 'https://example.org',
  language: 'JavaScript',
};
const version: Required<PlannedVersion> = {
  component: 0,
  number: '1.0.0',
  purl: 'pkg:npm/%40s/n@1.0.0',
  declaredLicense: 'MIT',
  concludedLicense: 'MIT',
  copyright: 'c',
};
const usage: Required<PlannedUsage> = {
  version: 0,
  scope: 'runtime',
  project: 'p',
  linking: 'static',
  modified: false,
};
const edge: Required<PlannedEdge> = { parent: null, child: 0, project: 'p' };
const lineage: Required<PlannedLineage> = { parent: null, child: 0, kind: 'trained-on' };

function plan(): ImportPlan {
  return {
    components: [{ ...component }, { ...component, name: 'm' }],
    versions: [{ ...version }, { ...version, component: 1 }],
    usages: [{ ...usage }, { ...usage, version: 1 }],
    edges: [{ ...edge }, { ...edge, child: 1 }],
    lineage: [{ ...lineage }],
    aiFacts: [{ version: 0, kind: 'model', facts: { task: 'classification' } as never }],
  };
}

test('a NUL character in any text of any planned record is refused, as the plan-wide search finds it', () => {
  assert.doesNotThrow(() => assertStorable(plan()));
  let tried = 0;
  for (const list of ['components', 'versions', 'usages', 'edges', 'lineage'] as const) {
    for (const at of [0, plan()[list].length - 1]) {
      for (const [key, value] of Object.entries(plan()[list][at]!)) {
        if (typeof value !== 'string') continue;
        const bad = plan();
        (bad[list][at] as unknown as Record<string, string>)[key] = `${value}\u0000x`;
        tried++;
        assert.throws(
          () => assertStorable(bad),
          (err: Error) => {
            assert.match(err.message, /NUL character/, `${list}/${at}/${key}`);
            // Fields without a length check of their own are named by the plan-wide search's path.
            if (err.message.startsWith('The document'))
              assert.equal(
                err.message,
                `The document holds a NUL character (U+0000) at ${findNulCharacter(bad)} of its components: Vigie does not store it`,
              );
            return true;
          },
          `${list}/${at}/${key}`,
        );
      }
    }
  }
  assert.ok(tried >= 30, `${tried}`);
  const inFacts = plan();
  (inFacts.aiFacts[0]!.facts as unknown as Record<string, string>).task = 'a\u0000';
  assert.throws(() => assertStorable(inFacts), /at \/aiFacts\/0\/facts\/task of its components/);
});

test('an identifying text over its limit is refused naming its record and field', () => {
  const long = (n: number) => 'x'.repeat(n);
  const cases: [(p: ImportPlan) => void, string][] = [
    [
      (p) => (p.components[1]!.name = long(301)),
      `component 2 ("${long(60)}…"): name is 301 characters long; the limit is 300`,
    ],
    [
      (p) => (p.components[0]!.namespace = long(301)),
      'component 1 ("n"): namespace is 301 characters long; the limit is 300',
    ],
    [(p) => (p.components[0]!.purl = long(601)), 'component 1 ("n"): purl is 601 characters long; the limit is 600'],
    [
      (p) => (p.versions[1]!.number = long(301)),
      `version 2 ("m@${long(60)}…"): version is 301 characters long; the limit is 300`,
    ],
    [(p) => (p.versions[0]!.purl = long(601)), 'version 1 ("n@1.0.0"): purl is 601 characters long; the limit is 600'],
    [
      (p) => (p.usages[1]!.scope = long(301)),
      `usage scope "${long(60)}…": scope is 301 characters long; the limit is 300`,
    ],
    [
      (p) => (p.usages[0]!.project = long(301)),
      `usage project "${long(60)}…": project is 301 characters long; the limit is 300`,
    ],
    [
      (p) => {
        p.components[0]!.purl = long(601);
        p.components[0]!.name = 'a\u0000';
      },
      'component 1 ("a\\0"): name contains a NUL character (U+0000), which cannot be stored',
    ],
  ];
  for (const [change, message] of cases) {
    const p = plan();
    change(p);
    assert.throws(() => assertStorable(p), { message });
  }
});

test('a lone surrogate in any text of any planned record is repaired to U+FFFD, as the plan-wide search finds it', () => {
  assert.equal(repairIllFormedText(plan()), 0);
  let tried = 0;
  for (const list of ['components', 'versions', 'usages', 'edges', 'lineage'] as const) {
    for (const at of [0, plan()[list].length - 1]) {
      for (const [key, value] of Object.entries(plan()[list][at]!)) {
        if (typeof value !== 'string') continue;
        const bad = plan();
        (bad[list][at] as unknown as Record<string, string>)[key] = `${value}\ud800x`;
        tried++;
        assert.equal(repairIllFormedText(bad), 1, `${list}/${at}/${key}`);
        assert.equal((bad[list][at] as unknown as Record<string, string>)[key], `${value}\ufffdx`);
      }
    }
  }
  assert.ok(tried >= 30, `${tried}`);
  const inFacts = plan();
  (inFacts.aiFacts[0]!.facts as unknown as Record<string, string>)['t\udc00'] = 'a\udbff';
  assert.equal(repairIllFormedText(inFacts), 2);
  assert.equal((inFacts.aiFacts[0]!.facts as unknown as Record<string, string>)['t\ufffd'], 'a\ufffd');
});
