import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { corpus, corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import type { Component, Sbom } from '../../../model/index.js';
import { UnreadableDocumentError } from '../../format.js';
import { generateNpmSbom } from './generate-npm-sbom.js';
import { hashesFromIntegrity } from './integrity.js';
import { npmPurl } from './npm-purl.js';

const isNpmLockfile = (p: string) =>
  /(package-lock[^/]*|npm-shrinkwrap)\.json$/.test(p) || /packagelockjson\/[^/]+\.json$/.test(p);

function generate(file: string) {
  const packageJsonPath = join(dirname(file), 'package.json');
  return generateNpmSbom({
    lockfileName: basename(file),
    lockfile: JSON.parse(readFileSync(file, 'utf8')),
    packageJson: existsSync(packageJsonPath) ? JSON.parse(readFileSync(packageJsonPath, 'utf8')) : undefined,
  });
}

const find = (sbom: Sbom, name: string, version: string): Component => {
  const c = sbom.components.find((x) => (x.group ? `${x.group}/${x.name}` : x.name) === name && x.version === version);
  assert.ok(c, `${name}@${version} is in the inventory`);
  return c;
};
const dependsOn = (sbom: Sbom, ref: string) => sbom.dependencies.find((d) => d.ref === ref)?.dependsOn ?? [];

test(
  'every npm lockfile of the corpora generates, with unique refs and edges that point at components',
  needsCorpora,
  () => {
    const files = corpusFiles('lockfiles', isNpmLockfile);
    assert.ok(files.length >= 45, `found ${files.length} npm lockfiles`);
    for (const file of files) {
      const { sbom } = generate(file);
      const refs = new Set([sbom.metadata.component!.ref, ...sbom.components.map((c) => c.ref)]);
      assert.equal(refs.size, sbom.components.length + 1, `${file}: refs are unique`);
      for (const d of sbom.dependencies)
        for (const r of d.dependsOn) assert.ok(refs.has(r), `${file}: ${d.ref} -> ${r}`);
      const purls = sbom.components.map((c) => c.purl).filter(Boolean);
      assert.equal(new Set(purls).size, purls.length, `${file}: one component per purl`);
    }
  },
);

test('a value that is not an npm lockfile is unreadable, with the reason', needsCorpora, () => {
  const lockfile = JSON.parse(
    readFileSync(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/null.v2.jsontest'), 'utf8'),
  );
  assert.throws(
    () => generateNpmSbom({ lockfileName: 'package-lock.json', lockfile }),
    (err: unknown) =>
      err instanceof UnreadableDocumentError && /package-lock\.json is not an npm lockfile/.test(err.message),
  );
  assert.throws(() => generateNpmSbom({ lockfileName: 'x.json', lockfile: { name: 'a' } }), UnreadableDocumentError);
});

test('lockfile v3 (ORT project-with-lockfile): scopes, edges, hashes, root', needsCorpora, () => {
  const file = corpus('lockfiles/ort-synthetic/node/npm/project-with-lockfile/package-lock.json');
  const { sbom, issues } = generate(file);
  // package.json: devDependencies cson, optionalDependencies promise and @lmdb/lmdb-darwin-arm64.
  assert.equal(find(sbom, 'cson', '4.1.0').dependencyScope, 'dev');
  assert.equal(find(sbom, 'cson', '4.1.0').scope, 'excluded');
  assert.equal(find(sbom, 'promise', '7.3.1').dependencyScope, 'optional');
  assert.equal(find(sbom, 'asap', '2.0.6').dependencyScope, 'optional', 'asap is only reached through promise');
  const cheerio = find(sbom, 'cheerio', '1.0.0-rc.1');
  assert.equal(cheerio.dependencyScope, 'prod');
  assert.equal(cheerio.scope, 'required');
  assert.ok(dependsOn(sbom, cheerio.ref).includes(find(sbom, 'css-select', '1.2.0').ref));
  const typesNode = find(sbom, '@types/node', '22.9.0');
  assert.equal(typesNode.purl, 'pkg:npm/%40types/node@22.9.0');
  assert.equal(typesNode.group, '@types', 'npm scopes keep their @ in group, as cyclonedx-npm and cdxgen write them');
  assert.ok(dependsOn(sbom, find(sbom, 'parse5', '3.0.3').ref).includes(typesNode.ref));
  // The lockfile's sha512 integrity of asap, decoded by hand from its base64.
  const asap = find(sbom, 'asap', '2.0.6');
  assert.deepEqual(
    asap.hashes.map((h) => h.alg),
    ['SHA-512'],
  );
  assert.equal(
    asap.hashes[0]!.content,
    Buffer.from(
      'BSHWgDSAiKs50o2Re8ppvp3seVHXSRM44cdSsT9FfNEUUZLOGWVCsiWaRPWM1Znn+mqZ1OfVZ3z3DWEzSp7hRA==',
      'base64',
    ).toString('hex'),
  );
  assert.deepEqual(asap.externalReferences, [
    { type: 'distribution', url: 'https://registry.npmjs.org/asap/-/asap-2.0.6.tgz' },
  ]);
  assert.equal(asap.licenses.declared?.raw, undefined, 'lockfile has no licence for asap and nothing is installed');
  assert.equal(find(sbom, '@lmdb/lmdb-darwin-arm64', '3.0.13').licenses.declared?.expression, 'MIT');
  // git dependency: version from the lockfile, source as a vcs reference.
  const webAnimations = find(sbom, 'web-animations-js', '2.3.2');
  assert.equal(webAnimations.externalReferences[0]?.type, 'vcs');
  const root = sbom.metadata.component!;
  assert.equal(root.name, 'npm-package-lock');
  assert.equal(root.type, 'application');
  assert.equal(root.licenses.declared?.expression, 'Apache-2.0');
  assert.deepEqual(root.authors, [{ name: 'The Author', email: 'the.author@mail.example' }]);
  assert.deepEqual(
    [...dependsOn(sbom, root.ref)].sort(),
    [
      find(sbom, 'cheerio', '1.0.0-rc.1'),
      find(sbom, 'long', '3.2.0'),
      webAnimations,
      find(sbom, 'cson', '4.1.0'),
      find(sbom, 'promise', '7.3.1'),
      find(sbom, '@lmdb/lmdb-darwin-arm64', '3.0.13'),
    ]
      .map((c) => c.ref)
      .sort(),
  );
  assert.equal(sbom.dependencyCompleteness, 'complete');
  assert.deepEqual(sbom.metadata.lifecycles, ['pre-build']);
  assert.equal(issues.filter((i) => i.severity !== 'info').length, 0);
});

test(
  'lockfile v1 (cdxgen x-tag): nested paths resolve to the nearest copy; dev flags; bundled packages',
  needsCorpora,
  () => {
    const file = corpus('lockfiles/cdxgen/data/package-lock-v1.json');
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const { sbom } = generate(file);
    // chalk is a dev package that requires supports-color and has its own nested copy of it.
    const chalk = find(sbom, 'chalk', raw.dependencies.chalk.version);
    assert.equal(chalk.dependencyScope, 'dev');
    const nested = find(sbom, 'supports-color', raw.dependencies.chalk.dependencies['supports-color'].version);
    assert.ok(nested.evidence!.includes('node_modules/chalk/node_modules/supports-color'));
    assert.ok(dependsOn(sbom, chalk.ref).includes(nested.ref));
    // npm@6 bundles its dependencies (`bundled: true` in v1).
    const npm = find(sbom, 'npm', raw.dependencies.npm.version);
    assert.equal(npm.dependencyScope, 'prod');
    const abbrevVersion = raw.dependencies.npm.dependencies.abbrev.version;
    const abbrev = find(sbom, 'abbrev', abbrevVersion);
    assert.ok(dependsOn(sbom, npm.ref).includes(abbrev.ref));
    assert.ok(abbrev.properties.some((p) => p.name === 'cdx:npm:package:bundled'));
    assert.equal(sbom.dependencyCompleteness, 'incomplete', 'v1 records no peer dependencies');
  },
);

test('aliases get the purl of the real package; one component per name@version', needsCorpora, () => {
  for (const name of ['alias.v1.json', 'alias.v2.json']) {
    const { sbom } = generate(corpus('lockfiles/osv-scalibr/javascript/packagelockjson', name));
    const purls = sbom.components.map((c) => c.purl).sort();
    assert.deepEqual(
      purls,
      ['pkg:npm/%40babel/code-frame@7.0.0', 'pkg:npm/string-width@4.2.0', 'pkg:npm/string-width@5.1.2'],
      name,
    );
    const aliased = sbom.components.find((c) => c.purl === 'pkg:npm/string-width@4.2.0')!;
    assert.deepEqual(aliased.properties, [{ name: 'vigie:npm:alias', value: 'string-width-cjs' }]);
  }
});

test(
  'workspaces: the root depends on each workspace; workspace folders are libraries with their own edges',
  needsCorpora,
  () => {
    const { sbom } = generate(corpus('lockfiles/ort-synthetic/node/npm/workspaces/package-lock.json'));
    const pkg1 = find(sbom, '@scope1/pkg1', '1.0.0');
    const pkg2 = find(sbom, 'pkg2', '1.0.0');
    assert.deepEqual(pkg1.evidence, ['packages/pkg1']);
    assert.ok(dependsOn(sbom, sbom.metadata.component!.ref).includes(pkg1.ref));
    assert.ok(dependsOn(sbom, pkg1.ref).includes(pkg2.ref), 'pkg1 -> pkg2 through the node_modules/pkg2 link');
    // pkg2 gets its own harp-fetch 0.3.6 (packages/pkg2/node_modules), pkg1 the hoisted 0.11.0.
    assert.ok(dependsOn(sbom, pkg2.ref).includes(find(sbom, '@here/harp-fetch', '0.3.6').ref));
    assert.ok(dependsOn(sbom, pkg1.ref).includes(find(sbom, '@here/harp-fetch', '0.11.0').ref));
  },
);

test(
  'the generator asks for installed manifests and takes licence, authors, repository from them',
  needsCorpora,
  () => {
    const asked: string[] = [];
    const { sbom, issues } = generateNpmSbom({
      lockfileName: 'package-lock.json',
      lockfile: JSON.parse(
        readFileSync(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/one-package-dev.v2.json'), 'utf8'),
      ),
      installedManifest: (path) => {
        asked.push(path);
        return {
          name: 'wrappy',
          version: '1.0.2',
          licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }],
          repository: 'npm/wrappy',
          contributors: ['A B <a@b.example> (https://x)'],
        };
      },
    });
    assert.deepEqual(asked, ['node_modules/wrappy']);
    const wrappy = sbom.components[0]!;
    assert.deepEqual(wrappy.licenses.declared, {
      raw: 'MIT AND GPL-2.0',
      entries: [{ name: 'MIT' }, { name: 'GPL-2.0' }],
    });
    assert.deepEqual(wrappy.externalReferences[0], { type: 'vcs', url: 'https://github.com/npm/wrappy' });
    assert.deepEqual(wrappy.authors, [{ name: 'A B', email: 'a@b.example' }]);
    assert.deepEqual(sbom.metadata.lifecycles, ['build']);
    assert.equal(issues.length, 0);
    // A stale node_modules (another version installed) is reported and its metadata ignored.
    const stale = generateNpmSbom({
      lockfileName: 'package-lock.json',
      lockfile: JSON.parse(
        readFileSync(corpus('lockfiles/osv-scalibr/javascript/packagelockjson/one-package-dev.v2.json'), 'utf8'),
      ),
      installedManifest: () => ({ name: 'wrappy', version: '9.9.9', license: 'MIT' }),
    });
    assert.equal(stale.sbom.components[0]!.licenses.declared, undefined);
    assert.deepEqual(
      stale.issues.map((i) => i.code),
      ['npm-installed-mismatch'],
    );
  },
);

test('npm purls agree with packageurl-js', () => {
  for (const [name, version] of [
    ['@babel/code-frame', '7.0.0'],
    ['left-pad', '1.0.0'],
    ['@types/node', '22.9.0-beta.1'],
  ] as const) {
    const slash = name.indexOf('/');
    const oracle = name.startsWith('@')
      ? new PackageURL('npm', name.slice(0, slash), name.slice(slash + 1), version, undefined, undefined)
      : new PackageURL('npm', undefined, name, version, undefined, undefined);
    assert.equal(npmPurl(name, version), oracle.toString());
  }
  // packageurl-js leaves `+` bare; Vigie's canonical form (src/model/purl) encodes it, as the spec's
  // "everything but unreserved characters" rule says.
  assert.equal(npmPurl('left-pad', '1.0.0+build.1'), 'pkg:npm/left-pad@1.0.0%2Bbuild.1');
});

test('SRI integrity becomes lower-case hex of the same bytes', () => {
  const sri =
    'sha512-BSHWgDSAiKs50o2Re8ppvp3seVHXSRM44cdSsT9FfNEUUZLOGWVCsiWaRPWM1Znn+mqZ1OfVZ3z3DWEzSp7hRA== sha1-5QNHYR1+aQlDIIu9r+vLwvuGbUY=';
  assert.deepEqual(hashesFromIntegrity(sri), [
    { alg: 'SHA-512', content: Buffer.from(sri.split(' ')[0]!.slice(7), 'base64').toString('hex') },
    // ORT's expected output gives this SHA-1 for asap 2.0.6 as e50347611d7e690943208bbdafebcbc2fb866d46.
    { alg: 'SHA-1', content: 'e50347611d7e690943208bbdafebcbc2fb866d46' },
  ]);
  assert.deepEqual(hashesFromIntegrity('md5-xyz not-sri'), []);
});

test('git dependencies: vcs reference at the locked commit, purl with vcs_url, commit as version when none (ADR 48)', () => {
  const slick = '280b560161b751ba226d50c7db1e0a14a78c2de0';
  const isNumber = 'af885e2e890b9ef0875edd2b117305119ee5bdc5';
  // lockfile v3 as npm 9 writes git dependencies: the package's own version, the commit in `resolved`.
  const { sbom } = generateNpmSbom({
    lockfileName: 'package-lock.json',
    lockfile: {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { slick: 'github:brianfryer/slick', 'is-number': '*' } },
        'node_modules/slick': {
          version: '1.6.0',
          resolved: `git+ssh://git@github.com/brianfryer/slick.git#${slick}`,
          license: 'MIT',
        },
        'node_modules/is-number': {
          version: '7.0.0',
          resolved: `git+https://dummy-token@github.com/jonschlinkert/is-number.git#${isNumber}`,
        },
      },
    },
  });
  const slickC = find(sbom, 'slick', '1.6.0');
  assert.equal(
    slickC.purl,
    `pkg:npm/slick@1.6.0?vcs_url=git%2Bssh:%2F%2Fgit%40github.com%2Fbrianfryer%2Fslick.git%40${slick}`,
  );
  assert.deepEqual(slickC.externalReferences, [
    { type: 'vcs', url: `git+ssh://git@github.com/brianfryer/slick.git#${slick}` },
  ]);
  const purl = PackageURL.fromString(slickC.purl!);
  assert.equal(purl.qualifiers?.vcs_url, `git+ssh://git@github.com/brianfryer/slick.git@${slick}`);
  const isNumberC = find(sbom, 'is-number', '7.0.0');
  assert.deepEqual(isNumberC.externalReferences, [
    { type: 'vcs', url: `git+https://github.com/jonschlinkert/is-number.git#${isNumber}` },
  ]);
  assert.ok(!JSON.stringify(sbom).includes('dummy-token'), 'the token in the URL is not copied');
  assert.ok(dependsOn(sbom, sbom.metadata.component!.ref).includes(slickC.ref));

  // lockfile v1 writes the git spec as version: the commit is the version.
  const v1 = generateNpmSbom({
    lockfileName: 'package-lock.json',
    lockfile: {
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        'babel-preset-php': {
          version: 'gitlab:kornelski/babel-preset-php#c5a7ba5e0ad98b8db1cb8ce105403dd4b768cced',
          from: 'gitlab:kornelski/babel-preset-php#main',
        },
      },
    },
  }).sbom;
  const php = find(v1, 'babel-preset-php', 'c5a7ba5e0ad98b8db1cb8ce105403dd4b768cced');
  assert.equal(
    PackageURL.fromString(php.purl!).qualifiers?.vcs_url,
    'git+https://gitlab.com/kornelski/babel-preset-php@c5a7ba5e0ad98b8db1cb8ce105403dd4b768cced',
  );
  assert.deepEqual(php.externalReferences, [
    { type: 'vcs', url: 'git+https://gitlab.com/kornelski/babel-preset-php#c5a7ba5e0ad98b8db1cb8ce105403dd4b768cced' },
  ]);
});

test(
  'osv-scalibr commits.v1/v2: every git dependency has a version, a vcs reference and a vcs_url',
  needsCorpora,
  () => {
    for (const name of ['commits.v1.json', 'commits.v2.json']) {
      const { sbom } = generate(corpus(`lockfiles/osv-scalibr/javascript/packagelockjson/${name}`));
      const git = sbom.components.filter((c) => c.purl?.includes('vcs_url='));
      assert.ok(git.length >= 5, `${name}: ${git.length} git dependencies`);
      for (const c of git) {
        assert.ok(c.version, `${name}: ${c.name} has a version`);
        assert.equal(c.externalReferences.filter((r) => r.type === 'vcs').length, 1, `${name}: ${c.name}`);
        assert.ok(PackageURL.fromString(c.purl!).qualifiers?.vcs_url?.match(/@[0-9a-f]{40}$/), c.purl);
      }
      assert.ok(!JSON.stringify(sbom).includes('dummy-token'), `${name}: no token copied`);
    }
  },
);
