// The one table of lockfile and package-database extractors. The walk (src/io) asks it which files
// to read; order matters only where two extractors could claim one name (the first that accepts wins).
import { bunLockExtractor } from './bun/bun-extractor.js';
import { cargoLockExtractor } from './cargo/cargo-extractor.js';
import type { Extractor } from './core/extractor.js';
import { goModExtractor } from './golang/gomod-extractor.js';
import { goSumExtractor } from './golang/gosum-extractor.js';
import { npmLockExtractor } from './npm/npm-extractor.js';
import { pnpmLockExtractor } from './pnpm/pnpm-extractor.js';
import { pdmLockExtractor } from './python/pdm-extractor.js';
import { pipfileLockExtractor } from './python/pipfile-extractor.js';
import { poetryLockExtractor } from './python/poetry-extractor.js';
import { requirementsExtractor } from './python/requirements-extractor.js';
import { uvLockExtractor } from './python/uv-extractor.js';
import { yarnLockExtractor } from './yarn/yarn-extractor.js';
import { composerLockExtractor } from './composer/composer-extractor.js';
import { gemfileLockExtractor } from './ruby/gemfile-lock-extractor.js';
import { pubspecLockExtractor } from './dart/pubspec-lock-extractor.js';
import { mixLockExtractor } from './elixir/mix-lock-extractor.js';
import { packageResolvedExtractor } from './swift/package-resolved-extractor.js';
import { podfileLockExtractor } from './cocoapods/podfile-lock-extractor.js';
import { conanLockExtractor } from './conan/conan-lock-extractor.js';
import { packagesLockExtractor } from './dotnet/packages-lock-extractor.js';
import { projectAssetsExtractor } from './dotnet/project-assets-extractor.js';
import { pomExtractor } from './java/pom-extractor.js';
import { gradleLockfileExtractor } from './java/gradle-lockfile-extractor.js';
import { mavenTreeExtractor } from './java/maven-tree-extractor.js';
import { dpkgStatusExtractor } from './os/dpkg-status-extractor.js';
import { apkInstalledExtractor } from './os/apk-installed-extractor.js';
import { rpmdbExtractor } from './os/rpmdb-extractor.js';

export const EXTRACTORS: readonly Extractor[] = [
  npmLockExtractor,
  yarnLockExtractor,
  pnpmLockExtractor,
  bunLockExtractor,
  poetryLockExtractor,
  pipfileLockExtractor,
  uvLockExtractor,
  pdmLockExtractor,
  requirementsExtractor,
  goModExtractor,
  goSumExtractor,
  cargoLockExtractor,
  pomExtractor,
  gradleLockfileExtractor,
  mavenTreeExtractor,
  composerLockExtractor,
  gemfileLockExtractor,
  packagesLockExtractor,
  projectAssetsExtractor,
  pubspecLockExtractor,
  mixLockExtractor,
  packageResolvedExtractor,
  podfileLockExtractor,
  conanLockExtractor,
  dpkgStatusExtractor,
  apkInstalledExtractor,
  rpmdbExtractor,
];

/** The extractor for a path (relative, `/`-separated), or undefined when no extractor reads it. */
export function extractorFor(path: string, text?: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.matches(path) && (text === undefined || !e.accepts || e.accepts(text)));
}

export function extractorById(id: string): Extractor | undefined {
  return EXTRACTORS.find((e) => e.id === id);
}
