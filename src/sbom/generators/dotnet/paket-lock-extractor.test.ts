import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './paket-lock-extractor.js';
import { LockfileError } from '../core/lockfile-error.js';

// Two groups, the second locking another version of a package the first also locks, a private feed,
// a GITHUB source file and settings after the version. Written for this test in Paket's layout.
const LOCK = `STORAGE: NONE
RESTRICTION: == net8.0
NUGET
  remote: https://api.nuget.org/v3/index.json
    Serilog (3.1.1)
    Serilog.Sinks.Console (5.0.1)
      Serilog (>= 3.1.1)
    FSharp.Core (8.0.400) - content: none
  remote: https://nuget.example.com/v3/index.json
    Acme.Billing (2.4.0)
      serilog (>= 3.0)
GITHUB
  remote: fsprojects/FAKE
    src/app/Helpers.fs (0341a2e614eb2a7f34607cec914eb0ed83ce9add)

GROUP Build
RESTRICTION: == net6.0
NUGET
  remote: https://api.nuget.org/v3/index.json
    Fake.Core.Target (6.1.3)
      FSharp.Core (>= 6.0.3)
    FSharp.Core (6.0.7)
`;

test('paket.lock: NuGet packages of every group, edges within the group, a private feed named in the purl', () => {
  const inv = extract({ path: 'paket.lock', text: LOCK });
  assert.deepEqual(inv.components.map((c) => c.purl).sort(), [
    'pkg:nuget/Acme.Billing@2.4.0?repository_url=https:%2F%2Fnuget.example.com%2Fv3%2Findex.json',
    'pkg:nuget/FSharp.Core@6.0.7',
    'pkg:nuget/FSharp.Core@8.0.400',
    'pkg:nuget/Fake.Core.Target@6.1.3',
    'pkg:nuget/Serilog.Sinks.Console@5.0.1',
    'pkg:nuget/Serilog@3.1.1',
  ]);
  const edges = Object.fromEntries(inv.dependencies.map((d) => [d.ref, d.dependsOn]));
  // Resolved in its own group (6.0.7, not the main group's 8.0.400), and case-insensitively.
  assert.deepEqual(edges['pkg:nuget/Fake.Core.Target@6.1.3'], ['pkg:nuget/FSharp.Core@6.0.7']);
  assert.equal(
    edges['pkg:nuget/Acme.Billing@2.4.0?repository_url=https:%2F%2Fnuget.example.com%2Fv3%2Findex.json']?.[0],
    'pkg:nuget/Serilog@3.1.1',
  );
  assert.deepEqual(
    inv.issues.map((i) => `${i.severity} ${i.code}`),
    ['info source-files-not-packages'],
  );
});

test('paket.lock: a file with no section is refused, saying so', () => {
  assert.throws(
    () => extract({ path: 'paket.lock', text: 'hello\n' }),
    (e: unknown) => e instanceof LockfileError && /not a paket\.lock/.test(e.message),
  );
});
