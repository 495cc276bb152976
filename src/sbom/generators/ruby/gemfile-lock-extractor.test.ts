import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './gemfile-lock-extractor.js';

// Bundler 2.5 writes a CHECKSUMS section after the specs. Written for this test.
const LOCK = `GEM
  remote: https://rubygems.org/
  specs:
    parser (3.3.1.0)
      ast (~> 2.4)
    ast (2.4.2)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  parser

CHECKSUMS
  ast (2.4.2) sha256=1e280232e6a33754cde542bc5ef85520b74db2aac73ec14acef453784447cc12
  parser (3.3.1.0) sha256=7ccbb8ad3dd1b5e2f3a2c9f8a1e0d2b4c6a8f0e1d3c5b7a9f1e3d5c7b9a1f3e5

BUNDLED WITH
   2.5.11
`;

test('Gemfile.lock: the CHECKSUMS section gives each gem its SHA-256', () => {
  const inv = extract({ path: 'Gemfile.lock', text: LOCK });
  const hashes = Object.fromEntries(inv.components.map((c) => [c.name, c.hashes]));
  assert.deepEqual(hashes.ast, [
    { alg: 'SHA-256', content: '1e280232e6a33754cde542bc5ef85520b74db2aac73ec14acef453784447cc12' },
  ]);
  assert.equal(hashes.parser?.[0]?.content, '7ccbb8ad3dd1b5e2f3a2c9f8a1e0d2b4c6a8f0e1d3c5b7a9f1e3d5c7b9a1f3e5');
  assert.equal(inv.components.length, 2);
});

// Gems from rubygems.org, a private gem server and a git checkout. Written for this test.
const SOURCES = `GIT
  remote: https://github.com/corp/rack-tools.git
  revision: 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d
  branch: main
  specs:
    rack-tools (0.9.0)

GEM
  remote: https://gems.corp.example/
  specs:
    corp-auth (2.1.0)

GEM
  remote: https://rubygems.org/
  specs:
    rack (3.0.9)

PLATFORMS
  ruby

DEPENDENCIES
  corp-auth!
  rack
  rack-tools!
`;

test('Gemfile.lock: a private gem server gives repository_url, a GIT source vcs_url; rubygems.org neither', () => {
  const purls = extract({ path: 'Gemfile.lock', text: SOURCES })
    .components.map((c) => c.purl)
    .sort();
  assert.deepEqual(purls, [
    'pkg:gem/corp-auth@2.1.0?repository_url=https:%2F%2Fgems.corp.example%2F',
    'pkg:gem/rack-tools@0.9.0?vcs_url=git%2Bhttps:%2F%2Fgithub.com%2Fcorp%2Frack-tools.git%400a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
    'pkg:gem/rack@3.0.9',
  ]);
});
