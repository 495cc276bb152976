import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPurl, canonicalPurl, formatPurl, isPurlError, parsePurl, purlWithoutVersion } from './index.js';

test('parse errors name the problem and where it is', () => {
  const noScheme = parsePurl('npm/left-pad@1.0.0');
  assert.ok(isPurlError(noScheme));
  assert.match(noScheme.error, /scheme/);
  assert.equal(noScheme.position, 0);

  const badType = parsePurl('pkg:3npm/left-pad@1.0.0');
  assert.ok(isPurlError(badType));
  assert.equal(badType.part, 'type');
  assert.equal(badType.position, 4);

  const noName = parsePurl('pkg:maven/org.example/@1.0');
  assert.ok(isPurlError(noName));
  assert.match(noName.error, /name is missing/);

  const broken = parsePurl('pkg:npm/left-pad@1.0.%zz');
  assert.ok(isPurlError(broken));
  assert.equal(broken.part, 'version');
  assert.equal(broken.position, 17);

  const twice = parsePurl('pkg:deb/debian/curl@1?arch=amd64&arch=i386');
  assert.ok(isPurlError(twice));
  assert.match(twice.error, /"arch" appears twice/);
});

test('type rules from the generated data apply: namespace requirement, case, name normalisation', () => {
  assert.equal(canonicalPurl('pkg:PyPI/Django_Rest@3.0'), 'pkg:pypi/django-rest@3.0');
  assert.equal(canonicalPurl('pkg:maven/Org.Example/Lib@1'), 'pkg:maven/Org.Example/Lib@1');
  assert.equal(canonicalPurl('pkg:maven/lib@1'), undefined);
  assert.equal(canonicalPurl('pkg:cargo/serde/serde@1'), undefined);
  assert.equal(canonicalPurl('pkg:julia/Dates@1.9.0'), undefined);
});

test('unknown types follow the generic rules only', () => {
  assert.equal(canonicalPurl('pkg:myeco/Some/Thing@1.0?b=2&a=1'), 'pkg:myeco/Some/Thing@1.0?a=1&b=2');
});

test('formatPurl and buildPurl agree with parse on a round trip', () => {
  const p = parsePurl('pkg:npm/%40scope/name@1.0.0-beta+build?vcs_url=git%2Bhttps://x.org/a#lib/x.js');
  assert.ok(!isPurlError(p));
  assert.equal(p.namespace, '@scope');
  assert.equal(p.version, '1.0.0-beta+build');
  const text = formatPurl(p);
  assert.equal(text, 'pkg:npm/%40scope/name@1.0.0-beta%2Bbuild?vcs_url=git%2Bhttps:%2F%2Fx.org%2Fa#lib/x.js');
  assert.equal(buildPurl(p), text);
  assert.deepEqual(parsePurl(text), p);
});

test('purlWithoutVersion keeps everything but the version', () => {
  const p = parsePurl('pkg:deb/debian/curl@7.50?arch=amd64');
  assert.ok(!isPurlError(p));
  assert.equal(formatPurl(purlWithoutVersion(p)), 'pkg:deb/debian/curl?arch=amd64');
});
