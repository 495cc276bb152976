// Issue 13 item 2: readers never refuse a valid document for its key order or one bad field.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { corpus, needsCorpora } from '../../test/support/corpora.js';
import { HEAD_BYTES } from './detect.js';
import { allComponents } from './graph.js';
import { readSbom, UnsupportedDocumentError } from './read.js';
import { UnreadableDocumentError } from './format.js';

const readCorpus = (path: string) => JSON.parse(readFileSync(corpus(path), 'utf8')) as Record<string, unknown>;

/** The same object with the named keys moved to the end (JSON key order carries no meaning). */
function keysLast(value: Record<string, unknown>, last: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!last.includes(k)) out[k] = v;
  for (const k of last) if (k in value) out[k] = value[k];
  return out;
}

const names = (text: string) =>
  [...allComponents(readSbom(text).sbom)].map((c) => `${c.name}@${c.version ?? ''}`).sort();

test(
  'CycloneDX JSON whose bomFormat/specVersion follow a large components array (juice-shop, reordered)',
  needsCorpora,
  () => {
    const original = readCorpus('sboms/cyclonedx/bom-examples/SBOM/juice-shop/v11.1.2/bom.json');
    const reordered = JSON.stringify(keysLast(original, ['bomFormat', 'specVersion']), null, 2);
    assert.ok(reordered.indexOf('"bomFormat"') > HEAD_BYTES, 'the markers lie beyond the head');
    const read = readSbom(reordered, 'bom.json');
    assert.equal(read.format.id, 'cyclonedx-json');
    assert.equal(read.specVersion, '1.2');
    assert.deepEqual(names(reordered), names(JSON.stringify(original)));
    assert.equal(names(reordered).length, 840);
  },
);

test(
  'SPDX JSON whose spdxVersion follows a large packages/files content (spec example 2.3, reordered)',
  needsCorpora,
  () => {
    const original = readCorpus('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json');
    // The corpus SPDX files are small: grow the example with copies of its real packages.
    const packages = original.packages as Record<string, unknown>[];
    const copies = Array.from({ length: 60 }, (_, n) =>
      packages.map((p) => ({ ...p, SPDXID: `${String(p.SPDXID)}-copy${n}` })),
    ).flat();
    const grown = { ...original, packages: [...packages, ...copies] };
    const reordered = JSON.stringify(
      keysLast(grown, ['spdxVersion', 'SPDXID', 'dataLicense', 'name', 'documentNamespace', 'creationInfo']),
    );
    assert.ok(reordered.indexOf('"spdxVersion"') > HEAD_BYTES);
    const read = readSbom(reordered);
    assert.equal(read.format.id, 'spdx-json');
    assert.equal(read.specVersion, '2.3');
    assert.deepEqual(names(reordered), names(JSON.stringify(grown)));
  },
);

test('SPDX 3 JSON-LD whose @context follows a large @graph (simplehtr example, reordered)', needsCorpora, () => {
  const original = readCorpus('sboms/spdx/examples/ai/example01/spdx3.0/simplehtr-example.json');
  // The context last, and the graph's document and creation info after every other element.
  const graph = original['@graph'] as { type?: string }[];
  const isHeader = (e: { type?: string }) => e.type === 'CreationInfo' || e.type === 'SpdxDocument';
  const moved = { ...original, '@graph': [...graph.filter((e) => !isHeader(e)), ...graph.filter(isHeader)] };
  const reordered = JSON.stringify(keysLast(moved, ['@context']), null, 2);
  assert.ok(reordered.indexOf('"@context"') > HEAD_BYTES);
  assert.ok(reordered.indexOf('"CreationInfo"') > HEAD_BYTES);
  const read = readSbom(reordered);
  assert.equal(read.format.id, 'spdx3-jsonld');
  assert.deepEqual(names(reordered), names(JSON.stringify(original)));
});

test('without corpora: a synthetic CycloneDX 1.6 with markers last; an unknown large JSON still says so', () => {
  const components = Array.from({ length: 2000 }, (_, i) => ({
    type: 'library',
    name: `pkg-${i}`,
    version: '1.0.0',
    purl: `pkg:npm/pkg-${i}@1.0.0`,
  }));
  const read = readSbom(JSON.stringify({ components, specVersion: '1.6', bomFormat: 'CycloneDX' }));
  assert.equal(read.format.id, 'cyclonedx-json');
  assert.equal(read.sbom.components.length, 2000);
  // A CycloneDX version we do not read is named as such, even when stated late.
  assert.throws(
    () => readSbom(JSON.stringify({ components, specVersion: '1.1', bomFormat: 'CycloneDX' })),
    /CycloneDX 1\.1 is not supported/,
  );
  assert.throws(
    () => readSbom(JSON.stringify({ items: components, kind: 'list' })),
    (e: unknown) => e instanceof UnsupportedDocumentError && /not an SBOM format I know/.test(e.message),
  );
  // A large tag-value document whose SPDXVersion comes late (after a long comment block).
  const comment = `DocumentComment: <text>${'x'.repeat(HEAD_BYTES)}</text>\n`;
  const tagValue = `${comment}SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nPackageName: a\nSPDXID: SPDXRef-a\n`;
  assert.equal(readSbom(tagValue).format.id, 'spdx-tagvalue');
});

test('truncated JSON is refused for its syntax, at its place, not as a CycloneDX without specVersion', () => {
  for (const text of [
    '{"bomFormat":"CycloneDX",',
    '{"bomFormat":"CycloneDX","components":[{"name":"a"}',
    '{"items":[1,2',
  ]) {
    assert.throws(
      () => readSbom(text, 'upload.json'),
      (e: unknown) =>
        e instanceof UnreadableDocumentError && /upload\.json is not valid JSON at line 1, column \d+/.test(e.message),
      text,
    );
  }
  // Well-formed JSON keeps its own reason.
  assert.throws(() => readSbom('{"bomFormat":"CycloneDX"}'), /CycloneDX without a specVersion is not supported/);
});

test('wrong JSON types are errors at their path, never coerced (SPDX)', () => {
  const doc = {
    spdxVersion: 'SPDX-2.3',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'x',
    packages: 'not-a-list',
    files: [
      {
        SPDXID: 'SPDXRef-f',
        fileName: './a',
        checksums: [{ algorithm: 'SHA1', checksumValue: 'a'.repeat(40) }],
        fileTypes: 'SOURCE',
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ['SPDXRef-f'] },
    ],
  };
  const { sbom, issues } = readSbom(JSON.stringify(doc));
  // "not-a-list" used to become ten packages, one per character.
  assert.equal([...allComponents(sbom)].filter((c) => c.type !== 'file').length, 0);
  const typeErrors = issues.filter((i) => i.code === 'invalid-type');
  assert.deepEqual(
    typeErrors.map((i) => [i.severity, i.field]),
    [
      ['error', 'packages'],
      ['error', 'files[0].fileTypes'],
      ['error', 'relationships[0].relatedSpdxElement'],
    ],
  );
  assert.match(typeErrors[0]!.message, /^packages: expected a list, found a string; left out$/);
  // The good parts are still read.
  assert.equal([...allComponents(sbom)].find((c) => c.ref === 'SPDXRef-f')?.name, './a');
});

test('wrong JSON types are errors at their path, never coerced (CycloneDX)', () => {
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: '1',
    components: [
      [{ type: 'library', name: 'inside-a-list' }],
      { type: 'library', name: 'ok', version: 2, licenses: [{ license: { id: 7 } }], purl: 'pkg:npm/ok@2' },
      { type: 'library', name: 'nested', components: { type: 'library', name: 'not-a-list' } },
      { type: 'library', name: 'nulls', version: null },
    ],
    dependencies: [{ ref: 'ok', dependsOn: 'nested' }],
  };
  const { sbom, issues } = readSbom(JSON.stringify(bom));
  // The list inside `components` used to become a component.
  assert.deepEqual(
    [...allComponents(sbom)].map((c) => c.name),
    ['ok', 'nested', 'nulls'],
  );
  assert.equal(sbom.components[0]!.version, undefined);
  assert.deepEqual(
    issues.filter((i) => i.code === 'invalid-type').map((i) => i.field),
    [
      'version',
      'components[0]',
      'components[1].version',
      'components[1].licenses[0].license.id',
      'components[2].components',
      'dependencies[0].dependsOn',
    ],
  );
  assert.match(issues.find((i) => i.field === 'components[0]')!.message, /expected an object, found a list/);
  const nullIssue = issues.find((i) => i.code === 'null-value');
  assert.deepEqual([nullIssue?.severity, nullIssue?.field], ['warning', 'components[3].version']);
});

test('SPDX YAML: an unquoted number keeps its text (versionInfo: 1.0 is "1.0", not 1)', () => {
  const yaml = [
    'spdxVersion: SPDX-2.3',
    'SPDXID: SPDXRef-DOCUMENT',
    'name: x',
    'packages:',
    '- SPDXID: SPDXRef-a',
    '  name: a',
    '  versionInfo: 1.0',
    '  filesAnalyzed: false',
    '',
  ].join('\n');
  const { sbom, issues } = readSbom(yaml);
  assert.equal(sbom.components[0]?.version, '1.0');
  assert.equal(issues.filter((i) => i.code === 'invalid-type').length, 0);
});

test(
  'wrong JSON types are errors at their path, never coerced (SPDX 3 simplehtr example, altered)',
  needsCorpora,
  () => {
    const original = readCorpus('sboms/spdx/examples/ai/example01/spdx3.0/simplehtr-example.json');
    const graph = structuredClone(original['@graph']) as Record<string, unknown>[];
    const at = graph.findIndex((e) => typeof e.software_packageVersion === 'string' && typeof e.name === 'string');
    assert.ok(at >= 0);
    const { spdxId, name } = graph[at] as { spdxId: string; name: string };
    graph[at]!.software_packageVersion = 2; // a number where the version string belongs
    const { sbom, issues } = readSbom(JSON.stringify({ ...original, '@graph': graph }));
    const altered = [...allComponents(sbom, true)].find((c) => c.ref === spdxId);
    assert.equal(altered?.name, name);
    assert.equal(altered?.version, undefined, 'the number is not read as "2"');
    const typeErrors = issues.filter((i) => i.code === 'invalid-type');
    assert.deepEqual(
      typeErrors.map((i) => [i.severity, i.field]),
      [['error', `@graph[${at}].software_packageVersion`]],
    );
    assert.match(typeErrors[0]!.message, /expected a string, found a number/);
    // The unaltered document has no such error.
    assert.equal(readSbom(JSON.stringify(original)).issues.filter((i) => i.code === 'invalid-type').length, 0);
  },
);

/** The same value with every object's keys sorted, as `jq -S` writes it. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
        )
      : value;

test('ORT results and evaluated models with their keys sorted (jq -S) are still ORT', needsCorpora, () => {
  for (const path of [
    'ort/results/semver4j-ort-result.yml',
    'ort/results/core-image-minimal-qemux86-64.rootfs.ortresult.yml',
    'ort/evaluated-model/evaluated-model-reporter-test-expected-output.json',
  ]) {
    const text = readFileSync(corpus(path), 'utf8');
    const original = readSbom(text);
    const sorted = JSON.stringify(sortedKeys(path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)));
    assert.doesNotMatch(
      sorted,
      /^\{"(repository|analyzer|path_excludes|scope_excludes|project)"/,
      `${path}: the fixed-order look cannot see it`,
    );
    const read = readSbom(sorted);
    assert.equal(read.format.id, 'ort', path);
    assert.equal(read.specVersion, original.specVersion, path);
    assert.deepEqual(names(sorted), names(text), path);
  }
});

test('a root package that contains thousands of files, each relationship given twice, keeps each edge once and in order', () => {
  // The shape of Kubernetes' published SPDX tag-value documents: the root CONTAINS every file. Each
  // new edge used to be checked against the whole list so far (38 s for 105k elements).
  const files = 3000;
  const lines = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    'DocumentName: many-files',
    'DocumentNamespace: https://example.org/many-files',
    'Creator: Tool: hand',
    'Created: 2024-01-01T00:00:00Z',
    '',
    'PackageName: root',
    'SPDXID: SPDXRef-root',
    'PackageVersion: 1.0.0',
    'PackageDownloadLocation: NOASSERTION',
    'FilesAnalyzed: false',
    '',
    'PackageName: dep',
    'SPDXID: SPDXRef-dep',
    'PackageVersion: 2.0.0',
    'PackageDownloadLocation: NOASSERTION',
    '',
    'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-root',
  ];
  for (let i = 0; i < files; i++)
    lines.push(
      '',
      `FileName: ./src/f${i}.go`,
      `SPDXID: SPDXRef-f${i}`,
      `FileChecksum: SHA1: ${String(i).padStart(40, '0')}`,
    );
  for (let round = 0; round < 2; round++) {
    lines.push('Relationship: SPDXRef-root DEPENDS_ON SPDXRef-dep');
    for (let i = 0; i < files; i++) lines.push(`Relationship: SPDXRef-root CONTAINS SPDXRef-f${i}`);
  }
  const { sbom } = readSbom(lines.join('\n') + '\n');
  const root = sbom.dependencies.find((d) => d.ref === 'SPDXRef-root')!;
  assert.equal(root.dependsOn.length, files + 1);
  assert.equal(new Set(root.dependsOn).size, files + 1);
  assert.deepEqual(root.dependsOn.slice(0, 3), ['SPDXRef-dep', 'SPDXRef-f0', 'SPDXRef-f1']);
  assert.equal(allComponents(sbom).filter((c) => c.type === 'file').length, files);
});

test('a Maven "BOM" POM (often named bom.xml) is named for what it is, not "an unknown format"', () => {
  const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>platform-bom</artifactId>
  <version>3.1</version>
  <packaging>pom</packaging>
  <dependencyManagement><dependencies><dependency>
    <groupId>org.example</groupId><artifactId>core</artifactId><version>3.1</version>
  </dependency></dependencies></dependencyManagement>
</project>`;
  assert.throws(
    () => readSbom(pom, 'bom.xml'),
    (err: unknown) =>
      err instanceof UnsupportedDocumentError && /Maven POM/.test(err.message) && /sbom generate/.test(err.message),
  );
});
