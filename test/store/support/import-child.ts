// Child process for the kill test: opens the store given as JSON in argv[2], starts a big import
// inside one transaction, says "midway" once rows are written, and keeps importing until killed.
import { openStore, type StoreOptions } from '../../../src/store/index.js';
import { npmComponent, usageOf, versionOf } from './fixtures.js';

const options = JSON.parse(process.argv[2]) as StoreOptions;
const releaseId = Number(process.argv[3]);
const store = await openStore(options);
await store.transaction(async (tx) => {
  await tx.createProduct({
    name: 'Half-imported',
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: [],
  });
  await tx.deleteUsagesOfRelease(releaseId);
  for (let round = 0; ; round++) {
    const components = await tx.upsertComponents(
      Array.from({ length: 2000 }, (_, i) => npmComponent(`killed-${round}-${i}`)),
      'fill-missing',
    );
    const versions = await tx.upsertVersions(
      components.records.map((c) => versionOf(c.id, '1.0.0')),
      'fill-missing',
    );
    await tx.insertUsages(versions.records.map((v) => usageOf(releaseId, v.id)));
    if (round === 1) process.stdout.write('midway\n');
  }
});
