// Issue 8 item 2: a component is found by the name the UI shows (golang.org/x/net,
// github.com/sirupsen/logrus), by its purl (qualifiers and version or not), and by part of its name;
// over the service, the API and the CLI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { sqliteTarget } from '../store/support/databases.js';
import { vigie } from '../cli/run-cli.js';
import { bearer, startApi, type ApiHarness } from './support.js';

const lib = (name: string, version: string, purl: string) => ({
  type: 'library',
  'bom-ref': purl,
  name,
  version,
  purl,
  licenses: [{ license: { id: 'MIT' } }],
});
const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  components: [
    lib('golang.org/x/net', 'v0.17.0', 'pkg:golang/golang.org/x/net@v0.17.0'),
    lib('github.com/sirupsen/logrus', 'v1.9.3', 'pkg:golang/github.com/sirupsen/logrus@v1.9.3'),
    lib('log4j-core', '2.14.1', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar'),
    lib('net', '1.0.0', 'pkg:npm/net@1.0.0'),
  ],
};

let api: ApiHarness;
before(async () => {
  api = await startApi(sqliteTarget());
  const product = await services.createProduct(api.fresh.store, { name: 'gateway', outboundLicenses: ['MIT'] });
  const release = await services.createRelease(api.fresh.store, { productId: product.id, number: '2.0' });
  await services.importDocument(api.fresh.store, release.id, {
    content: Buffer.from(JSON.stringify(SBOM)),
    fileName: 'bom.json',
    author: 'test',
  });
});
after(async () => api.close());

const search = (component: string, extra: Partial<services.ComponentSearch> = {}) =>
  services.releasesContaining(api.fresh.store, { component, ...extra });
const found = (hits: services.ComponentSearchHit[]) =>
  hits.map((h) => `${h.displayName}@${h.version.number} ${h.match}`).sort();

test('by the displayed name, the bare name and the purl: exact matches', async () => {
  assert.deepEqual(found(await search('golang.org/x/net')), ['golang.org/x/net@v0.17.0 exact']);
  assert.deepEqual(found(await search('github.com/sirupsen/logrus')), ['github.com/sirupsen/logrus@v1.9.3 exact']);
  assert.deepEqual(found(await search('org.apache.logging.log4j/log4j-core')), [
    'org.apache.logging.log4j/log4j-core@2.14.1 exact',
  ]);
  // The bare name "net" is both golang.org/x/net's and an npm package's.
  assert.deepEqual(found(await search('net')), ['golang.org/x/net@v0.17.0 exact', 'net@1.0.0 exact']);
  assert.deepEqual(found(await search('pkg:golang/golang.org/x/net')), ['golang.org/x/net@v0.17.0 exact']);
  assert.deepEqual(found(await search('pkg:golang/golang.org/x/net@v0.17.0')), ['golang.org/x/net@v0.17.0 exact']);
  assert.deepEqual(found(await search('pkg:golang/golang.org/x/net@v0.16.0')), []);
  assert.deepEqual(
    found(await search('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')),
    ['org.apache.logging.log4j/log4j-core@2.14.1 exact'],
    'without the ?type=jar qualifier',
  );
});

test('by part of a name: partial matches, case-insensitive, only when asked or when nothing matches exactly', async () => {
  assert.deepEqual(found(await search('sirupsen')), ['github.com/sirupsen/logrus@v1.9.3 partial']);
  assert.deepEqual(found(await search('LOG4J')), ['org.apache.logging.log4j/log4j-core@2.14.1 partial']);
  assert.deepEqual(found(await search('x/ne')), ['golang.org/x/net@v0.17.0 partial']);
  assert.deepEqual(found(await search('sirupsen', { match: 'exact' })), []);
  assert.deepEqual(found(await search('net', { match: 'partial' })), [
    'golang.org/x/net@v0.17.0 partial',
    'net@1.0.0 partial',
  ]);
  assert.deepEqual(found(await search('log', { versionRange: '>=2.0.0' })), [
    'org.apache.logging.log4j/log4j-core@2.14.1 partial',
  ]);
  assert.deepEqual(found(await search('100%')), [], 'LIKE wildcards are literal');
  await assert.rejects(
    search('net', { match: 'fuzzy' as services.ComponentMatch }),
    /match must be one of auto, exact, partial/,
  );
});

test('the API and the CLI answer the same', async () => {
  const res = await api.app.inject({
    method: 'GET',
    url: '/api/queries/releases-containing?component=sirupsen',
    headers: bearer(api.tokens.guest),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().map((h: { displayName: string; match: string }) => [h.displayName, h.match]),
    [['github.com/sirupsen/logrus', 'partial']],
  );
  const exact = await api.app.inject({
    method: 'GET',
    url: '/api/queries/releases-containing?component=sirupsen&match=exact',
    headers: bearer(api.tokens.guest),
  });
  assert.deepEqual(exact.json(), []);
  const bad = await api.app.inject({
    method: 'GET',
    url: '/api/queries/releases-containing?component=x&match=fuzzy',
    headers: bearer(api.tokens.guest),
  });
  assert.equal(bad.statusCode, 400);
  const db = api.fresh.options.sqlitePath!;
  const out = await vigie(['query', 'component', 'golang.org/x/net', '--db', db]);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, 'gateway 2.0: golang.org/x/net@v0.17.0 (root)\n');
  const part = await vigie(['query', 'component', 'sirupsen', '--db', db]);
  assert.match(
    part.stdout,
    /^gateway 2\.0: github\.com\/sirupsen\/logrus@v1\.9\.3 \(root\)\n\(no component is named "sirupsen" exactly: these names contain it\)\n$/,
  );
});
