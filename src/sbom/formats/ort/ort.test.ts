import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import { componentsByRef, adjacency } from '../../graph.js';
import { UnreadableDocumentError } from '../../format.js';
import { ortResult } from './index.js';
import { splitQualifiedScope } from './dependency-graphs.js';
import { parseOrtIdentifier } from './identifier.js';

const read = (path: string) => readFileSync(path, 'utf8');
const decodeFile = (path: string) => ortResult.decode({ text: read(path), name: path });
const isExpectedOutput = (p: string) => /expected-output/.test(p);

test(
  'every ORT expected analyzer output is identified and decoded, with every listed package present',
  needsCorpora,
  () => {
    const files = corpusFiles('lockfiles/ort-synthetic', isExpectedOutput);
    let decoded = 0;
    for (const file of files) {
      const text = read(file);
      const source = parse(text) as Record<string, unknown>;
      const identification = ortResult.identify(text.slice(0, 65536));
      if (!('project' in source) && !('projects' in source)) {
        // swiftpm's registry configuration shares the name pattern but is not an analyzer result.
        assert.equal(identification, undefined, file);
        continue;
      }
      assert.equal(identification?.specVersion, 'analyzer-result', file);
      const { sbom } = ortResult.decode({ text, name: file });
      const refs = componentsByRef(sbom);
      const packages = (source.packages as { id: string }[] | undefined) ?? [];
      for (const p of packages) assert.ok(refs.has(p.id), `${file}: ${p.id} missing`);
      const projects = 'project' in source ? [source.project] : (source.projects as unknown[]);
      const projectIds = projects.map((p) => (p as { id: string }).id);
      if (projectIds.length === 1) assert.equal(sbom.metadata.component?.ref, projectIds[0], file);
      else {
        // Several projects: the primary stands for the repository and holds them (issue 8 item 9).
        assert.deepEqual(
          sbom.metadata.component?.components?.map((c) => c.ref),
          projectIds,
          file,
        );
        assert.ok(!sbom.components.some((c) => projectIds.includes(c.ref)), `${file}: a project listed as a package`);
      }
      decoded++;
    }
    assert.equal(decoded, files.length - 1);
    assert.ok(decoded >= 95, `only ${decoded} decoded`);
  },
);

test('npm project: scopes, edges, purl, group, hashes and licences match the YAML', needsCorpora, () => {
  const { sbom } = decodeFile(corpus('lockfiles/ort-synthetic/node/npm/project-with-lockfile-expected-output.yml'));
  const refs = componentsByRef(sbom);
  const edges = adjacency(sbom);
  assert.equal(sbom.source.specVersion, 'analyzer-result');
  assert.equal(sbom.components.length, 36);
  assert.deepEqual(edges.get('NPM::npm-package-lock:1.0.0'), [
    'NPM::cheerio:1.0.0-rc.1',
    'NPM::long:3.2.0',
    'NPM::promise:7.3.1',
    'NPM::web-animations-js:2.3.2',
    'NPM::cson:4.1.0',
  ]);
  assert.deepEqual(edges.get('NPM::cheerio:1.0.0-rc.1'), [
    'NPM::css-select:1.2.0',
    'NPM::dom-serializer:0.1.1',
    'NPM::entities:1.1.2',
    'NPM::htmlparser2:3.10.1',
    'NPM::lodash:4.17.21',
    'NPM::parse5:3.0.3',
  ]);
  assert.equal(refs.get('NPM::cheerio:1.0.0-rc.1')?.dependencyScope, 'prod');
  assert.equal(refs.get('NPM::cson:4.1.0')?.dependencyScope, 'dev');
  assert.equal(refs.get('NPM::coffee-script:1.12.7')?.dependencyScope, 'dev');
  // undici-types is reached only under "dependencies" (cheerio → parse5 → @types/node).
  assert.equal(refs.get('NPM::undici-types:6.19.8')?.dependencyScope, 'prod');

  const types = refs.get('NPM:@types:node:22.9.0');
  assert.equal(types?.group, '@types');
  assert.equal(types?.name, 'node');
  assert.equal(types?.purl, 'pkg:npm/%40types/node@22.9.0');

  const asap = refs.get('NPM::asap:2.0.6');
  assert.equal(asap?.licenses.declared?.raw, 'MIT');
  assert.equal(asap?.licenses.declared?.expression, 'MIT');
  assert.equal(asap?.description, 'High-priority task queue for Node.js and browsers');
  const source = asap?.externalReferences.find((r) => r.comment === 'source artifact');
  assert.equal(source?.url, 'https://registry.npmjs.org/asap/-/asap-2.0.6.tgz');
  assert.deepEqual(source?.hashes, [{ alg: 'SHA-1', content: 'e50347611d7e690943208bbdafebcbc2fb866d46' }]);
  assert.equal(asap?.externalReferences.find((r) => r.type === 'vcs')?.url, 'https://github.com/kriskowal/asap.git');
  assert.equal(
    asap?.externalReferences.some((r) => r.comment === 'binary artifact'),
    false,
    'empty binary artifact is skipped',
  );
  assert.deepEqual(refs.get('NPM::boolbase:1.0.0')?.authors, [{ name: 'Felix Boehm' }]);

  const project = sbom.metadata.component;
  assert.equal(project?.type, 'application');
  assert.equal(project?.purl, undefined);
  // Placeholders are data like any other string.
  assert.match(project?.externalReferences.find((r) => r.type === 'vcs')?.comment ?? '', /<REPLACE_VCS_REVISION>/);
});

test('shared dependency graph with scope_roots: edges and scope from indexes', needsCorpora, () => {
  const { sbom, issues } = decodeFile(corpus('ort/results/analyzer-result-with-dependency-graph.yml'));
  const refs = componentsByRef(sbom);
  const edges = adjacency(sbom);
  assert.deepEqual(edges.get('Maven:com.vdurmont:semver4j:3.1.0'), [
    'Maven:junit:junit:4.12',
    'Maven:org.mockito:mockito-all:1.10.19',
  ]);
  assert.deepEqual(edges.get('Maven:junit:junit:4.12'), ['Maven:org.hamcrest:hamcrest-core:1.3']);
  assert.equal(refs.get('Maven:org.hamcrest:hamcrest-core:1.3')?.dependencyScope, 'dev');
  const junit = refs.get('Maven:junit:junit:4.12');
  assert.equal(junit?.group, 'junit');
  assert.equal(junit?.licenses.declared?.raw, 'Eclipse Public License 1.0');
  assert.equal(junit?.licenses.declared?.expression, 'EPL-1.0');
  assert.equal(junit?.licenses.concluded?.expression, 'EPL-1.0');
  assert.deepEqual(junit?.externalReferences.find((r) => r.comment === 'binary artifact')?.hashes, [
    { alg: 'SHA-1', content: '2973d150c0dc1fefe998f834810d68f278ea58ec' },
  ]);
  assert.equal(sbom.metadata.timestamp, '2021-04-26T05:48:13.604832Z');
  assert.deepEqual(sbom.metadata.tools, [{ name: 'OSS Review Toolkit', version: '9d23fdf' }]);
  assert.ok(
    sbom.metadata.properties.some(
      (p) => p.name === 'ort:label:projectName' && p.value === 'Semver4jNewDependencyGraphShared',
    ),
  );
  assert.deepEqual(issues, []);
});

test(
  'shared dependency graph with nodes and edges (default indexes left out) gives the same structure',
  needsCorpora,
  () => {
    const { sbom, issues } = decodeFile(corpus('ort/results/semver4j-analyzer-result-linux.yml'));
    const edges = adjacency(sbom);
    // nodes [pkg 1, {} = pkg 0, pkg 2]; edge 1 → 0 is junit → hamcrest.
    assert.deepEqual(edges.get('Maven:junit:junit:4.12'), ['Maven:org.hamcrest:hamcrest-core:1.3']);
    assert.deepEqual(edges.get('Maven:com.vdurmont:semver4j:3.1.0'), [
      'Maven:junit:junit:4.12',
      'Maven:org.mockito:mockito-all:1.10.19',
    ]);
    assert.deepEqual(issues, []);
  },
);

test('analyzer issues, tree issues and linkage are kept', needsCorpora, () => {
  const { sbom, issues } = decodeFile(corpus('ort/evaluated-model/reporter-test-input.yml'));
  const refs = componentsByRef(sbom);
  assert.ok(
    issues.some(
      (i) =>
        i.code === 'ort-issue' &&
        i.component === 'Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0' &&
        /Example error\./.test(i.message),
    ),
  );
  assert.ok(
    issues.some(
      (i) =>
        i.code === 'ort-issue' &&
        i.component === 'Maven:org.apache.commons:commons-text:1.1' &&
        /Example analyzer warning in included package/.test(i.message),
    ),
  );
  assert.ok(issues.every((i) => i.severity === 'info' || i.code === 'dangling-ref'));
  assert.ok(refs.has('Maven:org.example.test:component:1.11'), 'a dependency without package entry is kept as a stub');
  const { sbom: gradle } = decodeFile(corpus('ort/results/ort-analyzer-result.yml'));
  const lib = componentsByRef(gradle).get('Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0');
  assert.ok(lib?.properties.some((p) => p.name === 'ort:linkage' && p.value === 'PROJECT_DYNAMIC'));
  assert.equal(lib?.type, 'application');
});

test('evaluated model: tables resolved, trees give edges and scopes, JSON and YAML agree', needsCorpora, () => {
  const fromJson = decodeFile(corpus('ort/evaluated-model/evaluated-model-reporter-test-expected-output.json'));
  const fromYaml = decodeFile(corpus('ort/evaluated-model/evaluated-model-reporter-test-expected-output.yml'));
  assert.deepEqual(fromJson, fromYaml);
  const { sbom, issues } = fromJson;
  assert.equal(sbom.source.specVersion, 'evaluated-model');
  const refs = componentsByRef(sbom);
  const edges = adjacency(sbom);
  assert.deepEqual(
    sbom.metadata.component?.components?.map((c) => c.ref),
    ['Gradle:org.ossreviewtoolkit:nested-fake-project:1.0.0', 'Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0'],
  );
  assert.deepEqual(edges.get('Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0'), [
    'Maven:org.apache.commons:commons-text:1.1',
    'Maven:org.example.test:component:1.11',
    'Ant:junit:junit:4.12',
  ]);
  assert.deepEqual(edges.get('Ant:junit:junit:4.12'), [
    'Maven:com.foobar:foobar:1.0',
    'Maven:com.h2database:h2:1.4.200',
    'Maven:org.hamcrest:hamcrest-core:1.3',
  ]);
  const h2 = refs.get('Maven:com.h2database:h2:1.4.200');
  assert.equal(h2?.licenses.declared?.raw, 'MPL 2.0 or EPL 1.0');
  assert.equal(h2?.licenses.declared?.expression, 'MPL-2.0 OR EPL-1.0');
  assert.equal(h2?.licenses.concluded?.expression, 'MPL-2.0 OR EPL-1.0');
  assert.equal(h2?.licenses.effective?.expression, 'MPL-2.0');
  assert.equal(h2?.dependencyScope, 'testCompile');
  assert.equal(h2?.scope, 'excluded');
  assert.equal(refs.get('Maven:org.apache.commons:commons-text:1.1')?.dependencyScope, 'prod');
  assert.equal(refs.get('Ant:junit:junit:4.12')?.purl, 'pkg:maven/junit/junit@4.12');
  const project = refs.get('Gradle:org.ossreviewtoolkit:nested-fake-project:1.0.0');
  assert.equal(project?.copyright, undefined, 'copyrights found only in excluded paths are not the package copyright');
  assert.equal(
    refs.get('Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0')?.copyright,
    'Copyright (c) example authors.',
  );
  assert.equal(issues.filter((i) => i.code === 'ort-issue').length, 24);
  const violations = issues.filter((i) => i.code === 'ort-rule-violation');
  assert.equal(violations.length, 3);
  assert.ok(
    violations.some(
      (v) => v.component === 'Ant:junit:junit:4.12' && /EPL-1\.0 error/.test(v.message) && /rule 1/.test(v.message),
    ),
  );
  assert.equal(sbom.metadata.tools[0]?.version, '72463cc');
});

test('identify tells the layouts apart and leaves other documents alone', needsCorpora, () => {
  const id = (path: string) => ortResult.identify(read(path).slice(0, 65536))?.specVersion;
  assert.equal(id(corpus('ort/results/ort-analyzer-result.yml')), 'analyzer-result');
  assert.equal(id(corpus('ort/evaluated-model/evaluated-model-reporter-test-expected-output.json')), 'evaluated-model');
  assert.equal(id(corpus('ort/evaluated-model/evaluated-model-reporter-test-expected-output.yml')), 'evaluated-model');
  for (const other of [
    'sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json',
    'sboms/spdx/spec-examples/v2.3/SPDXYAMLExample-2.3.spdx.yaml',
    'lockfiles/ort-synthetic/spdx-document-file/DEPENDS_ON-packages/project-xyz.spdx.yml',
    'ort/spdx-mappings/declared-license-mapping.yml',
  ]) {
    assert.equal(ortResult.identify(read(corpus(other)).slice(0, 65536)), undefined, other);
  }
  assert.equal(ortResult.identify('{"bomFormat":"CycloneDX","specVersion":"1.6"}'), undefined);
  assert.equal(ortResult.identify('project:\n  name: my thing\n'), undefined);
});

test('malformed documents throw UnreadableDocumentError with a line; content problems are Issues', () => {
  assert.throws(
    () => ortResult.decode({ text: 'repository:\n  vcs:\n    url: "x\nanalyzer: [\n' }),
    (e: unknown) =>
      e instanceof UnreadableDocumentError && typeof e.line === 'number' && /YAML at line/.test(e.message),
  );
  assert.throws(
    () => ortResult.decode({ text: '{\n  "repository": {\n    "vcs": ,\n  }\n}' }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 3,
  );
  assert.throws(() => ortResult.decode({ text: '- just\n- a list\n' }), UnreadableDocumentError);
  const { sbom, issues } = ortResult.decode({
    text: 'project:\n  id: "NPM::app:1.0.0"\n  scopes:\n  - name: dependencies\n    dependencies:\n    - id: "NPM::gone:1.0.0"\npackages:\n- purl: "pkg:npm/x@1"\n- id: "NPM::bad:1.0.0"\n  purl: "not a purl"\n',
  });
  assert.deepEqual(issues.map((i) => i.code).sort(), ['dangling-ref', 'invalid-purl', 'missing-identifier']);
  assert.equal(componentsByRef(sbom).get('NPM::bad:1.0.0')?.purl, 'pkg:npm/bad@1.0.0');
});

test('identifier and qualified scope splitting follow ORT (first separators only)', () => {
  assert.deepEqual(parseOrtIdentifier('NPM:@types:node:22.9.0'), {
    type: 'NPM',
    namespace: '@types',
    name: 'node',
    version: '22.9.0',
  });
  assert.deepEqual(parseOrtIdentifier('Go::github.com/a/b:v1.0.0+incompatible:x'), {
    type: 'Go',
    namespace: '',
    name: 'github.com/a/b',
    version: 'v1.0.0+incompatible:x',
  });
  assert.deepEqual(splitQualifiedScope('com.vdurmont:semver4j:3.1.0:test'), {
    qualifier: 'com.vdurmont:semver4j:3.1.0',
    scopeName: 'test',
  });
  assert.deepEqual(splitQualifiedScope('::app:1:dev:extra'), { qualifier: '::app', scopeName: '1:dev:extra' });
});
