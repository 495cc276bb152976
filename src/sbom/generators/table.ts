// The one table of lockfile and package-database extractors (ADR 40). The walk (src/io) asks it which
// files to read; order matters only where two extractors could claim one name (the first that accepts
// wins). Each entry holds what the walk needs (names, content check, ecosystem); the extractor itself
// is loaded by import() when a walk finds a file it claims, so an npm project never loads the Go,
// Java or OS-image code (each extractor is a chunk of its own in dist/).
import type { ExtractFn, Extractor } from './core/extractor.js';

type Entry = Omit<Extractor, 'load'> & { load: () => Promise<{ extract: ExtractFn }> };

const ENTRIES: readonly Entry[] = [
  /** package-lock.json v1–v3 and npm-shrinkwrap.json, through the npm generator. */
  {
    id: 'npm-package-lock',
    label: 'package-lock.json',
    ecosystem: 'npm',
    matches: (path) => /(^|\/)(package-lock|npm-shrinkwrap)\.json$/.test(path),
    // npm reads the shrinkwrap when both exist.
    yieldsTo: ['npm-shrinkwrap.json'],
    load: () => import('./npm/npm-extractor.js'),
  },
  /** yarn.lock: the classic v1 syntax and Berry's (yarn 2+) YAML, told apart by `__metadata`. */
  {
    id: 'yarn-lock',
    label: 'yarn.lock',
    ecosystem: 'npm',
    matches: (path) => /(^|\/)yarn\.lock$/.test(path),
    load: () => import('./yarn/yarn-extractor.js'),
  },
  /** pnpm-lock.yaml, lockfile versions 5.x (`/name/1.0.0_peer`), 6.x (`/name@1.0.0(peer)`) and 9.x (`name@1.0.0`, snapshots). */
  {
    id: 'pnpm-lock',
    label: 'pnpm-lock.yaml',
    ecosystem: 'npm',
    matches: (path) => /(^|\/)pnpm-lock\.ya?ml$/.test(path),
    load: () => import('./pnpm/pnpm-extractor.js'),
  },
  /** bun.lock (the text lockfile of bun ≥ 1.1.39; bun.lockb is binary and not read). */
  {
    id: 'bun-lock',
    label: 'bun.lock',
    ecosystem: 'npm',
    matches: (path) => /(^|\/)bun\.lock$/.test(path),
    load: () => import('./bun/bun-extractor.js'),
  },
  /** deno.lock (versions 2–5): npm and JSR packages, remote modules whose URL names a package, the workspace's dependencies. */
  {
    id: 'deno-lock',
    label: 'deno.lock',
    ecosystem: 'npm',
    matches: (path) => /(^|\/)deno\.lock$/.test(path),
    load: () => import('./deno/deno-lock-extractor.js'),
  },
  /** poetry.lock, lock-version 1.x (`category`) and 2.x (`groups`). */
  {
    id: 'poetry-lock',
    label: 'poetry.lock',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)poetry\.lock$/.test(path),
    load: () => import('./python/poetry-extractor.js'),
  },
  /** Pipfile.lock: `default` (production) and `develop` (dev) sections, exact `==` versions; the Pipfile beside it names the direct ones. */
  {
    id: 'pipfile-lock',
    label: 'Pipfile.lock',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)Pipfile\.lock$/.test(path),
    load: () => import('./python/pipfile-extractor.js'),
  },
  /** uv.lock (version 1): packages with their sources, dependency lists and optional/dev groups. */
  {
    id: 'uv-lock',
    label: 'uv.lock',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)uv\.lock$/.test(path),
    load: () => import('./python/uv-extractor.js'),
  },
  /** pdm.lock (lock_version 4.x): packages with groups, requirement strings and file hashes. */
  {
    id: 'pdm-lock',
    label: 'pdm.lock',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)pdm\.lock$/.test(path),
    load: () => import('./python/pdm-extractor.js'),
  },
  /** pylock.toml and pylock.<name>.toml (PEP 751): packages with index, VCS or directory sources, hashes and dependencies. */
  {
    id: 'pylock',
    label: 'pylock.toml',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)pylock(\.[^/.]+)?\.toml$/.test(path),
    load: () => import('./python/pylock-extractor.js'),
  },
  /**
   * pip requirements files: only exact pins (`==`, `===`, here or in a `-c` constraints file) become
   * packages; a line without an exact version is reported, never given an invented version. `-r` includes are followed (once each),
   * `--hash` values, extras and environment markers are kept as properties. No graph.
   */
  {
    id: 'pip-requirements',
    label: 'requirements.txt',
    ecosystem: 'pypi',
    matches: (path) => /(^|\/)[^/]*requirements[^/]*\.txt$/i.test(path) || /(^|\/)requirements\/[^/]+\.txt$/.test(path),
    load: () => import('./python/requirements-extractor.js'),
  },
  /**
   * go.mod: `require` (indirect ones marked), `replace` (the replacement is what gets built) and
   * `exclude`. Since Go 1.17 go.mod lists every module of the build, but not who needs whom: only the
   * main module's direct edges are known, so the graph is incomplete. go.sum beside it adds hashes.
   */
  {
    id: 'go-mod',
    label: 'go.mod',
    ecosystem: 'golang',
    matches: (path) => /(^|\/)go\.mod$/.test(path),
    load: () => import('./golang/gomod-extractor.js'),
  },
  /**
   * go.sum alone (no go.mod beside it): every module whose content was hashed (a line without
   * `/go.mod`). Modules only listed for their go.mod file were consulted, not built, and are left out.
   */
  {
    id: 'go-sum',
    label: 'go.sum',
    ecosystem: 'golang',
    matches: (path) => /(^|\/)go\.sum$/.test(path),
    yieldsTo: ['go.mod'],
    load: () => import('./golang/gosum-extractor.js'),
  },
  /** Gopkg.lock (dep, before Go modules): locked projects, a tag or else the revision as version; go.mod wins when both exist. */
  {
    id: 'gopkg-lock',
    label: 'Gopkg.lock',
    ecosystem: 'golang',
    matches: (path) => /(^|\/)Gopkg\.lock$/.test(path),
    yieldsTo: ['go.mod'],
    load: () => import('./golang/gopkg-lock-extractor.js'),
  },
  /**
   * Cargo.lock v1–v4: every resolved crate with its dependency list. Crates without a `source` are the
   * workspace's own; the one Cargo.toml names is the project. Cargo.lock does not say which edges are
   * dev-dependencies, so crates are unscoped unless Cargo.toml tells (direct dev-dependencies).
   */
  {
    id: 'cargo-lock',
    label: 'Cargo.lock',
    ecosystem: 'cargo',
    matches: (path) => /(^|\/)Cargo\.lock$/.test(path),
    load: () => import('./cargo/cargo-extractor.js'),
  },
  /**
   * Maven pom.xml: the declared dependencies, with `${…}` properties and versions from
   * dependencyManagement resolved through the parent chain where the parent POMs are in the walked
   * folder (`relativePath`, `../pom.xml` by default). What only a remote repository could answer (a
   * parent or BOM that is not here) is reported as unresolved, never guessed. Only direct
   * dependencies: the graph is incomplete (the transitive ones need Maven's resolution).
   */
  {
    id: 'maven-pom',
    label: 'pom.xml',
    ecosystem: 'maven',
    matches: (path) => /(^|\/)pom\.xml$/.test(path),
    load: () => import('./java/pom-extractor.js'),
  },
  /**
   * Gradle dependency locking (`gradle.lockfile`, `buildscript-gradle.lockfile`, and the older
   * per-configuration `gradle/dependency-locks/*.lockfile`): `group:artifact:version=configurations`.
   * A module locked only in test, annotation-processor or build-script configurations is dev. No
   * edges: Gradle locks the resolved set, not the graph.
   */
  {
    id: 'gradle-lockfile',
    label: 'gradle.lockfile',
    ecosystem: 'maven',
    matches: (path) =>
      /(^|\/)([\w-]+-)?gradle\.lockfile$/.test(path) || /(^|\/)dependency-locks\/[^/]+\.lockfile$/.test(path),
    load: () => import('./java/gradle-lockfile-extractor.js'),
  },
  /**
   * The text of `mvn dependency:tree` (saved with `-DoutputFile=…` or from the console log, `[INFO] `
   * prefixes allowed): the resolved graph, `group:artifact:type[:classifier]:version[:scope]` per
   * line, depth from the `+- `, `\- `, `|  ` indentation. Several modules (several roots) may follow
   * each other; each root is a module of the project.
   */
  {
    id: 'maven-dependency-tree',
    label: 'mvn dependency:tree output',
    ecosystem: 'maven',
    matches: (path) => /(^|\/)[^/]*dependency[-_.]?tree[^/]*\.txt$/i.test(path),
    accepts: (text) => /^(\[INFO\] )?[\w.-]+:[\w.-]+:[\w.-]+:/m.test(text),
    load: () => import('./java/maven-tree-extractor.js'),
  },
  /** composer.lock: `packages` (production) and `packages-dev` (dev), each with its `require` edges. */
  {
    id: 'composer-lock',
    label: 'composer.lock',
    ecosystem: 'composer',
    matches: (path) => /(^|\/)composer\.lock$/.test(path),
    load: () => import('./composer/composer-extractor.js'),
  },
  /**
   * Gemfile.lock: GEM, GIT and PATH sources with their specs (`name (version[-platform])`, each with
   * its dependencies four spaces in), PLATFORMS, DEPENDENCIES (the Gemfile's own, `!` for git/path
   * gems) and BUNDLED WITH. The Gemfile's groups are not in the lockfile: every gem is unscoped prod.
   */
  {
    id: 'gemfile-lock',
    label: 'Gemfile.lock',
    ecosystem: 'gem',
    // Also the locks of a second Gemfile (`Gemfile.next.lock`, `Gemfile_rails7.lock`) and Appraisal's
    // per-variant ones (`gemfiles/rails_7.1.gemfile.lock`).
    matches: (path) =>
      /(^|\/)(Gemfile[^/]*|gems\.rb)\.lock$|(^|\/)gems\.locked$|(^|\/)[^/]+\.gemfile\.lock$/.test(path),
    load: () => import('./ruby/gemfile-lock-extractor.js'),
  },
  /**
   * NuGet packages.lock.json (version 1 and 2): per target framework, every package with its type
   * (Direct, Transitive, CentralTransitive, Project), resolved version, content hash and dependencies.
   * NuGet ids are case-insensitive: packages are keyed in lower case.
   */
  {
    id: 'nuget-packages-lock',
    label: 'packages.lock.json',
    ecosystem: 'nuget',
    matches: (path) => /(^|\/)packages(\.[^/]+)?\.lock\.json$/.test(path),
    load: () => import('./dotnet/packages-lock-extractor.js'),
  },
  /**
   * obj/project.assets.json (NuGet restore output, version 3): the resolved graph per target
   * (`Name/Version` → dependencies), library hashes, and the project's declared dependencies.
   */
  {
    id: 'nuget-project-assets',
    label: 'project.assets.json',
    ecosystem: 'nuget',
    matches: (path) => /(^|\/)project\.assets\.json$/.test(path),
    load: () => import('./dotnet/project-assets-extractor.js'),
  },
  /** packages.config (NuGet before PackageReference): the exact versions NuGet restores, no graph. */
  {
    id: 'nuget-packages-config',
    label: 'packages.config',
    ecosystem: 'nuget',
    matches: (path) => /(^|\/)packages\.config$/.test(path),
    accepts: (text) => /<packages[\s>]/.test(text),
    load: () => import('./dotnet/packages-config-extractor.js'),
  },
  /**
   * paket.lock (Paket): NuGet packages per group with their dependency lines; GITHUB, GIT and HTTP
   * entries (source files, repositories) are counted, not listed.
   */
  {
    id: 'paket-lock',
    label: 'paket.lock',
    ecosystem: 'nuget',
    matches: (path) => /(^|\/)paket\.lock$/.test(path),
    load: () => import('./dotnet/paket-lock-extractor.js'),
  },
  /** cabal.project.freeze (`cabal freeze`): `any.name ==version` constraints; flags and `installed` ones are not packages. */
  {
    id: 'cabal-freeze',
    label: 'cabal.project.freeze',
    ecosystem: 'hackage',
    matches: (path) => /(^|\/)cabal\.project\.freeze$/.test(path),
    load: () => import('./haskell/cabal-freeze-extractor.js'),
  },
  /** pixi.lock (versions 4–6): conda and PyPI packages of every environment and platform; packages only outside `default` are dev. */
  {
    id: 'pixi-lock',
    label: 'pixi.lock',
    ecosystem: 'conda',
    matches: (path) => /(^|\/)pixi\.lock$/.test(path),
    load: () => import('./pixi/pixi-lock-extractor.js'),
  },
  /** flake.lock (Nix flakes, versions 5–7): pinned inputs (GitHub/GitLab/git/tarball/path) and the graph, follows resolved. */
  {
    id: 'flake-lock',
    label: 'flake.lock',
    ecosystem: 'generic',
    matches: (path) => /(^|\/)flake\.lock$/.test(path),
    load: () => import('./nix/flake-lock-extractor.js'),
  },
  /** renv.lock (R): the project library's packages, their sources (CRAN, Bioconductor, git remotes) and Requirements. */
  {
    id: 'renv-lock',
    label: 'renv.lock',
    ecosystem: 'cran',
    matches: (path) => /(^|\/)renv\.lock$/.test(path),
    load: () => import('./r/renv-lock-extractor.js'),
  },
  /** stack.yaml.lock (Haskell Stack): the extra-deps added to the snapshot (Hackage and git), and the snapshot named. */
  {
    id: 'stack-lock',
    label: 'stack.yaml.lock',
    ecosystem: 'hackage',
    matches: (path) => /(^|\/)stack\.yaml\.lock$/.test(path),
    load: () => import('./haskell/stack-lock-extractor.js'),
  },
  /**
   * pubspec.lock: every package with its kind (`direct main`, `direct dev`, `direct overridden`,
   * `transitive`) and source (hosted, git, path, sdk). No edges: only the direct ones are known.
   */
  {
    id: 'pubspec-lock',
    label: 'pubspec.lock',
    ecosystem: 'pub',
    matches: (path) => /(^|\/)pubspec\.lock$/.test(path),
    load: () => import('./dart/pubspec-lock-extractor.js'),
  },
  /**
   * mix.lock (Elixir/Erlang terms): `"name": {:hex, :name, "version", "inner hash", [managers],
   * [{:dep, "req", [hex: :dep, repo: "hexpm", optional: bool]}], "repo", "outer hash"}` and
   * `{:git, "url", "revision", [opts]}` entries. Read with patterns, not evaluated.
   */
  {
    id: 'mix-lock',
    label: 'mix.lock',
    ecosystem: 'hex',
    matches: (path) => /(^|\/)mix\.lock$/.test(path),
    load: () => import('./elixir/mix-lock-extractor.js'),
  },
  /**
   * Package.resolved (SwiftPM), v1 (`object.pins`, `repositoryURL`) and v2/v3 (`pins`, `location`,
   * `kind`). A pin at a branch or a bare revision takes its commit as version (the branch is kept).
   */
  {
    id: 'package-resolved',
    label: 'Package.resolved',
    ecosystem: 'swift',
    matches: (path) => /(^|\/)Package\.resolved$/.test(path),
    load: () => import('./swift/package-resolved-extractor.js'),
  },
  /**
   * Podfile.lock: PODS (`Name (version)` or `Name/Subspec (version)` with dependencies),
   * DEPENDENCIES (the Podfile's), SPEC CHECKSUMS, EXTERNAL SOURCES. A subspec is part of its pod:
   * one component per pod, the subspecs listed in a property.
   */
  {
    id: 'podfile-lock',
    label: 'Podfile.lock',
    ecosystem: 'cocoapods',
    matches: (path) => /(^|\/)Podfile\.lock$/.test(path),
    load: () => import('./cocoapods/podfile-lock-extractor.js'),
  },
  /**
   * conan.lock: Conan 1 (`version` 0.4, a graph of nodes with requires/build_requires) and Conan 2
   * (`version` 0.5, flat `requires`, `build_requires`, `python_requires` reference lists). A reference
   * is `name/version[@user/channel][#revision][%timestamp]`.
   */
  {
    id: 'conan-lock',
    label: 'conan.lock',
    ecosystem: 'conan',
    matches: (path) => /(^|\/)conan\.lock$/.test(path),
    load: () => import('./conan/conan-lock-extractor.js'),
  },
  /** conanfile.txt: the references of [requires] (prod) and of the tool/build/test sections (dev); conan.lock wins when present. */
  {
    id: 'conanfile-txt',
    label: 'conanfile.txt',
    ecosystem: 'conan',
    matches: (path) => /(^|\/)conanfile\.txt$/.test(path),
    yieldsTo: ['conan.lock'],
    load: () => import('./conan/conanfile-txt-extractor.js'),
  },
  /**
   * Debian/Ubuntu dpkg database of an unpacked root filesystem (`var/lib/dpkg/status`, and distroless
   * images' `var/lib/dpkg/status.d/*`): one RFC 822-style paragraph per package. Only installed
   * packages count; `Depends`/`Pre-Depends` become edges; the source package and architecture go into
   * the purl: `pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12`.
   */
  {
    id: 'dpkg-status',
    label: 'var/lib/dpkg/status',
    ecosystem: 'deb',
    matches: (path) =>
      /(^|\/)var\/lib\/dpkg\/status$/.test(path) || /(^|\/)var\/lib\/dpkg\/status\.d\/[^/.]+$/.test(path),
    load: () => import('./os/dpkg-status-extractor.js'),
  },
  /**
   * Alpine's package database of an unpacked root filesystem (`lib/apk/db/installed`): one-letter
   * fields per package (`P` name, `V` version, `A` arch, `L` licence, `o` origin, `D` dependencies,
   * `p` provides, `C` checksum), packages separated by blank lines.
   */
  {
    id: 'apk-installed',
    label: 'lib/apk/db/installed',
    ecosystem: 'apk',
    matches: (path) => /(^|\/)lib\/apk\/db\/installed$/.test(path),
    load: () => import('./os/apk-installed-extractor.js'),
  },
  /**
   * RPM database of an unpacked root filesystem (`var/lib/rpm/rpmdb.sqlite`, or
   * `usr/lib/sysimage/rpm/rpmdb.sqlite`): the adapter opens the SQLite file read-only and hands over
   * the header blobs; each becomes `pkg:rpm/<vendor id>/<name>@<version>-<release>?arch=…&epoch=…&distro=…`.
   */
  {
    id: 'rpmdb-sqlite',
    label: 'rpmdb.sqlite',
    ecosystem: 'rpm',
    reads: 'rpmdb',
    matches: (path) => /(^|\/)(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/rpmdb\.sqlite$/.test(path),
    load: () => import('./os/rpmdb-extractor.js'),
  },
];

/** The table, each extractor loaded at most once per process. */
export const EXTRACTORS: readonly Extractor[] = ENTRIES.map((entry) => {
  let loaded: Promise<ExtractFn> | undefined;
  return { ...entry, load: () => (loaded ??= entry.load().then((m) => m.extract)) };
});

/** The extractor for a path (relative, `/`-separated), or undefined when no extractor reads it. */
export function extractorFor(path: string, text?: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.matches(path) && (text === undefined || !e.accepts || e.accepts(text)));
}

export function extractorById(id: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.id === id);
}
