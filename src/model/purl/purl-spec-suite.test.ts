// Runs every case of purl-spec's test suite (tests/spec and tests/types) against our purl code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { corpusFiles, needsCorpora } from '../../../test/support/corpora.js';
import { buildPurl, canonicalPurl, isPurlError, parsePurl, type PurlParts } from './index.js';

interface SuiteCase {
  description: string;
  test_group: 'required' | 'recommended';
  test_type: 'parse' | 'build' | 'validate';
  input: string | PurlParts;
  expected_output?: unknown;
  expected_failure?: boolean;
}

/**
 * Cases the suite contradicts itself on; each is kept out with the reason. Keyed by
 * `file|test_type|input`.
 */
const SKIPPED: Record<string, string> = {
  'git-test.json|validate|"pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c"':
    'expects lower-casing although git-definition.json says namespace and name are case sensitive, ' +
    'and the required git cases keep case',
  'maven-test.json|parse|"pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release"':
    'a "required" case that accepts an upper-case qualifier key, while the "required" gem and rpm ' +
    'cases demand that the same thing fails; we follow gem/rpm (the lenient parse accepts it)',
};

const files = corpusFiles('purl/purl-spec/tests', (p) => p.endsWith('.json'));

// "required" cases check conformance (qualifier keys must already be lower case); "recommended"
// ones check how non-canonical input is repaired, which is our default lenient parse.
function run(c: SuiteCase): void {
  const strict = c.test_group === 'required';
  if (c.test_type === 'parse') {
    const result = parsePurl(c.input as string, { strict });
    if (c.expected_failure) {
      assert.ok(isPurlError(result), `should fail: ${JSON.stringify(result)}`);
      return;
    }
    assert.ok(!isPurlError(result), `should parse: ${JSON.stringify(result)}`);
    const e = c.expected_output as Record<string, unknown>;
    assert.deepEqual(
      {
        type: result.type,
        namespace: result.namespace ?? null,
        name: result.name,
        version: result.version ?? null,
        qualifiers: result.qualifiers ?? null,
        subpath: result.subpath ?? null,
      },
      { ...e, qualifiers: e.qualifiers ? sortKeys(e.qualifiers as Record<string, string>) : null },
    );
  } else if (c.test_type === 'build') {
    const result = buildPurl(c.input as PurlParts);
    if (c.expected_failure) assert.ok(typeof result !== 'string', `should fail: ${result}`);
    else assert.equal(result, c.expected_output);
  } else {
    const result = canonicalPurl(c.input as string);
    if (c.expected_failure) assert.equal(result, undefined);
    else assert.equal(result, c.expected_output);
  }
}

function sortKeys(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
}

let total = 0;
let skipped = 0;
for (const file of files) {
  const cases = (JSON.parse(readFileSync(file, 'utf8')) as { tests: SuiteCase[] }).tests;
  test(`purl-spec ${basename(file)}`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      total++;
      const key = `${basename(file)}|${c.test_type}|${JSON.stringify(c.input)}`;
      if (SKIPPED[key]) {
        skipped++;
        // A skipped case must still fail: once it passes, it leaves the list.
        assert.throws(() => run(c), `${key} passes now: remove it from SKIPPED`);
        continue;
      }
      try {
        run(c);
      } catch (e) {
        failures.push(`${c.test_type} ${JSON.stringify(c.input)} (${c.description}): ${(e as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('the suite was read and the skip list stays small', needsCorpora, () => {
  assert.ok(files.length >= 40, `found ${files.length} test files`);
  assert.ok(total >= 580, `ran ${total} cases`);
  assert.equal(skipped, Object.keys(SKIPPED).length);
  console.log(`purl-spec: ${total - skipped} of ${total} cases passed, ${skipped} skipped`);
});
