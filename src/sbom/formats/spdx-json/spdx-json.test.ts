import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpus, needsCorpora, whenCorpora } from '../../../../test/support/corpora.js';
import { emptySbom } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { componentsByRef } from '../../graph.js';
import { UnreadableDocumentError } from '../../format.js';
import { spdxJson } from './index.js';
import { libraryComponent } from '../../../../test/support/components.js';

const specExample = whenCorpora(() =>
  readFileSync(corpus('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json'), 'utf8'),
);

test('identify: SPDX 2.2/2.3 JSON yes, 2.0 with a reason, CycloneDX and tag-value no', needsCorpora, () => {
  assert.deepEqual(spdxJson.identify(specExample.slice(0, 65536)), {
    format: 'spdx-json',
    specVersion: '2.3',
    supported: true,
  });
  const old = spdxJson.identify('{ "spdxVersion": "SPDX-2.0", "SPDXID": "SPDXRef-DOCUMENT" }');
  assert.equal(old?.supported, false);
  assert.match(old!.reason!, /SPDX 2\.0 JSON is not supported/);
  assert.equal(spdxJson.identify('{ "bomFormat": "CycloneDX", "specVersion": "1.6" }'), undefined);
  assert.equal(spdxJson.identify('SPDXVersion: SPDX-2.3\n'), undefined);
});

test('spec example 2.3: values checked by hand against the source text', needsCorpora, () => {
  const { sbom, issues } = spdxJson.decode({ text: specExample });
  const meta = sbom.metadata;
  assert.equal(meta.serialNumber, 'http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301');
  assert.equal(meta.name, 'SPDX-Tools-v2.0');
  assert.equal(meta.timestamp, '2010-01-29T18:30:22Z');
  assert.deepEqual(meta.tools, [{ name: 'LicenseFind', version: '1.0' }]);
  assert.deepEqual(meta.authors, [{ name: 'ExampleCodeInspect' }, { name: 'Jane Doe' }]);
  assert.equal(meta.dataLicense?.expression, 'CC0-1.0');
  assert.ok(
    meta.properties.some((p) =>
      p.value.startsWith('DocumentRef-spdx-tool-1.2 http://spdx.org/spdxdocs/spdx-tools-v1.2-'),
    ),
  );

  // documentDescribes lists SPDXRef-File first, but the primary component is the first described package.
  const glibc = meta.component!;
  assert.equal(glibc.ref, 'SPDXRef-Package');
  assert.equal(glibc.name, 'glibc');
  assert.equal(glibc.version, '2.11.1');
  assert.equal(glibc.licenses.concluded?.expression, '(LGPL-2.0-only OR LicenseRef-3)');
  assert.equal(glibc.licenses.declared?.expression, '(LGPL-2.0-only AND LicenseRef-3)');
  const neko = glibc.licenses.concluded!.entries.find((e) => e.ref === 'LicenseRef-3');
  assert.equal(neko?.name, 'CyberNeko License');
  assert.match(neko!.text!, /^The CyberNeko Software License, Version 1\.0/);
  assert.deepEqual(glibc.supplier, { name: 'Jane Doe', kind: 'person', contacts: [{ email: 'jane.doe@example.com' }] });
  assert.deepEqual(glibc.manufacturer, {
    name: 'ExampleCodeInspect',
    kind: 'organization',
    contacts: [{ email: 'contact@example.com' }],
  });
  assert.ok(glibc.hashes.some((h) => h.alg === 'SHA-1' && h.content === '85ed0817af83a24ad8da68c2b5094de69833983c'));
  assert.ok(glibc.hashes.some((h) => h.alg === 'BLAKE2b-384'));
  assert.equal(glibc.cpe, 'cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*');
  assert.equal(glibc.copyright, 'Copyright 2008-2010 John Smith');
  assert.match(glibc.description!, /^The GNU C Library defines functions/);
  assert.deepEqual(
    glibc.externalReferences.find((r) => r.type === 'website'),
    { type: 'website', url: 'http://ftp.gnu.org/gnu/glibc' },
  );
  assert.equal(
    glibc.externalReferences.find((r) => r.type === 'distribution')?.url,
    'http://ftp.gnu.org/gnu/glibc/glibc-ports-2.15.tar.gz',
  );
  // hasFiles nests the four files of the package under it; SPDXRef-File stays top level.
  assert.deepEqual(
    glibc.components?.map((c) => c.ref),
    ['SPDXRef-DoapSource', 'SPDXRef-CommonsLangSrc', 'SPDXRef-JenaLib', 'SPDXRef-Specification'],
  );

  const byRef = componentsByRef(sbom);
  const commonsLang = byRef.get('SPDXRef-fromDoap-1')!;
  assert.deepEqual(commonsLang.licenses.concluded, { raw: 'NOASSERTION', entries: [] });
  assert.equal(commonsLang.copyright, undefined);
  assert.ok(
    !commonsLang.externalReferences.some((r) => r.type === 'distribution'),
    'NOASSERTION download location skipped',
  );
  assert.equal(byRef.get('SPDXRef-fromDoap-0')?.purl, 'pkg:maven/org.apache.jena/apache-jena@3.12.0');
  assert.equal(byRef.get('SPDXRef-Saxon')?.licenses.concluded?.expression, 'MPL-1.0');
  const jenaLib = byRef.get('SPDXRef-JenaLib')!;
  assert.equal(jenaLib.type, 'file');
  assert.equal(jenaLib.name, './lib-source/jena-2.6.3-sources.jar');
  assert.equal(byRef.get('SPDXRef-File')?.licenses.declared?.expression, 'GPL-2.0-only AND LicenseRef-2');

  // Package DYNAMIC_LINK Saxon and JenaLib CONTAINS Package are edges; GENERATED_FROM is not.
  assert.deepEqual(sbom.dependencies, [
    { ref: 'SPDXRef-Package', dependsOn: ['SPDXRef-Saxon'] },
    { ref: 'SPDXRef-JenaLib', dependsOn: ['SPDXRef-Package'] },
  ]);
  assert.deepEqual(
    issues.map((i) => i.code),
    ['snippets-skipped'],
  );
});

test('malformed JSON names its line; a non-object top level is unreadable', () => {
  assert.throws(
    () => spdxJson.decode({ text: '{\n  "spdxVersion": "SPDX-2.3",\n  "name": ,\n}' }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 3 && /line 3/.test(e.message),
  );
  assert.throws(() => spdxJson.decode({ text: '[1, 2]' }), UnreadableDocumentError);
});

test('missing required fields become Issues, not exceptions', () => {
  const { sbom, issues } = spdxJson.decode({
    text: JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ SPDXID: 'SPDXRef-a' }] }),
  });
  assert.equal(sbom.components[0]?.name, 'SPDXRef-a');
  const fields = issues.filter((i) => i.code === 'missing-field').map((i) => i.field);
  for (const f of ['documentNamespace', 'name', 'dataLicense', 'creationInfo.created', 'downloadLocation'])
    assert.ok(fields.includes(f), f);
});

const component = libraryComponent;

test('a LicenseRef the document does not define is a warning at its package and field', () => {
  const text = JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'refs',
    documentNamespace: 'https://example.com/refs-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand'] },
    packages: [
      {
        SPDXID: 'SPDXRef-p',
        name: 'p',
        versionInfo: '1',
        downloadLocation: 'NOASSERTION',
        licenseDeclared: 'LicenseRef-Known OR LicenseRef-Unknown',
        licenseConcluded: 'DocumentRef-other:LicenseRef-Elsewhere',
      },
    ],
    hasExtractedLicensingInfos: [{ licenseId: 'LicenseRef-Known', extractedText: 'Use it kindly.' }],
  });
  const { issues } = spdxJson.decode({ text });
  const refs = issues.filter((i) => i.code === 'undefined-license-ref');
  // A licence defined in another document (DocumentRef-…:LicenseRef-…) is that document's to define.
  assert.deepEqual(
    refs.map((i) => [i.component, i.field, i.severity]),
    [['SPDXRef-p', 'licenseDeclared', 'warning']],
  );
  assert.match(refs[0]!.message, /LicenseRef-Unknown/);
});

test('encode: non-SPDX licence strings, effective licences, scopes and losses', () => {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.metadata.component = component('app', { type: 'application', version: '1.0.0' });
  sbom.metadata.lifecycles.push('build');
  sbom.components.push(
    component('pkg:npm/left-pad@1.3.0', {
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      licenses: {
        declared: { raw: 'Custom licence, see LICENSE file', entries: [{ name: 'Custom licence, see LICENSE file' }] },
        concluded: { raw: 'MIT OR Apache-2.0', expression: 'MIT OR Apache-2.0', entries: [] },
        effective: { raw: 'MIT', expression: 'MIT', entries: [] },
      },
      hashes: [
        { alg: 'SHA-256', content: 'ab'.repeat(32) },
        { alg: 'STREEBOG-256', content: 'cd'.repeat(32) },
      ],
    }),
    component('jest', { dependencyScope: 'dev', type: 'machine-learning-model' }),
  );
  sbom.dependencies.push({ ref: 'app', dependsOn: ['pkg:npm/left-pad@1.3.0', 'jest'] });

  const options = {
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    timestamp: '2024-05-01T12:00:00.123Z',
  };
  const { text, issues } = spdxJson.encode!(sbom, '2.3', options);
  const doc = JSON.parse(text);
  assert.deepEqual(validateJsonSchema('spdx-json', '2.3', doc), []);
  assert.equal(doc.creationInfo.created, '2024-05-01T12:00:00Z');
  assert.equal(doc.documentNamespace, options.serialNumber);
  const leftPad = doc.packages.find((p: { name: string }) => p.name === 'pkg:npm/left-pad@1.3.0');
  assert.match(leftPad.SPDXID, /^SPDXRef-[A-Za-z0-9.-]+$/);
  assert.equal(leftPad.licenseDeclared, 'LicenseRef-Custom-licence-see-LICENSE-file');
  assert.deepEqual(
    doc.relationships.map((r: Record<string, string>) => r.relationshipType),
    ['DESCRIBES', 'DEPENDS_ON', 'DEV_DEPENDENCY_OF'],
  );

  const lossy = issues.filter((i) => i.code === 'lossy-encode').map((i) => i.message);
  assert.ok(lossy.some((m) => /STREEBOG-256 hashes: 1 /.test(m)));
  assert.ok(lossy.some((m) => /SBOM lifecycles/.test(m)));
  assert.ok(lossy.some((m) => /without an SPDX purpose/.test(m)));

  const back = spdxJson.decode({ text }).sbom;
  const pad = componentsByRef(back).get(leftPad.SPDXID)!;
  assert.deepEqual(pad.licenses.declared, {
    raw: 'Custom licence, see LICENSE file',
    entries: [{ name: 'Custom licence, see LICENSE file' }],
  });
  assert.equal(pad.licenses.concluded?.expression, 'MIT OR Apache-2.0');
  assert.equal(pad.licenses.effective?.expression, 'MIT');
  assert.equal(pad.purl, 'pkg:npm/left-pad@1.3.0');
  assert.equal(componentsByRef(back).get('SPDXRef-jest')?.dependencyScope, 'dev');
  assert.equal(back.metadata.component?.ref, 'SPDXRef-app');
  assert.equal(spdxJson.encode!(sbom, '2.3', options).text, text, 'deterministic');
});

test('PACKAGE_OF makes the edge of the package it is part of (A PACKAGE_OF B: B includes A)', () => {
  const pkg = (id: string) => ({
    SPDXID: `SPDXRef-${id}`,
    name: id,
    versionInfo: '1',
    downloadLocation: 'NOASSERTION',
  });
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'distro',
    documentNamespace: 'https://example.org/distro-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: hand-written'] },
    packages: [pkg('distro'), pkg('bash'), pkg('zlib')],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-distro' },
      { spdxElementId: 'SPDXRef-bash', relationshipType: 'PACKAGE_OF', relatedSpdxElement: 'SPDXRef-distro' },
      { spdxElementId: 'SPDXRef-zlib', relationshipType: 'PACKAGE_OF', relatedSpdxElement: 'SPDXRef-distro' },
    ],
  };
  const { sbom } = spdxJson.decode({ text: JSON.stringify(doc) });
  assert.deepEqual(sbom.dependencies.find((d) => d.ref === 'SPDXRef-distro')?.dependsOn, [
    'SPDXRef-bash',
    'SPDXRef-zlib',
  ]);
});
