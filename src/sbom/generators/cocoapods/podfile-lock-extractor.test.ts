import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './podfile-lock-extractor.js';

// A Flutter-style iOS project: the engine and a plugin come from local folders, a pod from trunk
// with subspecs listed as pods of their own. Written for this test.
const LOCK = `PODS:
  - Flutter (1.0.0)
  - Kingfisher (7.10.0):
    - Kingfisher/Core (= 7.10.0)
  - Kingfisher/Core (7.10.0)
  - Kingfisher/Prefetch (7.10.0)
  - share_plus (0.0.1):
    - Flutter

DEPENDENCIES:
  - Flutter (from \`Flutter\`)
  - Kingfisher/Prefetch
  - share_plus (from \`.symlinks/plugins/share_plus/ios\`)

EXTERNAL SOURCES:
  Flutter:
    :path: Flutter
  share_plus:
    :path: ".symlinks/plugins/share_plus/ios"

SPEC CHECKSUMS:
  Flutter: e0871f40cf51350855a761d2e70bf5af5b9b5de7
  Kingfisher: 4ea1197a744f2fb5fb875fe31caf17ded4762e8f
  share_plus: 3b7a1bf0b8e4b0c6f3c2d1a09e8f7b6c5d4e3f21

COCOAPODS: 1.15.2
`;

test('Podfile.lock: a pod keeps the list of its subspecs, wherever it comes from', () => {
  const inv = extract({ path: 'Podfile.lock', text: LOCK });
  const byName = Object.fromEntries(inv.components.map((c) => [c.name, c]));
  assert.equal(
    byName.share_plus?.properties.find((p) => p.name === 'vigie:cocoapods:path')?.value,
    '.symlinks/plugins/share_plus/ios',
  );
  assert.equal(byName.Kingfisher?.purl, 'pkg:cocoapods/Kingfisher@7.10.0');
  assert.deepEqual(
    byName.Kingfisher?.properties.find((p) => p.name === 'vigie:cocoapods:subspecs')?.value,
    'Core,Prefetch',
  );
  assert.equal(inv.components.length, 3);
});
