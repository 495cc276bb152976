import { apk } from './apk.js';
import { composer } from './composer.js';
import { cran, hackage } from './dotted.js';
import { dpkg } from './dpkg.js';
import { datetime, lexicographic } from './generic.js';
import { maven } from './maven.js';
import { nuget } from './nuget.js';
import { pep440 } from './pep440.js';
import { rpm } from './rpm.js';
import { rubygems } from './rubygems.js';
import type { VersionScheme } from './scheme.js';
import { pub, semver } from './semver.js';

export type { VersionScheme } from './scheme.js';

/** The one table of version schemes, by id. */
export const VERSION_SCHEMES: Readonly<Record<string, VersionScheme>> = Object.freeze(
  Object.fromEntries(
    [semver, pub, pep440, maven, rubygems, nuget, composer, dpkg, rpm, apk, cran, hackage, datetime, lexicographic].map(
      (s) => [s.id, s],
    ),
  ),
);

/**
 * OSV ecosystem (without its `:release` suffix) → scheme id. Ecosystems not listed here have no
 * comparator: their ranges are reported as not checkable rather than guessed.
 */
const ECOSYSTEM_SCHEME: Readonly<Record<string, string>> = {
  npm: 'semver',
  'crates.io': 'semver',
  Hex: 'semver',
  Go: 'semver',
  // As osv-scanner (osv-scalibr's semantic package) reads them.
  SwiftURL: 'semver',
  Bitnami: 'semver',
  ConanCenter: 'semver',
  Bioconductor: 'semver',
  CRAN: 'cran',
  Hackage: 'hackage',
  Pub: 'pub',
  PyPI: 'pypi',
  Maven: 'maven',
  RubyGems: 'gem',
  NuGet: 'nuget',
  Packagist: 'composer',
  Debian: 'deb',
  Ubuntu: 'deb',
  'Red Hat': 'rpm',
  AlmaLinux: 'rpm',
  'Rocky Linux': 'rpm',
  openSUSE: 'rpm',
  SUSE: 'rpm',
  Mageia: 'rpm',
  openEuler: 'rpm',
  'Azure Linux': 'rpm',
  'Photon OS': 'rpm',
  Alpine: 'apk',
  Wolfi: 'apk',
  Chainguard: 'apk',
  Alpaquita: 'apk',
  MinimOS: 'apk',
};

/** vers scheme name (the purl type) → scheme id. */
const VERS_SCHEME: Readonly<Record<string, string>> = {
  semver: 'semver',
  npm: 'semver',
  cargo: 'semver',
  golang: 'semver',
  hex: 'semver',
  pub: 'pub',
  pypi: 'pypi',
  maven: 'maven',
  gem: 'gem',
  nuget: 'nuget',
  composer: 'composer',
  deb: 'deb',
  rpm: 'rpm',
  apk: 'apk',
  datetime: 'datetime',
  lexicographic: 'lexicographic',
};

export type SchemeLookup = { scheme: VersionScheme } | { unknown: string };

function lookup(table: Readonly<Record<string, string>>, name: string, what: string): SchemeLookup {
  const id = Object.hasOwn(table, name) ? table[name] : undefined;
  const scheme = id === undefined ? undefined : VERSION_SCHEMES[id];
  return scheme ? { scheme } : { unknown: `no version scheme for ${what} "${name}"` };
}

/** The scheme for an OSV ecosystem such as `PyPI` or `Debian:12` (the release suffix is ignored). */
export function schemeForEcosystem(ecosystem: string): SchemeLookup {
  const base = ecosystem.includes(':') ? ecosystem.slice(0, ecosystem.indexOf(':')) : ecosystem;
  return lookup(ECOSYSTEM_SCHEME, base, 'OSV ecosystem');
}

/** The scheme for a vers scheme name such as `npm` or `deb`. */
export function schemeForVers(name: string): SchemeLookup {
  return lookup(VERS_SCHEME, name, 'vers scheme');
}
