import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './pubspec-lock-extractor.js';

// Packages from pub.dev, from a private pub server and from git. Written for this test.
const LOCK = `packages:
  http:
    dependency: "direct main"
    description:
      name: http
      sha256: "b9c29a161230ee03d3ccf545097fccd9b87a5264228c5d348202e0f0c28f9010"
      url: "https://pub.dev"
    source: hosted
    version: "1.2.2"
  corp_widgets:
    dependency: "direct main"
    description:
      name: corp_widgets
      url: "https://pub.corp.example"
    source: hosted
    version: "3.0.1"
  forked_intl:
    dependency: transitive
    description:
      path: "."
      ref: main
      resolved-ref: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d"
      url: "https://github.com/corp/intl.git"
    source: git
    version: "0.19.0"
sdks:
  dart: ">=3.4.0 <4.0.0"
`;

test('pubspec.lock: a private pub server gives repository_url, git gives vcs_url; pub.dev gives neither', () => {
  const purls = extract({ path: 'pubspec.lock', text: LOCK })
    .components.map((c) => c.purl)
    .sort();
  assert.deepEqual(purls, [
    'pkg:pub/corp_widgets@3.0.1?repository_url=https:%2F%2Fpub.corp.example',
    'pkg:pub/forked_intl@0.19.0?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fcorp%2Fintl.git%400a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
    'pkg:pub/http@1.2.2',
  ]);
});
