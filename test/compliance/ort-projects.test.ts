// Issue 8 item 9: ORT's projects (`is_project` packages, analyzer `projects`) are the release's own
// projects, not third-party usages: each package is a usage in the projects whose trees reach it,
// named by the project's ORT identifier as Hermine's import names them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planImport, type ImportPlan } from '../../src/compliance/release-plan.js';
import { readSbom } from '../../src/sbom/read.js';
import { corpus, needsCorpora } from '../support/corpora.js';

const nameOf = (plan: ImportPlan, version: number) => plan.components[plan.versions[version]!.component]!.name;
const usagesOf = (plan: ImportPlan) =>
  [...new Set(plan.usages.map((u) => `${nameOf(plan, u.version)}|${u.project}`))].sort();

const TWO_PROJECTS = `
repository:
  vcs_processed:
    type: "Git"
    url: "https://example.com/acme/shop.git"
    revision: "abc"
analyzer:
  result:
    projects:
    - id: "NPM::shop-api:1.0.0"
      definition_file_path: "api/package.json"
      scopes:
      - name: "dependencies"
        dependencies:
        - id: "NPM::express:4.18.2"
          dependencies:
          - id: "NPM::debug:2.6.9"
      - name: "devDependencies"
        dependencies:
        - id: "NPM::jest:29.7.0"
    - id: "NPM::shop-web:1.0.0"
      definition_file_path: "web/package.json"
      scopes:
      - name: "dependencies"
        dependencies:
        - id: "NPM::shop-api:1.0.0"
          linkage: "PROJECT_DYNAMIC"
          dependencies:
          - id: "NPM::express:4.18.2"
            dependencies:
            - id: "NPM::debug:2.6.9"
        - id: "NPM::react:18.2.0"
    packages:
    - id: "NPM::express:4.18.2"
      declared_licenses: ["MIT"]
    - id: "NPM::debug:2.6.9"
      declared_licenses: ["MIT"]
    - id: "NPM::jest:29.7.0"
      declared_licenses: ["MIT"]
    - id: "NPM::react:18.2.0"
      declared_licenses: ["MIT"]
`;

test('two projects: neither is a usage; each package is a usage in the projects that reach it', () => {
  const { sbom, issues } = readSbom(TWO_PROJECTS, 'shop-ort-result.yml');
  assert.deepEqual(issues, []);
  const primary = sbom.metadata.component!;
  assert.equal(primary.name, 'shop', 'the primary stands for the analysed repository');
  assert.deepEqual(
    primary.components?.map((p) => [p.ref, p.evidence]),
    [
      ['NPM::shop-api:1.0.0', ['api/package.json']],
      ['NPM::shop-web:1.0.0', ['web/package.json']],
    ],
  );
  const plan = planImport(sbom);
  assert.deepEqual(usagesOf(plan), [
    'debug|NPM::shop-api:1.0.0',
    'debug|NPM::shop-web:1.0.0', // web's tree lists what the api project brings, not its devDependencies
    'express|NPM::shop-api:1.0.0',
    'express|NPM::shop-web:1.0.0',
    'jest|NPM::shop-api:1.0.0',
    'react|NPM::shop-web:1.0.0',
  ]);
  assert.ok(!plan.components.some((c) => c.name.startsWith('shop')), 'no component, version or usage for a project');
  // Scope names stay as ORT wrote them, per project.
  const jest = plan.usages.filter((u) => nameOf(plan, u.version) === 'jest').map((u) => `${u.project}|${u.scope}`);
  assert.deepEqual(jest, ['NPM::shop-api:1.0.0|devDependencies']);
  assert.deepEqual([...new Set(plan.usages.map((u) => u.scope))].sort(), ['dependencies', 'devDependencies']);
  const top = plan.edges
    .filter((e) => e.parent === null)
    .map((e) => `${e.project}>${nameOf(plan, e.child)}`)
    .sort();
  assert.deepEqual(top, ['NPM::shop-api:1.0.0>express', 'NPM::shop-api:1.0.0>jest', 'NPM::shop-web:1.0.0>react']);
});

test('ORT corpus: the Gradle build and the evaluated model make no usage of a project', needsCorpora, () => {
  for (const [file, projects] of [
    ['ort/results/ort-analyzer-result.yml', ['Gradle-Example', 'app', 'lib', 'lib-without-repo']],
    ['ort/evaluated-model/evaluated-model-reporter-test-expected-output.json', ['nested-fake-project', 'lib']],
    ['ort/evaluated-model/evaluated-model-reporter-test-expected-output.yml', ['nested-fake-project', 'lib']],
  ] as const) {
    const path = corpus(file);
    const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
    assert.deepEqual(
      sbom.metadata.component?.components?.map((c) => c.name),
      projects,
      file,
    );
    const plan = planImport(sbom);
    for (const name of projects)
      assert.ok(!plan.components.some((c) => c.name === name), `${file}: project ${name} is no usage`);
    const usages = usagesOf(plan);
    assert.ok(usages.includes('commons-text|Gradle:org.ossreviewtoolkit.gradle.example:lib:1.0.0'), file);
  }
  const path = corpus('ort/results/ort-analyzer-result.yml');
  const usages = usagesOf(planImport(readSbom(readFileSync(path, 'utf8'), path).sbom));
  // app depends on the lib project (PROJECT_DYNAMIC): lib's packages ship in app too.
  assert.ok(usages.includes('commons-lang3|Gradle:org.ossreviewtoolkit.gradle.example:app:1.0.0'));
  assert.ok(usages.includes('junit|Gradle:org.ossreviewtoolkit.gradle.example:lib-without-repo:1.0.0'));
});

test(
  'a single-project result keeps its project as the primary component and its usages in the root project',
  needsCorpora,
  () => {
    const path = corpus('ort/results/analyzer-result-with-dependency-graph.yml');
    const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
    assert.equal(sbom.metadata.component?.ref, 'Maven:com.vdurmont:semver4j:3.1.0');
    const plan = planImport(sbom);
    assert.deepEqual([...new Set(plan.usages.map((u) => u.project))], ['']);
    assert.ok(!plan.components.some((c) => c.name === 'semver4j'));
  },
);
