// Every ordering pair of the version fixtures in ../shared/corpora/versions: the osv-scalibr
// tables (`a < b`, `a = b`, `a > b` per line, checked both ways round) and the vers-spec test suite.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { corpusFiles, needsCorpora } from '../../../test/support/corpora.js';
import { VERSION_SCHEMES, schemeForVers } from './index.js';
import { formatVers, parseVers, versContains } from './vers.js';

/** osv-scalibr fixture file prefix → our scheme id; the other prefixes are not in our table. */
const SCALIBR_SCHEME: Record<string, string> = {
  alpine: 'apk',
  cran: 'cran',
  debian: 'deb',
  hackage: 'hackage',
  maven: 'maven',
  nuget: 'nuget',
  packagist: 'composer',
  pub: 'pub',
  pypi: 'pypi',
  redhat: 'rpm',
  rubygems: 'gem',
  semver: 'semver',
};

describe('osv-scalibr version tables', needsCorpora, () => {
  for (const file of corpusFiles('versions/osv-scalibr-semantic', (p) => p.endsWith('.txt'))) {
    const prefix = basename(file).split('-')[0]!;
    const id = SCALIBR_SCHEME[prefix];
    if (id === undefined) {
      test(`${basename(file)}: ${prefix} has no scheme in the table and says so`, () => {
        const found = schemeForVers(prefix);
        assert.ok('unknown' in found, `${prefix} unexpectedly has a scheme`);
      });
      continue;
    }
    test(`${basename(file)} with ${id}: every pair, both ways`, () => {
      const scheme = VERSION_SCHEMES[id]!;
      const failures: string[] = [];
      let pairs = 0;
      for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        const t = line.trim();
        if (t === '' || t.startsWith('#') || t.startsWith('//')) continue;
        const m = /^(.*) ([<>=]) (.*)$/.exec(t);
        assert.ok(m, `line ${n + 1} is not "a op b": ${t}`);
        const want = m[2] === '<' ? -1 : m[2] === '>' ? 1 : 0;
        const got = Math.sign(scheme.compare(m[1]!, m[3]!));
        const back = Math.sign(scheme.compare(m[3]!, m[1]!));
        pairs++;
        if (got !== want || back !== -want) failures.push(`line ${n + 1}: ${t} (got ${got}, reversed ${back})`);
      }
      assert.ok(pairs > 0);
      assert.deepEqual(failures, [], `${failures.length} of ${pairs} pairs wrong`);
    });
  }
});

interface VersTest {
  test_type: string;
  input: unknown;
  expected_output?: unknown;
  expected_failure?: boolean;
  expected_message?: string;
}

describe('vers-spec test suite', needsCorpora, () => {
  const files = corpusFiles('versions/vers-spec/tests', (p) => p.endsWith('.json'));
  const all = files.flatMap((f) =>
    (JSON.parse(readFileSync(f, 'utf8')) as { tests: VersTest[] }).tests.map((t) => ({ file: basename(f), ...t })),
  );

  test('comparison and equality: known schemes order as expected, others say they are unknown', () => {
    const failures: string[] = [];
    const unknown = new Set<string>();
    let checked = 0;
    for (const t of all.filter((x) => x.test_type === 'comparison' || x.test_type === 'equality')) {
      const input = t.input as { input_scheme: string; versions: string[] };
      const found = schemeForVers(input.input_scheme);
      if ('unknown' in found) {
        assert.match(found.unknown, /no version scheme for vers scheme/);
        unknown.add(input.input_scheme);
        continue;
      }
      checked++;
      const cmp = found.scheme.compare;
      if (t.test_type === 'equality') {
        const [a, b] = input.versions as [string, string];
        if ((cmp(a, b) === 0) !== t.expected_output)
          failures.push(`${t.file}: ${a} = ${b} should be ${String(t.expected_output)}`);
      } else {
        // Expected lists may be normalised (NuGet's are lower-cased): position by position equal.
        const sorted = [...input.versions].sort(cmp);
        const want = t.expected_output as string[];
        if (sorted.length !== want.length || sorted.some((v, i) => cmp(v, want[i]!) !== 0)) {
          failures.push(`${t.file}: ${JSON.stringify(input.versions)} sorted ${JSON.stringify(sorted)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 1700, `only ${checked} checked`);
    // Schemes the issue does not ask for (Arch, Conan, Gentoo, OpenSSL) are reported, not guessed.
    assert.deepEqual([...unknown].sort(), ['alpm', 'conan', 'gentoo', 'openssl']);
  });

  test('canonical parse: accepted ranges read back, rejected ones fail with the expected reason', () => {
    for (const t of all.filter((x) => x.test_type === 'parse')) {
      const got = parseVers(t.input as string);
      if (t.expected_failure) {
        assert.ok('error' in got, `${String(t.input)} should fail`);
        assert.equal(got.error, t.expected_message);
      } else {
        assert.ok('range' in got, `${String(t.input)}: ${'error' in got ? got.error : ''}`);
        const want = t.expected_output as { scheme: string; version_constraints: [string, string][] };
        assert.equal(got.range.scheme, want.scheme);
        assert.deepEqual(
          got.range.constraints.map((c) => [c.comparator, c.version]),
          want.version_constraints,
        );
      }
    }
  });

  test('validate: a range is normalised to its canonical text', () => {
    for (const t of all.filter((x) => x.test_type === 'validate')) {
      const got = parseVers(t.input as string, { canonical: false });
      assert.ok('range' in got, String(t.input));
      assert.equal(formatVers(got.range), t.expected_output);
    }
  });

  test('containment: a version is in or out of a range', () => {
    const cases = all.filter((x) => x.test_type === 'containment');
    assert.ok(cases.length >= 11);
    for (const t of cases) {
      const input = t.input as { vers: string; version: string };
      const got = parseVers(input.vers, { canonical: false });
      assert.ok('range' in got, input.vers);
      assert.equal(
        versContains(got.range, got.versionScheme, input.version),
        t.expected_output,
        `${input.version} in ${input.vers}`,
      );
    }
  });
});
