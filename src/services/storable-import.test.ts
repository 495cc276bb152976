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
import { INPUT_LIMITS, findNulCharacter } from '../model/input-limits.js';
import { assertStorable, repairIllFormedText, shortenedName } from './storable-import.js';

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

test('an identifying text over its limit is shortened, the same way each time, and said in one warning', () => {
  const long = (n: number, c = 'x') => c.repeat(n);
  const p = plan();
  p.components[1]!.name = long(301);
  p.components[0]!.namespace = long(400, 'y');
  p.versions[1]!.number = long(301, '9');
  p.versions[0]!.purl = `pkg:npm/%40s/n@1.0.0?download_url=${long(700, 'd')}#sub/path`;
  p.components[0]!.purl = `pkg:npm/${long(700, 'p')}`;
  p.usages[1]!.scope = long(350, 's');
  p.usages[0]!.project = long(500, 'q');
  p.edges[0]!.project = long(500, 'q');
  const warnings = assertStorable(p);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.code, 'shortened-identifier');
  assert.match(
    warnings[0]!.message,
    /^8 identifying texts were over Vigie's limits .*; first: component 1 \("n"\) namespace \(400 characters\)$/,
  );
  for (const value of [p.components[1]!.name, p.components[0]!.namespace!, p.versions[1]!.number, p.usages[1]!.scope]) {
    assert.equal(value.length, INPUT_LIMITS.name, value);
    assert.match(value, /…[0-9a-f]{16}$/);
  }
  assert.equal(p.components[1]!.name, shortenedName(long(301)));
  assert.ok(p.components[1]!.name.startsWith(long(283)));
  // The usages' project and the edges' project still name the same project.
  assert.equal(p.edges[0]!.project, p.usages[0]!.project);
  // A purl loses its qualifiers and subpath; one too long even without them is dropped.
  assert.equal(p.versions[0]!.purl, 'pkg:npm/%40s/n@1.0.0');
  assert.equal(p.components[0]!.purl, null);
  // Nothing over a limit is left: a second pass changes nothing.
  assert.deepEqual(assertStorable(p), []);
});

test('shortened names stay distinct and whole characters', () => {
  const a = `${'x'.repeat(300)}a`;
  const b = `${'x'.repeat(300)}b`;
  assert.notEqual(shortenedName(a), shortenedName(b));
  assert.equal(shortenedName(a), shortenedName(`${a}`));
  // A character outside the BMP (two UTF-16 units) across the cut is kept whole or left out whole.
  for (let at = 280; at < 286; at++) {
    const name = `${'x'.repeat(at)}${'😀'.repeat(40)}`;
    const short = shortenedName(name);
    assert.ok(short.length <= INPUT_LIMITS.name, `${at}`);
    assert.ok((short as string & { isWellFormed(): boolean }).isWellFormed(), `${at}`);
  }
});

test('a NUL character in an over-long text is still refused, naming its record and field', () => {
  const p = plan();
  p.components[0]!.purl = 'x'.repeat(601);
  p.components[0]!.name = 'a\u0000';
  assert.throws(() => assertStorable(p), {
    message: 'component 1 ("a\\0"): name contains a NUL character (U+0000), which cannot be stored',
  });
  const q = plan();
  q.versions[1]!.number = `\u0000${'x'.repeat(400)}`;
  assert.throws(() => assertStorable(q), /version 2 \("m@\\0x{58}…"\): version contains a NUL character/);
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

test('texts are searched one by one: two halves of a character in two texts are two lone surrogates, in any batch', () => {
  // A high surrogate ending one text and a low one starting the next text searched: each is ill-formed.
  const p = plan();
  p.components[0]!.name = 'a\ud83d';
  p.components[0]!.purl = '\ude00b';
  const warnings = assertStorable(p);
  assert.deepEqual(
    warnings.map((w) => w.code),
    ['ill-formed-text'],
  );
  assert.equal(p.components[0]!.name, 'a\ufffd');
  // A plan of many batches, with one NUL in its last record's last text and then in its first.
  const large = plan();
  large.components = Array.from({ length: 5_000 }, (_, i) => ({ ...component, name: `n${i}` }));
  assert.deepEqual(assertStorable(large), []);
  large.lineage[0]!.kind = 'trained\u0000on' as 'trained-on';
  assert.throws(() => assertStorable(large), /NUL/);
  large.lineage[0]!.kind = 'trained-on';
  large.components[4_321]!.description = 'd\u0000';
  assert.throws(() => assertStorable(large), /NUL character \(U\+0000\) at .*component/);
});
