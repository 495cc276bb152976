import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './packages-config-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// A classic ASP.NET project's list, with an analyzer marked as a development dependency and an
// entry without a version. Written for this test.
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Dapper" version="2.1.35" targetFramework="net48" />
  <package id="log4net" version="2.0.17" targetFramework="net48" />
  <package id="Roslynator.Analyzers" version="4.12.4" targetFramework="net48" developmentDependency="true" />
  <package id="Broken.Entry" targetFramework="net48" />
</packages>
`;

test('packages.config: every listed package at its exact version, development dependencies dev', () => {
  const inv = extract({ path: 'src/Shop/packages.config', text: CONFIG });
  assert.deepEqual(
    inv.components.map((c) => `${c.purl} ${c.scope}`),
    [
      'pkg:nuget/Dapper@2.1.35 required',
      'pkg:nuget/Roslynator.Analyzers@4.12.4 excluded',
      'pkg:nuget/log4net@2.0.17 required',
    ],
  );
  assert.deepEqual(
    inv.issues.map((i) => i.code),
    ['missing-version'],
  );
});

test('packages.config: another root element is refused, saying so', () => {
  assert.throws(
    () => extract({ path: 'packages.config', text: '<configuration><appSettings /></configuration>' }),
    (e: unknown) => e instanceof LockfileError && /root element is not <packages>/.test(e.message),
  );
});
