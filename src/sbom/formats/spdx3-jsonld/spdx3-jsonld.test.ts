import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import { emptySbom, licenseFromExpression, type Component, type Sbom } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { UnreadableDocumentError } from '../../format.js';
import { adjacency, allComponents, componentsByRef } from '../../graph.js';
import { spdx3JsonLd } from './index.js';

const SPDX3_FILES = [
  ...corpusFiles('sboms/spdx/examples', (p) => /\/spdx3\.0\/[^/]+\.json$/.test(p)),
  ...corpusFiles('sboms/spdx/spec-examples/v3.0', (p) => p.endsWith('.json')),
  ...corpusFiles('sbom-quality/sbomqs-testdata', (p) => /spdx3[^/]*\.json$|\/spdx3\/[^/]+\.json$/.test(p)),
];
const YOCTO = corpus('ort/results/yocto-input/core-image-minimal-qemux86-64.rootfs.spdx.json.gz');

const read = (path: string) =>
  path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
const decode = (path: string) => spdx3JsonLd.decode({ text: read(path), name: path });
const component = (sbom: Sbom, ref: string) => componentsByRef(sbom).get(ref);

test(
  'identify: SPDX 3.0.x JSON-LD is read, other versions are named and refused, other formats are not claimed',
  needsCorpora,
  () => {
    const head = (version: string) =>
      `{"@context": "https://spdx.org/rdf/${version}/spdx-context.jsonld", "@graph": []}`;
    assert.deepEqual(spdx3JsonLd.identify(head('3.0.1')), {
      format: 'spdx3-jsonld',
      specVersion: '3.0.1',
      supported: true,
    });
    assert.equal(spdx3JsonLd.identify(head('3.0.0'))?.supported, true);
    const future = spdx3JsonLd.identify(head('3.1'));
    assert.equal(future?.supported, false);
    assert.match(future?.reason ?? '', /3\.1 is not supported/);
    assert.equal(
      spdx3JsonLd.identify(read(corpus('sboms/spdx/examples/software/example14/content/examplemaven-0.0.1.spdx.json'))),
      undefined,
    );
    assert.equal(spdx3JsonLd.identify('{"bomFormat": "CycloneDX", "specVersion": "1.6"}'), undefined);
    // Shape alone (no context IRI) is enough when CreationInfo names the version.
    const bare = '{"@graph": [{"type": "CreationInfo", "specVersion": "3.0.1"}]}';
    assert.equal(spdx3JsonLd.identify(bare)?.specVersion, '3.0.1');
  },
);

test(
  `every SPDX 3 corpus document (${SPDX3_FILES.length}) is identified and decodes without throwing`,
  needsCorpora,
  () => {
    assert.ok(SPDX3_FILES.length >= 80, `expected the SPDX 3 corpus, found ${SPDX3_FILES.length} files`);
    for (const path of SPDX3_FILES) {
      const text = read(path);
      const id = spdx3JsonLd.identify(text.slice(0, 65536));
      assert.equal(id?.supported, true, `${path}: ${JSON.stringify(id)}`);
      const { sbom, issues } = spdx3JsonLd.decode({ text, name: path });
      assert.equal(sbom.source.id, 'spdx3-jsonld');
      for (const i of issues) assert.ok(i.code && i.message, `${path}: malformed issue`);
    }
  },
);

test(
  'AI example: the models are machine-learning-model components with their MIT licence, the data set is data',
  needsCorpora,
  () => {
    const { sbom } = decode(corpus('sboms/spdx/examples/ai/example01/spdx3.0/simplehtr-example.json'));
    assert.equal(sbom.metadata.component?.name, 'SimpleHTR');
    assert.equal(sbom.metadata.component?.licenses.declared?.expression, 'MIT');
    const model = component(sbom, 'https://my-first-aibom.com/word-model');
    assert.equal(model?.type, 'machine-learning-model');
    assert.equal(model?.version, '0.0');
    assert.equal(model?.licenses.declared?.expression, 'MIT');
    assert.match(model?.modelCard?.architectureFamily ?? '', /^Deep Neural network/);
    assert.ok(
      sbom.lineage?.some(
        (e) =>
          e.from === model?.ref && e.kind === 'trained-on' && e.to.includes('https://my-first-aibom.com/IAMdataset'),
      ),
      'the trainedOn relationship is a lineage edge',
    );

    const dataset = component(sbom, 'https://my-first-aibom.com/IAMdataset');
    assert.equal(dataset?.type, 'data');
    assert.deepEqual(dataset?.dataset?.modalities, ['image']);
    // Its licence is a custom licence: kept as text, with no SPDX expression invented for it.
    assert.equal(dataset?.licenses.declared?.expression, undefined);
    assert.match(dataset?.licenses.declared?.entries[0]?.text ?? '', /non-commercial research purpose only/);
    assert.equal(dataset?.authors?.map((a) => a.name).join(', '), 'U. Marti, H. Bunke.');

    // Files of the word-model archive are nested under it (contains → nesting).
    const wordModelPackage = component(sbom, 'https://github.com/githubharald/SimpleHTR/tree/master/model/word-model');
    assert.equal(wordModelPackage?.components?.length, 6);
    assert.equal(sbom.metadata.authors[0]?.name, 'Gopi Krishnan Rajbahadur');
    assert.equal(sbom.metadata.authors[0]?.email, 'iamironman@616.com');
    assert.equal(sbom.metadata.timestamp, '2024-05-09T13:50:30Z');
  },
);

test('dataset example: a dataset_DatasetPackage becomes data with its CC-BY-4.0 licences', needsCorpora, () => {
  const { sbom } = decode(corpus('sboms/spdx/examples/dataset/example01/spdx3.0/example01.spdx3.json'));
  const data = allComponents(sbom, true).find(
    (c) => c.name === 'Our World in Data CO2 and Greenhouse Gas Emissions dataset',
  );
  assert.equal(data?.type, 'data');
  assert.equal(data?.version, '2024-04-15');
  assert.equal(data?.licenses.declared?.expression, 'CC-BY-4.0');
  assert.equal(data?.licenses.concluded?.expression, 'CC-BY-4.0');
});

test('software example 6: scoped dependsOn, expression licences, NOASSERTION and hashes', needsCorpora, () => {
  const { sbom } = decode(corpus('sboms/spdx/examples/software/example6/spdx3.0/example6-bin.json'));
  const base = 'https://swinslow.net/spdx-examples/example6/hello-go-bin-v2-specv3/';
  const primary = sbom.metadata.component!;
  assert.equal(primary.ref, `${base}SPDXRef-gnrtd4`);
  assert.equal(primary.licenses.concluded?.expression, '(GPL-3.0-or-later AND LicenseRef-Golang-BSD-plus-Patents)');
  assert.equal(primary.licenses.declared?.raw, 'NOASSERTION');
  assert.equal(primary.licenses.declared?.expression, undefined);
  const file = component(sbom, `${base}SPDXRef-gnrtd6`);
  assert.equal(file?.type, 'file');
  assert.equal(file?.hashes.find((h) => h.alg === 'SHA-1')?.content, '78ed46e8e6f86f19d3a6782979029be5f918235f');
  assert.equal(sbom.metadata.authors[0]?.email, 'steve@swinslow.net');
  assert.deepEqual(
    sbom.metadata.tools.map((t) => t.name),
    ['github.com/spdx/tools-golang/builder', 'github.com/spdx/tools-golang/idsearcher'],
  );
});

test(
  'a test-scoped LifecycleScopedRelationship makes JUnit a test dependency of the Maven example',
  needsCorpora,
  () => {
    const { sbom } = decode(corpus('sboms/spdx/examples/software/example8/spdx3.0/examplemaven-0.0.1.spdx3.json'));
    const base = 'http://spdx.org/documents/examplemaven-0.0.1-specv3/';
    const junit = component(sbom, `${base}SPDXRef-gnrtd41`);
    assert.equal(junit?.name, 'JUnit');
    assert.equal(junit?.version, '3.8.1');
    assert.equal(junit?.dependencyScope, 'test');
    assert.deepEqual(adjacency(sbom).get(`${base}SPDXRef-gnrtd3`), [`${base}SPDXRef-gnrtd41`]);
  },
);

test('Yocto image document: decodes whole, vulnerability data is reported as not kept', needsCorpora, () => {
  const started = performance.now();
  const { sbom, issues } = decode(YOCTO);
  const elapsed = performance.now() - started;
  const all = allComponents(sbom, true);
  console.log(
    `yocto: ${all.length} components (${sbom.components.length} top-level), ${sbom.dependencies.length} dependency lists, ${issues.length} issues, decoded in ${elapsed.toFixed(0)} ms`,
  );
  assert.equal(sbom.metadata.component?.name, 'core-image-minimal');
  assert.equal(sbom.metadata.timestamp !== undefined, true);
  assert.deepEqual(sbom.metadata.lifecycles, ['build']);
  assert.ok(all.length > 1000);
  const busybox = all.find((c) => c.name === 'busybox' && c.version);
  assert.ok(busybox, 'busybox package');
  assert.ok(issues.some((i) => i.code === 'element-not-kept' && /security_Vulnerability/.test(i.message)));
});

test('malformed JSON is unreadable, with the line of the error', () => {
  const text =
    '{\n  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",\n  "@graph": [\n    {"type": "CreationInfo",}\n  ]\n}';
  assert.throws(
    () => spdx3JsonLd.decode({ text, name: 'broken.json' }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 4 && /broken\.json.*line 4/.test(e.message),
  );
  assert.throws(() => spdx3JsonLd.decode({ text: '[1, 2]' }), UnreadableDocumentError);
});

test('dangling references and unknown element types become issues', () => {
  const text = JSON.stringify({
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      {
        type: 'CreationInfo',
        '@id': '_:c',
        specVersion: '3.0.1',
        created: '2024-01-01T00:00:00Z',
        createdBy: ['urn:x:nobody'],
      },
      { type: 'SpdxDocument', spdxId: 'urn:x:doc', creationInfo: '_:c', rootElement: ['urn:x:a'] },
      { type: 'software_Package', spdxId: 'urn:x:a', creationInfo: '_:c', name: 'a' },
      {
        type: 'Relationship',
        spdxId: 'urn:x:r',
        creationInfo: '_:c',
        from: 'urn:x:a',
        relationshipType: 'dependsOn',
        to: ['urn:x:gone'],
      },
      { type: 'FancyThing', spdxId: 'urn:x:f', creationInfo: '_:c' },
    ],
  });
  const { sbom, issues } = spdx3JsonLd.decode({ text });
  assert.equal(sbom.metadata.component?.name, 'a');
  assert.ok(issues.some((i) => i.code === 'dangling-ref' && i.message.includes('urn:x:gone')));
  assert.ok(issues.some((i) => i.code === 'dangling-ref' && i.message.includes('urn:x:nobody')));
  assert.ok(issues.some((i) => i.code === 'unknown-element-type' && i.message.includes('FancyThing')));
});

test('what the described product contains is its dependency list; other containment nests', () => {
  // The shape syft gives an image: the root package contains every package found in it.
  const text = JSON.stringify({
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      { type: 'CreationInfo', '@id': '_:c', specVersion: '3.0.1', created: '2024-01-01T00:00:00Z' },
      { type: 'SpdxDocument', spdxId: 'urn:x:doc', creationInfo: '_:c', rootElement: ['urn:x:sbom'] },
      { type: 'software_Sbom', spdxId: 'urn:x:sbom', creationInfo: '_:c', rootElement: ['urn:x:image'] },
      { type: 'software_Package', spdxId: 'urn:x:image', creationInfo: '_:c', name: 'image' },
      { type: 'software_Package', spdxId: 'urn:x:zlib', creationInfo: '_:c', name: 'zlib' },
      { type: 'software_Package', spdxId: 'urn:x:curl', creationInfo: '_:c', name: 'curl' },
      { type: 'software_File', spdxId: 'urn:x:curl-bin', creationInfo: '_:c', name: 'bin/curl' },
      rel('urn:x:r1', 'urn:x:image', 'contains', ['urn:x:zlib', 'urn:x:curl']),
      rel('urn:x:r2', 'urn:x:curl', 'contains', ['urn:x:curl-bin']),
    ],
  });
  const { sbom } = spdx3JsonLd.decode({ text });
  assert.equal(sbom.metadata.component?.name, 'image');
  assert.deepEqual(edgesOf(sbom), ['urn:x:image -> urn:x:curl', 'urn:x:image -> urn:x:zlib']);
  assert.deepEqual(
    sbom.components.map((c) => [c.name, (c.components ?? []).map((n) => n.name)]),
    [
      ['zlib', []],
      ['curl', ['bin/curl']],
    ],
  );
});

test('SPDX 2 relationship names and identifiers written as elements of their own are read (sbom-tool)', () => {
  // Microsoft's sbom-tool writes SPDX 3 with DEPENDS_ON, HAS_DECLARED_LICENSE, and each purl as an
  // ExternalIdentifier element that the package names by id, with the type "purl".
  const text = JSON.stringify({
    '@context': ['https://spdx.org/rdf/3.0.1/spdx-context.json'],
    '@graph': [
      { type: 'CreationInfo', '@id': '_:c', specVersion: '3.0.1', created: '2025-06-14T00:37:12Z' },
      { type: 'SpdxDocument', spdxId: 'urn:x:doc', creationInfo: '_:c', rootElement: ['urn:x:root'] },
      {
        type: 'software_Package',
        spdxId: 'urn:x:root',
        creationInfo: '_:c',
        name: 'tool',
        software_packageVersion: '4',
      },
      { type: 'Organization', spdxId: 'urn:x:ms', creationInfo: '_:c', name: 'Organization: Microsoft' },
      {
        type: 'software_Package',
        spdxId: 'urn:x:castle',
        creationInfo: '_:c',
        suppliedBy: 'urn:x:ms',
        name: 'Castle.Core',
        software_packageVersion: '5.1.1',
        externalIdentifier: ['urn:x:castle-purl'],
        verifiedUsing: ['urn:x:castle-hash'],
      },
      {
        type: 'ExternalIdentifier',
        spdxId: 'urn:x:castle-purl',
        creationInfo: '_:c',
        externalIdentifierType: 'purl',
        identifier: 'pkg:nuget/Castle.Core@5.1.1',
      },
      { type: 'Hash', spdxId: 'urn:x:castle-hash', algorithm: 'sha256', hashValue: 'AB12' },
      {
        type: 'simplelicensing_LicenseExpression',
        spdxId: 'urn:x:mit',
        creationInfo: '_:c',
        simplelicensing_licenseExpression: 'MIT',
      },
      // No licence is said with a bare Element named NOASSERTION (SPDX 2's special value).
      { type: 'Element', spdxId: 'urn:x:noassertion', creationInfo: '_:c', name: 'NOASSERTION' },
      rel('urn:x:r1', 'urn:x:root', 'DEPENDS_ON', ['urn:x:castle']),
      rel('urn:x:r2', 'urn:x:castle', 'HAS_DECLARED_LICENSE', ['urn:x:mit']),
      rel('urn:x:r3', 'urn:x:castle', 'HAS_CONCLUDED_LICENSE', ['urn:x:noassertion']),
    ],
  });
  const { sbom, issues } = spdx3JsonLd.decode({ text });
  assert.deepEqual(castle0(sbom)?.licenses.concluded, { raw: 'NOASSERTION', entries: [] });
  assert.deepEqual(
    issues.filter((i) => i.code === 'unknown-element-type' || i.code === 'dangling-license'),
    [],
  );
  const castle = component(sbom, 'urn:x:castle');
  assert.equal(castle?.purl, 'pkg:nuget/Castle.Core@5.1.1');
  assert.deepEqual(castle?.hashes, [{ alg: 'SHA-256', content: 'ab12' }]);
  assert.equal(castle?.licenses.declared?.expression, 'MIT');
  assert.equal(castle?.supplier?.name, 'Microsoft');
  assert.deepEqual(edgesOf(sbom), ['urn:x:root -> urn:x:castle']);
});

test('a listed licence element with a local id (syft) is the licence its name gives', () => {
  const text = JSON.stringify({
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      { type: 'CreationInfo', '@id': '_:c', specVersion: '3.0.1', created: '2024-01-01T00:00:00Z' },
      {
        type: 'SpdxDocument',
        spdxId: 'https://example.com/doc',
        creationInfo: '_:c',
        rootElement: ['SPDXRef:app'],
        dataLicense: 'SPDXRef:ListedLicense-1',
        namespaceMap: [{ type: 'NamespaceMap', prefix: 'SPDXRef', namespace: 'https://example.com/doc/' }],
      },
      { type: 'software_Package', spdxId: 'SPDXRef:app', creationInfo: '_:c', name: 'app' },
      { type: 'software_Package', spdxId: 'SPDXRef:six', creationInfo: '_:c', name: 'six' },
      {
        type: 'expandedlicensing_ListedLicense',
        spdxId: 'SPDXRef:ListedLicense-1',
        creationInfo: '_:c',
        name: 'CC0-1.0',
      },
      { type: 'expandedlicensing_ListedLicense', spdxId: 'SPDXRef:ListedLicense-2', creationInfo: '_:c', name: 'MIT' },
      rel('SPDXRef:r1', 'SPDXRef:six', 'hasDeclaredLicense', ['SPDXRef:ListedLicense-2']),
    ],
  });
  const { sbom } = spdx3JsonLd.decode({ text });
  assert.equal(sbom.metadata.dataLicense?.expression, 'CC0-1.0');
  assert.equal(component(sbom, 'SPDXRef:six')?.licenses.declared?.expression, 'MIT');
});

test("a licence text named beside its licence is that licence's text, not a second licence (FreeBSD SPDX-Lite)", () => {
  const base = 'https://example.org/ports/abc123';
  const text = JSON.stringify({
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      { '@type': 'CreationInfo', '@id': '_:c', specVersion: '3.0.1', created: '2025-01-01T00:00:00Z' },
      {
        '@type': 'SpdxDocument',
        spdxId: `${base}/Document/1`,
        creationInfo: '_:c',
        rootElement: [`${base}/Package/app`],
      },
      { '@type': 'software_Package', spdxId: `${base}/Package/app`, creationInfo: '_:c', name: 'app' },
      { '@type': 'software_Package', spdxId: `${base}/Package/lib`, creationInfo: '_:c', name: 'lib' },
      { '@type': 'software_Package', spdxId: `${base}/Package/doc`, creationInfo: '_:c', name: 'doc' },
      {
        '@type': 'simplelicensing_LicenseExpression',
        spdxId: `${base}/LicenseExpression/ISC`,
        creationInfo: '_:c',
        simplelicensing_licenseExpression: 'ISC',
      },
      {
        '@type': 'simplelicensing_SimpleLicensingText',
        spdxId: `${base}/SimpleLicensingText/ISC`,
        creationInfo: '_:c',
        simplelicensing_licenseText: 'Permission to use, copy, modify ...',
      },
      rel(`${base}/r1`, `${base}/Package/app`, 'dependsOn', [`${base}/Package/lib`, `${base}/Package/doc`]),
      rel(`${base}/r2`, `${base}/Package/lib`, 'hasDeclaredLicense', [
        `${base}/LicenseExpression/ISC`,
        `${base}/SimpleLicensingText/ISC`,
      ]),
      // Alone, a text is still all the document says: kept as a named, unidentified licence.
      rel(`${base}/r3`, `${base}/Package/doc`, 'hasDeclaredLicense', [`${base}/SimpleLicensingText/ISC`]),
    ],
  });
  const { sbom } = spdx3JsonLd.decode({ text });
  const declared = component(sbom, `${base}/Package/lib`)?.licenses.declared;
  assert.equal(declared?.expression, 'ISC');
  assert.deepEqual(declared?.entries, [{ id: 'ISC', text: 'Permission to use, copy, modify ...' }]);
  const alone = component(sbom, `${base}/Package/doc`)?.licenses.declared;
  assert.equal(alone?.expression, undefined);
  assert.equal(alone?.entries[0]?.text, 'Permission to use, copy, modify ...');
});

const castle0 = (sbom: Sbom) => component(sbom, 'urn:x:castle');

function rel(spdxId: string, from: string, relationshipType: string, to: string[]) {
  return { type: 'Relationship', spdxId, creationInfo: '_:c', from, relationshipType, to };
}

function edgesOf(sbom: Sbom, rename: (ref: string) => string = (r) => r): string[] {
  return [...adjacency(sbom)].flatMap(([from, to]) => to.map((t) => `${rename(from)} -> ${rename(t)}`)).sort();
}

/** SPDX 3 ids are IRIs and are kept; refs that are not (some sbomqs fixtures) get namespace + encoded ref. */
function idAfterEncoding(ref: string, documentId: string | undefined): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(ref) && !ref.startsWith('pkg:')) return ref;
  return `${documentId}${/[#/]$/.test(documentId ?? '') ? '' : '#'}component-${encodeURIComponent(ref)}`;
}

function summary(c: Component) {
  return {
    name: c.name,
    version: c.version,
    purl: c.purl,
    cpe: c.cpe,
    type: c.type,
    declared: c.licenses.declared?.expression ?? c.licenses.declared?.raw,
    concluded: c.licenses.concluded?.expression ?? c.licenses.concluded?.raw,
    effective: c.licenses.effective?.expression,
    hashes: c.hashes.map((h) => `${h.alg}:${h.content}`).sort(),
    scope: c.dependencyScope,
  };
}

function assertRoundTrip(before: Sbom, label: string): Sbom {
  const { text } = spdx3JsonLd.encode!(before, '3.0.1', { timestamp: '2025-01-02T03:04:05Z' });
  const json = JSON.parse(text);
  const violations = validateJsonSchema('spdx3-jsonld', '3.0.1', json);
  assert.deepEqual(violations?.slice(0, 5), [], `${label}: schema violations`);
  const after = spdx3JsonLd.decode({ text, json }).sbom;
  const rename = (ref: string) => idAfterEncoding(ref, after.metadata.serialNumber);
  const a = componentsByRef(before);
  const b = componentsByRef(after);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].map(rename).sort(), `${label}: component refs`);
  for (const [ref, c] of a) assert.deepEqual(summary(b.get(rename(ref))!), summary(c), `${label}: ${ref}`);
  assert.deepEqual(edgesOf(after), edgesOf(before, rename), `${label}: edges`);
  const primary = before.metadata.component?.ref;
  assert.equal(after.metadata.component?.ref, primary && rename(primary), `${label}: primary`);
  return after;
}

test(
  'round trip decode → encode (schema-valid) → decode keeps ids, names, versions, purls, licences and edges',
  needsCorpora,
  () => {
    const files = [...SPDX3_FILES, YOCTO];
    for (const path of files) assertRoundTrip(decode(path).sbom, path);
  },
);

test('encode: refs that are not IRIs get deterministic ids; effective licence and scopes survive; losses are reported', () => {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  const base = { hashes: [], externalReferences: [], properties: [], licenses: {} };
  sbom.metadata.component = { ...base, ref: 'app', type: 'application', name: 'app', version: '1.0.0' };
  sbom.components = [
    {
      ...base,
      ref: 'pkg:npm/left-pad@1.3.0',
      type: 'library',
      name: 'left-pad',
      group: 'acme',
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      scope: 'required',
      licenses: {
        declared: licenseFromExpression('MIT OR Apache-2.0'),
        effective: licenseFromExpression('MIT'),
      },
    },
    {
      ...base,
      ref: 'jest',
      type: 'library',
      name: 'jest',
      version: '29.0.0',
      dependencyScope: 'dev',
      licenses: { declared: { raw: 'Some Custom Terms', entries: [{ name: 'Some Custom Terms' }] } },
    },
    {
      ...base,
      ref: 'model',
      type: 'machine-learning-model',
      name: 'bert',
      properties: [{ name: 'cdx:custom', value: 'x' }],
    },
  ];
  sbom.dependencies = [{ ref: 'app', dependsOn: ['pkg:npm/left-pad@1.3.0', 'jest', 'model'] }];
  const options = {
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    timestamp: '2025-01-02T03:04:05.123Z',
  };
  const first = spdx3JsonLd.encode!(sbom, '3.0.1', options);
  assert.equal(spdx3JsonLd.encode!(sbom, '3.0.1', options).text, first.text, 'deterministic');
  const json = JSON.parse(first.text);
  assert.deepEqual(validateJsonSchema('spdx3-jsonld', '3.0.1', json), []);
  assert.equal(json['@graph'][0].created, '2025-01-02T03:04:05Z');
  const ids = json['@graph'].map((e: { spdxId?: string }) => e.spdxId);
  assert.ok(ids.includes('urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79#component-jest'));
  assert.ok(ids.includes('urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79#component-pkg%3Anpm%2Fleft-pad%401.3.0'));

  const back = spdx3JsonLd.decode({ text: first.text }).sbom;
  const byName = new Map(allComponents(back, true).map((c) => [c.name, c]));
  assert.equal(byName.get('left-pad')?.licenses.effective?.expression, 'MIT');
  assert.equal(byName.get('left-pad')?.licenses.declared?.expression, 'MIT OR Apache-2.0');
  assert.equal(byName.get('jest')?.dependencyScope, 'dev');
  assert.equal(byName.get('jest')?.licenses.declared?.raw, 'Some Custom Terms');
  assert.equal(byName.get('jest')?.licenses.declared?.expression, undefined);
  assert.equal(byName.get('bert')?.type, 'machine-learning-model');
  assert.deepEqual(byName.get('bert')?.properties, [
    { name: 'spdx3:software_primaryPurpose', value: 'model' },
    { name: 'cdx:custom', value: 'x' },
  ]);
  assert.equal(back.metadata.component?.name, 'app');
  assert.equal(back.dependencies[0]?.dependsOn.length, 3);

  const lossy = first.issues.filter((i) => i.code === 'lossy-encode').map((i) => i.field);
  assert.ok(lossy.includes('group') && lossy.includes('scope'), JSON.stringify(first.issues));
});
