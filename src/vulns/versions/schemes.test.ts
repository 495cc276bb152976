import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VERSION_SCHEMES, schemeForEcosystem, schemeForVers } from './index.js';
import { parseVers, versContains } from './vers.js';

const cmp = (id: string, a: string, b: string) => Math.sign(VERSION_SCHEMES[id]!.compare(a, b));

test('Go: +incompatible is build metadata and pseudo-versions are prereleases of their base', () => {
  assert.equal(cmp('semver', 'v2.0.0+incompatible', 'v2.0.0'), 0);
  assert.equal(cmp('semver', 'v2.0.0+incompatible', 'v2.0.1'), -1);
  assert.equal(cmp('semver', 'v0.0.0-20191109021931-daa7c04131f5', 'v0.0.1'), -1);
  assert.equal(cmp('semver', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3'), 1);
  assert.equal(cmp('semver', 'v0.0.0-20200101000000-aaaaaaaaaaaa', 'v0.0.0-20191109021931-daa7c04131f5'), 1);
});

test('the release suffix of an ecosystem is ignored; unknown ecosystems say so', () => {
  const debian = schemeForEcosystem('Debian:12');
  assert.ok('scheme' in debian && debian.scheme.id === 'deb');
  assert.deepEqual(schemeForEcosystem('GHC'), { unknown: 'no version scheme for OSV ecosystem "GHC"' });
  assert.deepEqual(schemeForEcosystem('toString'), { unknown: 'no version scheme for OSV ecosystem "toString"' });
  assert.ok('unknown' in schemeForVers('conan'));
});

test('Debian ~ sorts before the release, RPM ^ after it, PEP 440 normalises', () => {
  assert.equal(cmp('deb', '1.0~rc1-1', '1.0-1'), -1);
  assert.equal(cmp('rpm', '1.0^git1', '1.0'), 1);
  assert.equal(cmp('pypi', '1.0RC1', '1.0rc1'), 0);
  assert.equal(cmp('maven', '1.0-SNAPSHOT', '1.0'), -1);
  assert.equal(cmp('maven', '1.0-sp1', '1.0'), 1);
});

test('vers: a range with a gap, an exclusion and an unknown scheme', () => {
  const parsed = parseVers('vers:npm/>=1.0.0|<2.0.0|!=3.0.0|>=3.0.0|<4.0.0');
  assert.ok('range' in parsed);
  const inside = (v: string) => versContains(parsed.range, parsed.versionScheme, v);
  assert.deepEqual(['0.9.0', '1.5.0', '2.0.0', '3.0.0', '3.5.0', '4.0.0'].map(inside), [
    false,
    true,
    false,
    false,
    true,
    false,
  ]);
  assert.deepEqual(parseVers('vers:conan/1.0'), { error: 'no version scheme for vers scheme "conan"' });
  assert.ok('error' in parseVers('npm/1.0'));
});

// A purl type mapped to an OSV ecosystem is of no use without that ecosystem's order: osv-scanner
// reads SwiftURL, Bitnami, ConanCenter and Bioconductor as SemVer, CRAN and Hackage as numbers.
test('every ecosystem the purl table names has a scheme', () => {
  for (const [ecosystem, id] of [
    ['SwiftURL', 'semver'],
    ['Bitnami', 'semver'],
    ['ConanCenter', 'semver'],
    ['CRAN', 'cran'],
    ['Hackage', 'hackage'],
  ]) {
    const found = schemeForEcosystem(ecosystem!);
    assert.ok('scheme' in found && found.scheme.id === id, `${ecosystem}: ${JSON.stringify(found)}`);
  }
  assert.equal(cmp('cran', '1.0-2', '1.0.10'), -1);
  assert.equal(cmp('cran', '0.3.2.0', '0.3.2'), 1);
  assert.equal(cmp('hackage', '1.0', '1.0.0'), -1);
});
