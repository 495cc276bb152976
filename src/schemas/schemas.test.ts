import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../test/support/corpora.js';
import { validateJsonSchema, validateXmlSchema } from './index.js';

const read = (p: string) => readFileSync(corpus(p), 'utf8');

test('CycloneDX JSON conformance: valid files pass, invalid ones fail, per spec version', needsCorpora, () => {
  for (const v of ['1.4', '1.6', '1.7']) {
    const ok = validateJsonSchema(
      'cyclonedx-json',
      v,
      JSON.parse(read(`sboms/cyclonedx/conformance/${v}/valid-bom-${v}.json`)),
    );
    assert.deepEqual(ok, [], `valid-bom-${v}.json`);
    const bad = validateJsonSchema(
      'cyclonedx-json',
      v,
      JSON.parse(read(`sboms/cyclonedx/conformance/${v}/invalid-component-type-${v}.json`)),
    );
    assert.ok(bad && bad.length > 0, `invalid-component-type-${v}.json must be rejected`);
  }
});

test('SPDX 2.3 JSON schema accepts the spec example and rejects a broken copy', needsCorpora, () => {
  const doc = JSON.parse(read('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json'));
  assert.deepEqual(validateJsonSchema('spdx-json', '2.3', doc), []);
  delete doc.SPDXID;
  const bad = validateJsonSchema('spdx-json', '2.3', doc) ?? [];
  assert.ok(bad.some((v) => v.message.includes('SPDXID')));
});

test('SPDX 2.3: the underscore reference categories of the 2.3.1 errata are valid, a made-up one is not', () => {
  // Tools write PACKAGE_MANAGER (the spelling of the spec's JSON examples); the first 2.3 schema only
  // knew PACKAGE-MANAGER, so `sbom validate` refused such documents.
  const document = (category: string) => ({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'app',
    documentNamespace: 'https://example.com/spdx/app-1',
    creationInfo: { created: '2026-01-02T03:04:05Z', creators: ['Tool: hand'] },
    packages: [
      {
        SPDXID: 'SPDXRef-left-pad',
        name: 'left-pad',
        downloadLocation: 'NOASSERTION',
        externalRefs: [
          { referenceCategory: category, referenceType: 'purl', referenceLocator: 'pkg:npm/left-pad@1.3.0' },
        ],
      },
    ],
  });
  for (const category of ['PACKAGE_MANAGER', 'PACKAGE-MANAGER', 'PERSISTENT_ID', 'SECURITY'])
    assert.deepEqual(validateJsonSchema('spdx-json', '2.3', document(category)), [], category);
  const wrong = validateJsonSchema('spdx-json', '2.3', document('PACKAGE MANAGER')) ?? [];
  assert.ok(
    wrong.some((v) => v.path.includes('referenceCategory')),
    JSON.stringify(wrong),
  );
});

test('SPDX 3: each broken element is reported against its own class, not against every class', () => {
  const document = {
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      {
        type: 'CreationInfo',
        '@id': '_:c',
        specVersion: '3.0.1',
        created: '2024-01-01T00:00:00Z',
        createdBy: ['https://example.com/me'],
      },
      { type: 'Person', spdxId: 'https://example.com/me', creationInfo: '_:c', name: 'Me' },
      { type: 'software_Package', spdxId: 'https://example.com/a', creationInfo: '_:c', name: 'a' },
      { type: 'software_Package', spdxId: 'https://example.com/b', creationInfo: '_:c', name: 'b' },
      {
        type: 'Relationship',
        spdxId: 'https://example.com/r',
        creationInfo: '_:c',
        from: 'https://example.com/a',
        relationshipType: 'DEPENDS_ON',
        to: ['https://example.com/b'],
      },
      { type: 'Element', spdxId: 'https://example.com/e', creationInfo: '_:c', name: 'NOASSERTION' },
    ],
  };
  const violations = validateJsonSchema('spdx3-jsonld', '3.0.1', document)!;
  const paths = [...new Set(violations.map((v) => v.path))];
  assert.deepEqual(paths, ['/@graph/4/relationshipType', '/@graph/5/type']);
  assert.match(violations[0]!.message, /allowed values/);
  assert.match(violations[1]!.message, /"Element" is no class/);
});

test('SPDX 3: an element whose class is given as "@type" gets one line saying so, then its own checks', () => {
  // Written by hand-made and scripted SPDX 3 documents (JSON-LD allows the keyword; the SPDX 3 JSON
  // schema wants "type"). Every element used to bring ~48 "required property" lines, one per class.
  const document = {
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      {
        '@type': 'CreationInfo',
        '@id': '_:c',
        specVersion: '3.0.1',
        created: '2025-01-01T00:00:00Z',
        createdBy: ['https://example.org/agent/builder'],
      },
      { '@type': 'Agent', spdxId: 'https://example.org/agent/builder', creationInfo: '_:c', name: 'Builder' },
      {
        '@type': 'software_Package',
        spdxId: 'https://example.org/pkg/tool',
        creationInfo: '_:c',
        name: 'tool',
        software_packageVersion: 7,
      },
      { spdxId: 'https://example.org/pkg/untyped', creationInfo: '_:c', name: 'untyped' },
    ],
  };
  const violations = validateJsonSchema('spdx3-jsonld', '3.0.1', document)!;
  assert.deepEqual(
    violations.map((v) => v.path),
    ['/@graph/0/@type', '/@graph/1/@type', '/@graph/2/@type', '/@graph/2/software_packageVersion', '/@graph/3'],
  );
  assert.match(violations[0]!.message, /"@type": SPDX 3 JSON requires "type"/);
  assert.match(violations[3]!.message, /must be string/);
  assert.match(violations[4]!.message, /required property 'type'/);
});

test('SPDX 3: a large graph is valid or not exactly as the whole schema says, also when checked class by class', () => {
  // From 64 elements a valid graph is checked element by element against each one's class; any
  // violation sends the document back to the whole schema, so reports do not change.
  const graph = (packages: number) => [
    {
      type: 'CreationInfo',
      '@id': '_:c',
      specVersion: '3.0.1',
      created: '2024-01-01T00:00:00Z',
      createdBy: ['https://example.com/me'],
    },
    { type: 'Person', spdxId: 'https://example.com/me', creationInfo: '_:c', name: 'Me' },
    ...Array.from({ length: packages }, (_, i) => ({
      type: 'software_Package',
      spdxId: `https://example.com/p${i}`,
      creationInfo: '_:c',
      name: `p${i}`,
      software_packageVersion: `1.${i}`,
    })),
    {
      type: 'Relationship',
      spdxId: 'https://example.com/r',
      creationInfo: '_:c',
      from: 'https://example.com/p0',
      relationshipType: 'dependsOn',
      to: Array.from({ length: packages - 1 }, (_, i) => `https://example.com/p${i + 1}`),
    },
  ];
  const context = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
  const besideGraph: number[] = [];
  for (const size of [10, 100]) {
    assert.deepEqual(validateJsonSchema('spdx3-jsonld', '3.0.1', { '@context': context, '@graph': graph(size) }), []);
    const wrongVersion = graph(size);
    (wrongVersion[size] as Record<string, unknown>).software_packageVersion = 7;
    assert.deepEqual(
      validateJsonSchema('spdx3-jsonld', '3.0.1', { '@context': context, '@graph': wrongVersion })!.map((v) => v.path),
      [`/@graph/${size}/software_packageVersion`],
    );
    const extraProperty = graph(size);
    (extraProperty[3] as Record<string, unknown>).colour = 'blue';
    assert.ok(
      validateJsonSchema('spdx3-jsonld', '3.0.1', { '@context': context, '@graph': extraProperty })!.length > 0,
    );
    const wrongContext = { '@context': 'https://example.org/other', '@graph': graph(size) };
    assert.ok(validateJsonSchema('spdx3-jsonld', '3.0.1', wrongContext)!.some((v) => /constant/.test(v.message)));
    // Whatever the whole schema says of a key beside @graph (it lets one through), both sizes say the same.
    const extraTop = { '@context': context, '@graph': graph(size), comment: 'x' };
    besideGraph.push(validateJsonSchema('spdx3-jsonld', '3.0.1', extraTop)!.length);
  }
  assert.equal(besideGraph[0], besideGraph[1]);
});

test('unknown format or version has no schema', () => {
  assert.equal(validateJsonSchema('cyclonedx-json', '9.9', {}), undefined);
});

test('CycloneDX XML: XSD validation with the shipped SPDX import, good and bad', needsCorpora, async () => {
  const ok = await validateXmlSchema('cyclonedx-xml', '1.6', read('sboms/cyclonedx/conformance/1.6/valid-bom-1.6.xml'));
  assert.deepEqual(ok, []);
  const bad = await validateXmlSchema(
    'cyclonedx-xml',
    '1.6',
    read('sboms/cyclonedx/conformance/1.6/invalid-component-type-1.6.xml'),
  );
  assert.ok(bad && bad.length > 0 && bad[0].line !== undefined);
});

test('CycloneDX XML: a declaration naming UTF-16 or Latin-1 does not make a valid document fail its XSD', async () => {
  const body = (decl: string) =>
    `<?xml version="1.0" ${decl}?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">\n` +
    `  <components><component type="library"><name>café</name><version>2</version></component></components>\n</bom>\n`;
  for (const decl of ['encoding="utf-16"', "encoding='ISO-8859-1' standalone='yes'", 'encoding="UTF-8"']) {
    assert.deepEqual(await validateXmlSchema('cyclonedx-xml', '1.5', body(decl)), [], decl);
  }
  // Still a real check: a broken document with the same declaration fails, on its own line.
  const broken = body('encoding="utf-16"').replace('type="library"', 'type="gadget"');
  const violations = await validateXmlSchema('cyclonedx-xml', '1.5', broken);
  assert.equal(violations?.[0]?.line, 3);
});

test('SPDX 2.2: a root $schema string (vcpkg writes one) is allowed, as SPDX 2.3 allows it; other extra keys are not', () => {
  const doc = {
    $schema: 'https://raw.githubusercontent.com/spdx/spdx-spec/v2.2.1/schemas/spdx-schema.json',
    spdxVersion: 'SPDX-2.2',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'port',
    documentNamespace: 'https://example.org/spdxdocs/port-1',
    creationInfo: { created: '2025-01-08T15:55:44Z', creators: ['Tool: vcpkg'] },
  };
  assert.deepEqual(validateJsonSchema('spdx-json', '2.2', doc), []);
  assert.ok(validateJsonSchema('spdx-json', '2.2', { ...doc, $schema: 7 })?.length);
  const extra = validateJsonSchema('spdx-json', '2.2', { ...doc, madeUp: true });
  assert.match(extra?.[0]?.message ?? '', /additional properties/);
});

test('CycloneDX XML: libxml2 parser warnings and its source/caret context lines are not counted as violations', async () => {
  const doc =
    '<?xml version="1.1" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">\n' +
    '  <components><component type="gadget"><name>a</name></component></components>\n</bom>\n';
  const violations = await validateXmlSchema('cyclonedx-xml', '1.5', doc);
  assert.equal(violations?.length, 1, JSON.stringify(violations));
  assert.equal(violations[0]!.line, 3);
  // A document that is not well-formed: the parser error at its line, without the two context lines.
  const broken = await validateXmlSchema('cyclonedx-xml', '1.5', doc.replace('</components>', '</component>'));
  assert.ok(broken && broken.length > 0);
  for (const v of broken) assert.notEqual(v.line, undefined, JSON.stringify(broken));
});

// Every version's XML conformance files agree with their XSD (checked by hand: 411 of 413, the two
// others "informal-" cases no XSD can state); 1.0 and 1.1, whose XSDs came last, are checked whole here.
test(
  'CycloneDX XML conformance 1.0 and 1.1: every valid file passes its XSD and every invalid one fails',
  needsCorpora,
  async () => {
    let checked = 0;
    for (const v of ['1.0', '1.1']) {
      const dir = `sboms/cyclonedx/conformance/${v}`;
      // "informal-" cases break rules that no XSD can state (a version range only on an external component).
      for (const f of readdirSync(corpus(dir)).filter((f) => f.endsWith('.xml') && !f.startsWith('informal-'))) {
        const violations = await validateXmlSchema('cyclonedx-xml', v, read(`${dir}/${f}`));
        assert.ok(violations, `${v}/${f}: no schema`);
        assert.equal(violations.length === 0, f.startsWith('valid-'), `${v}/${f}: ${JSON.stringify(violations)}`);
        checked++;
      }
    }
    assert.ok(checked >= 31, `${checked}`);
  },
);

test('CycloneDX XML 1.0 and 1.1 have their official XSDs: a bad scope or a missing version fails', async () => {
  for (const v of ['1.0', '1.1']) {
    // 1.0 requires <modified>, after <scope>.
    const doc = (scope: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${v}" version="1">\n` +
      `  <components>\n    <component type="library">\n      <name>left-pad</name>\n      <version>1.3.0</version>\n` +
      `      <scope>${scope}</scope>\n${v === '1.0' ? '      <modified>false</modified>\n' : ''}    </component>\n  </components>\n</bom>\n`;
    assert.deepEqual(await validateXmlSchema('cyclonedx-xml', v, doc('required')), [], v);
    const bad = await validateXmlSchema('cyclonedx-xml', v, doc('sometimes'));
    assert.ok(bad && bad.length > 0 && bad[0]!.line === 7, `${v}: ${JSON.stringify(bad)}`);
    const noVersion = await validateXmlSchema('cyclonedx-xml', v, doc('optional').replace(/ *<version>.*\n/, ''));
    assert.ok(noVersion && noVersion.length > 0, `${v}: a component without version must fail`);
  }
});
