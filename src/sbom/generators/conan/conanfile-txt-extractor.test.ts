import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './conanfile-txt-extractor.js';

// A Conan 2 conanfile.txt with a user/channel reference, a version range and sections that name no
// package. Written for this test.
const CONANFILE = `[requires]
libcurl/8.6.0
nlohmann_json/3.11.3 # header-only
poco/[>=1.13 <2]
acme-crypto/2.0.4@acme/stable

[tool_requires]
ninja/1.11.1

[test_requires]
catch2/3.5.2

[generators]
CMakeDeps

[options]
libcurl/*:with_ssl=openssl
`;

test('conanfile.txt: requires are prod, tool and test requires dev, a range is reported and left out', () => {
  const inv = extract({ path: 'conanfile.txt', text: CONANFILE });
  assert.deepEqual(
    inv.components.map((c) => `${c.purl} ${c.scope}`),
    [
      'pkg:conan/acme-crypto@2.0.4?channel=stable&user=acme required',
      'pkg:conan/catch2@3.5.2 excluded',
      'pkg:conan/libcurl@8.6.0 required',
      'pkg:conan/ninja@1.11.1 excluded',
      'pkg:conan/nlohmann_json@3.11.3 required',
    ],
  );
  assert.deepEqual(
    inv.issues.map((i) => `${i.code} ${i.line}`),
    ['unpinned-requirement 4'],
  );
});
