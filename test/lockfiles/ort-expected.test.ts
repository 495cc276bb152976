// Our inventory of ORT's synthetic projects beside ORT's own analyzer result for them
// (`*-expected-output.yml`): the same packages, except the differences listed with their reason.
// (npm has its own, finer comparison with edges in src/sbom/generators/npm/ort-expected-output.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { corpus, needsCorpora } from '../support/corpora.js';
import { generateInventory } from '../../src/services/generate-inventory.js';
import { ortId } from './support.js';

const ORT = 'lockfiles/ort-synthetic';
interface Case {
  expected: string;
  folder: string;
  /** Packages only we list → why. */
  onlyOurs?: Record<string, string>;
  onlyTheirs?: Record<string, string>;
}

const FSEVENTS =
  'optional macOS-only package: ORT ran npm/yarn/pnpm on Linux, which skips it; the lockfile lists it (scope optional)';
const BABEL_MAC_ONLY = Object.fromEntries(
  ['NPM::fsevents:1.2.13', 'NPM::bindings:1.5.0', 'NPM::file-uri-to-path:1.0.0', 'NPM::nan:2.22.0'].map((id) => [
    id,
    FSEVENTS,
  ]),
);
const BUNDLER_NEWER =
  "ORT's expected output was recorded against an older Gemfile.lock; the corpus lockfile pins nokogiri 1.19.3 and parallel 2.1.0, which is what we read";
const POD_SUBSPEC =
  'a CocoaPods subspec is part of its pod: one component per pod, its subspecs in the vigie:cocoapods:subspecs property (ORT lists each subspec as a package)';
const POD_COMMIT =
  'a pod checked out from git at a commit: we keep the version the lockfile states and the commit as a vcs reference; ORT appends the commit to the version';
const SWIFT_UNVERSIONED =
  'a pin on a bare revision takes the commit as its version (as cdxgen does), ORT writes "revision-<commit>"; a pin with neither version nor revision (swift-crypto, state null) or on a branch only (braze) has no version and no purl';
const subspecs = (pod: string, version: string, names: string[]) =>
  Object.fromEntries(names.map((n) => [`Pod::${pod}/${n}:${version}`, POD_SUBSPEC]));
const GO_PRUNED =
  'go.mod requires it, but ORT asks Go for the modules of the packages actually imported, and no imported package needs it';

const CASES: Case[] = [
  {
    expected: 'node/yarn/babel-expected-output.yml',
    folder: 'node/yarn/babel',
    onlyOurs: BABEL_MAC_ONLY,
  },
  { expected: 'node/yarn/project-with-lockfile-expected-output.yml', folder: 'node/yarn/project-with-lockfile' },
  { expected: 'node/yarn/workspaces-expected-output.yml', folder: 'node/yarn/workspaces' },
  {
    expected: 'node/yarn/dangling-linked-references-expected-output.yml',
    folder: 'node/yarn/dangling-linked-references',
  },
  {
    expected: 'node/yarn/alias-use-for-transitive-deps-expected-output.yml',
    folder: 'node/yarn/alias-use-for-transitive-deps',
    onlyOurs: Object.fromEntries(
      ['NPM::ansi-styles:4.3.0', 'NPM::color-convert:2.0.1', 'NPM::color-name:1.1.4'].map((id) => [
        id,
        'a dependency of wrap-ansi 7.0.0, installed under the alias wrap-ansi-cjs: ORT lists the aliased package but not its own dependencies',
      ]),
    ),
  },
  {
    expected: 'node/yarn2/project-with-lockfile-expected-output.yml',
    folder: 'node/yarn2/project-with-lockfile',
    onlyOurs: { 'NPM:@lmdb:lmdb-darwin-arm64:3.0.13': FSEVENTS },
  },
  { expected: 'node/yarn2/workspaces-expected-output.yml', folder: 'node/yarn2/workspaces' },
  { expected: 'node/yarn2/dependency-with-patch-expected-output.yml', folder: 'node/yarn2/dependency-with-patch' },
  {
    expected: 'node/pnpm/babel-expected-output.yml',
    folder: 'node/pnpm/babel',
    onlyOurs: BABEL_MAC_ONLY,
  },
  { expected: 'node/pnpm/project-with-lockfile-expected-output.yml', folder: 'node/pnpm/project-with-lockfile' },
  { expected: 'node/pnpm/workspaces-expected-output.yml', folder: 'node/pnpm/workspaces' },
  { expected: 'node/pnpm/nested-project-expected-output.yml', folder: 'node/pnpm/nested-project' },
  { expected: 'node/bun/project-with-lockfile-expected-output.yml', folder: 'node/bun/project-with-lockfile' },
  { expected: 'node/bun/workspaces-expected-output.yml', folder: 'node/bun/workspaces' },
  { expected: 'cargo/cargo-expected-output.yml', folder: 'cargo/cargo' },
  { expected: 'cargo/cargo-git-source-expected-output.yml', folder: 'cargo/cargo-git-source' },
  { expected: 'cargo/cargo-subcrate-lib-expected-output.yml', folder: 'cargo/cargo-subcrate' },
  { expected: 'go/gomod/submodules-expected-output.yml', folder: 'go/gomod/submodules' },
  { expected: 'go/gomod/dep-without-go-mod-file-expected-output.yml', folder: 'go/gomod/dep-without-go-mod-file' },
  {
    expected: 'go/gomod/go-as-dep-with-transitive-deps-expected-output.yml',
    folder: 'go/gomod/go-as-dep-with-transitive-deps',
  },
  { expected: 'go/gomod/project-with-tests-expected-output.yml', folder: 'go/gomod/project-with-tests' },
  {
    expected: 'go/gomod/unused-deps-expected-output.yml',
    folder: 'go/gomod/unused-deps',
    onlyOurs: { 'Go::golang.org/x/net:0.0.0-20220812174116-3211cb980234': GO_PRUNED },
  },
  {
    expected: 'go/gomod/subpkg-expected-output.yml',
    folder: 'go/gomod/subpkg',
    onlyOurs: {
      'Go::github.com/hashicorp/go-multierror:1.0.0': GO_PRUNED,
      'Go::golang.org/x/oauth2:0.0.0-20190226205417-e64efc72b421': GO_PRUNED,
      ...Object.fromEntries(
        [
          'cloud.google.com/go:0.34.0',
          'github.com/golang/protobuf:1.2.0',
          'github.com/hashicorp/errwrap:1.0.0',
          'golang.org/x/net:0.0.0-20190108225652-1e06a53dbb7e',
          'golang.org/x/sync:0.0.0-20181221193216-37e7f081c4d4',
          'golang.org/x/text:0.3.0',
          'google.golang.org/appengine:1.4.0',
        ].map((m) => [
          `Go::${m}`,
          'go 1.13: go.mod does not list every module, so the modules go.sum holds the content hash of are added; go.sum keeps those of the whole module graph, tests of dependencies included, which ORT prunes',
        ]),
      ),
    },
  },
  {
    expected: 'python/poetry-expected-output.yml',
    folder: 'python/poetry',
    onlyOurs: {
      'PyPI::atomicwrites:1.4.1':
        'locked for sys_platform == "win32" only: ORT resolved on Linux, the lockfile holds every platform',
      'PyPI::colorama:0.4.5':
        'locked for sys_platform == "win32" only: ORT resolved on Linux, the lockfile holds every platform',
    },
  },
  {
    expected: 'python/pipenv-expected-output.yml',
    folder: 'python/pipenv',
    onlyOurs: {
      'PyPI::markupsafe:1.1':
        'Pipfile.lock pins "==1.1"; ORT prints the normalised PEP 440 form 1.1.0. We keep the version as locked',
    },
    onlyTheirs: { 'PyPI::markupsafe:1.1.0': 'the same package, see above' },
  },
  { expected: 'python/pipenv-python3-expected-output.yml', folder: 'python/pipenv-python3' },
  { expected: 'python/pip-expected-output.yml', folder: 'python/pip' },
  { expected: 'composer/composer-expected-output.yml', folder: 'composer/lockfile' },
  { expected: 'composer/composer-expected-output-with-provide.yml', folder: 'composer/with-provide' },
  { expected: 'composer/composer-expected-output-with-replace.yml', folder: 'composer/with-replace' },
  {
    expected: 'bundler/bundler-expected-output-lockfile.yml',
    folder: 'bundler/lockfile',
    onlyOurs: { 'Gem::nokogiri:1.19.3': BUNDLER_NEWER, 'Gem::parallel:2.1.0': BUNDLER_NEWER },
    onlyTheirs: { 'Gem::nokogiri:1.18.10': BUNDLER_NEWER, 'Gem::parallel:1.28.0': BUNDLER_NEWER },
  },
  { expected: 'pub/pub-expected-output-any-version.yml', folder: 'pub/any-version' },
  { expected: 'pub/pub-expected-output-multi-module.yml', folder: 'pub/multi-module' },
  { expected: 'mix/sample-project-expected-output.yml', folder: 'mix/sample-project' },
  { expected: 'mix/umbrella-project-expected-output.yml', folder: 'mix/umbrella-project' },
  { expected: 'cocoapods/react-native-expected-output.yml', folder: 'cocoapods/react-native' },
  {
    expected: 'cocoapods/regular-expected-output.yml',
    folder: 'cocoapods/regular',
    onlyTheirs: subspecs('RestKit', '0.27.3', ['Core', 'CoreData', 'Network', 'ObjectMapping', 'Support']),
  },
  {
    expected: 'cocoapods/external-sources-expected-output.yml',
    folder: 'cocoapods/external-sources',
    onlyOurs: { 'Pod::MLHUDAlert:0.0.4': POD_COMMIT },
    onlyTheirs: {
      ...subspecs('AFNetworking', '3.2.1', ['NSURLSession', 'Reachability', 'Security', 'Serialization']),
      'Pod::MLHUDAlert:0.0.4-3f23fa41632f8935fed028b04335576633ec53a2': POD_COMMIT,
    },
  },
  { expected: 'swiftpm/expected-output-only-lockfile-v2.yml', folder: 'swiftpm/only-lockfile-v2' },
  { expected: 'swiftpm/expected-output-only-lockfile-v3.yml', folder: 'swiftpm/only-lockfile-v3' },
  {
    expected: 'swiftpm/expected-output-only-lockfile-v1.yml',
    folder: 'swiftpm/only-lockfile-v1',
    onlyOurs: { 'Swift::github.com/grpc/grpc-swift:efb67a324eaf1696b50e66bc471a53690e41fbf6': SWIFT_UNVERSIONED },
    onlyTheirs: Object.fromEntries(
      [
        'Swift::github.com/apple/swift-crypto:',
        'Swift::github.com/braze-inc/braze-ios-sdk:branch-master',
        'Swift::github.com/grpc/grpc-swift:revision-efb67a324eaf1696b50e66bc471a53690e41fbf6',
      ].map((id) => [id, SWIFT_UNVERSIONED]),
    ),
  },
];

describe('ORT expected outputs', needsCorpora, () => {
  for (const c of CASES) {
    test(c.expected, async () => {
      const ort = parse(readFileSync(corpus(ORT, c.expected), 'utf8'));
      const theirs = new Set<string>((ort.packages ?? []).map((p: { id: string }) => p.id.toLowerCase()));
      const { sbom } = await generateInventory(corpus(ORT, c.folder));
      const ours = new Set(
        sbom.components
          .map(ortId)
          .filter((id): id is string => !!id)
          .map((id) => id.toLowerCase()),
      );
      const lower = (r: Record<string, string> | undefined) =>
        Object.keys(r ?? {})
          .map((k) => k.toLowerCase())
          .sort();
      assert.deepEqual([...ours].filter((id) => !theirs.has(id)).sort(), lower(c.onlyOurs), 'packages only we list');
      assert.deepEqual(
        [...theirs].filter((id) => !ours.has(id)).sort(),
        lower(c.onlyTheirs),
        'packages only ORT lists',
      );
    });
  }
});
