import { isPurlError, parsePurlRemembered, type Purl } from '../../model/purl/index.js';
import { decodePurlPart } from '../../model/purl/percent-encoding.js';
import { packageKey } from '../osv/ecosystem.js';

/**
 * purl → OSV package: the ecosystem, the package name as OSV spells it, and for Linux
 * distributions the release taken from the purl's `distro` qualifier (an OSV record for
 * `Debian:12` says nothing about Debian 11). One table, by purl type.
 */
export interface OsvPackageRef {
  /** OSV ecosystem without release: `PyPI`, `Debian`, `Alpine` … */
  ecosystem: string;
  /** Release suffix the record's ecosystem must carry (`12`, `v3.19`, `22.04`), for distributions. */
  release?: string;
  /** Name as written in OSV records (`group:artifact`, module path, `@scope/name` …). */
  name: string;
  /** Name folded the way the ecosystem compares names (`packageKey`). */
  key: string;
  version: string;
}

export type PurlPackage = { package: OsvPackageRef } | { unchecked: string };

type Mapping = (p: Purl) => { ecosystem: string; name: string; release?: string; version?: string } | string;

const joined = (p: Purl, sep = '/') => (p.namespace ? `${p.namespace}${sep}${p.name}` : p.name);

const DEBIAN_CODENAMES: Record<string, string> = {
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

/** `debian-12`, `bookworm`, `12.5` → `12`. */
function debianRelease(distro: string): string | undefined {
  const d = distro.toLowerCase().replace(/^debian-/, '');
  if (DEBIAN_CODENAMES[d]) return DEBIAN_CODENAMES[d];
  return /^\d+/.exec(d)?.[0];
}

/** `alpine-3.19.1`, `3.19` → `v3.19`. */
function alpineRelease(distro: string): string | undefined {
  const m = /(\d+)\.(\d+)/.exec(distro);
  return m ? `v${m[1]}.${m[2]}` : undefined;
}

/** `ubuntu-22.04` → `22.04`. */
function ubuntuRelease(distro: string): string | undefined {
  return /(\d{2}\.\d{2})/.exec(distro)?.[1];
}

/** `el9`, `rhel-9`, `almalinux-9.3` → `9`. */
function majorRelease(distro: string): string | undefined {
  return /(\d+)/.exec(distro)?.[1];
}

/**
 * The package a distribution's advisories name. Debian and Alpine records are about source
 * packages (`openssl`), SBOMs of images list binary ones (`libssl3`): syft writes the source in the
 * `upstream` qualifier, as `name` or `name@version` (the source version, when a rebuild differs).
 */
function sourcePackage(p: Purl): { name: string; version?: string } {
  const upstream = p.qualifiers?.upstream?.trim();
  if (!upstream) return { name: p.name };
  const at = upstream.indexOf('@');
  if (at <= 0) return { name: upstream };
  const version = upstream.slice(at + 1);
  return { name: upstream.slice(0, at), ...(version ? { version } : {}) };
}

function distro(p: Purl, ecosystem: string, release: (d: string) => string | undefined): ReturnType<Mapping> {
  const d = p.qualifiers?.distro;
  if (!d) return `no distro qualifier: the ${ecosystem} release is unknown`;
  const r = release(d);
  if (!r) return `distro qualifier "${d}" names no ${ecosystem} release`;
  return ecosystem === 'Debian' || ecosystem === 'Ubuntu' || ecosystem === 'Alpine'
    ? { ecosystem, ...sourcePackage(p), release: r }
    : { ecosystem, name: p.name, release: r };
}

const RPM_VENDORS: Record<string, [string, boolean]> = {
  redhat: ['Red Hat', false],
  almalinux: ['AlmaLinux', true],
  rocky: ['Rocky Linux', true],
  'rocky-linux': ['Rocky Linux', true],
  opensuse: ['openSUSE', false],
  suse: ['SUSE', false],
  mageia: ['Mageia', true],
  openeuler: ['openEuler', true],
};

/** The one table: purl type → how it names an OSV package. */
const PURL_TYPES: Record<string, Mapping> = {
  npm: (p) => ({ ecosystem: 'npm', name: joined(p) }),
  pypi: (p) => ({ ecosystem: 'PyPI', name: p.name }),
  maven: (p) =>
    p.namespace ? { ecosystem: 'Maven', name: joined(p, ':') } : 'a Maven purl needs a namespace (the groupId)',
  golang: (p) => ({ ecosystem: 'Go', name: joined(p) }),
  cargo: (p) => ({ ecosystem: 'crates.io', name: p.name }),
  gem: (p) => ({ ecosystem: 'RubyGems', name: p.name }),
  nuget: (p) => ({ ecosystem: 'NuGet', name: p.name }),
  composer: (p) => ({ ecosystem: 'Packagist', name: joined(p) }),
  hex: (p) => ({ ecosystem: 'Hex', name: p.name }),
  pub: (p) => ({ ecosystem: 'Pub', name: p.name }),
  swift: (p) => ({ ecosystem: 'SwiftURL', name: joined(p) }),
  hackage: (p) => ({ ecosystem: 'Hackage', name: p.name }),
  cran: (p) => ({ ecosystem: 'CRAN', name: p.name }),
  bioconductor: (p) => ({ ecosystem: 'Bioconductor', name: p.name }),
  conan: (p) => ({ ecosystem: 'ConanCenter', name: p.name }),
  bitnami: (p) => ({ ecosystem: 'Bitnami', name: p.name }),
  deb: (p) => {
    const ns = p.namespace?.toLowerCase();
    if (ns === 'ubuntu') return distro(p, 'Ubuntu', ubuntuRelease);
    if (ns === 'debian') return distro(p, 'Debian', debianRelease);
    return `deb namespace "${p.namespace ?? ''}" is neither debian nor ubuntu`;
  },
  apk: (p) => {
    const ns = p.namespace?.toLowerCase();
    if (ns === 'alpine') return distro(p, 'Alpine', alpineRelease);
    if (ns === 'wolfi') return { ecosystem: 'Wolfi', ...sourcePackage(p) };
    if (ns === 'chainguard') return { ecosystem: 'Chainguard', ...sourcePackage(p) };
    return `apk namespace "${p.namespace ?? ''}" has no OSV ecosystem`;
  },
  rpm: (p) => {
    const vendor = RPM_VENDORS[p.namespace?.toLowerCase() ?? ''];
    if (!vendor) return `rpm namespace "${p.namespace ?? ''}" has no OSV ecosystem`;
    const [ecosystem, needsRelease] = vendor;
    if (needsRelease) return distro(p, ecosystem, majorRelease);
    // Red Hat's records name their stream (`Red Hat:enterprise_linux:9::appstream`): a distro
    // qualifier (`rhel-9.3`) keeps a RHEL 8 package away from RHEL 9's fixes.
    const major = p.qualifiers?.distro ? majorRelease(p.qualifiers.distro) : undefined;
    return major && ecosystem === 'Red Hat' ? { ecosystem, name: p.name, release: major } : { ecosystem, name: p.name };
  },
};

/** A full git commit id (SHA-1 or SHA-256), which no package registry uses as a release version. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** Maps a purl string to the OSV package it names, or says why the component cannot be checked. */
export function purlToOsvPackage(purl: string | undefined, fallbackVersion?: string): PurlPackage {
  return osvPackage(purl, fallbackVersion);
}

/**
 * purlToOsvPackage of a component's purl and version, kept with the component: a scan maps each
 * component twice (which advisories to load, then the matching), and a second mapping of 100k purls
 * cost ~70 ms. The answer is shared: callers read it, never change it. `remember` false: the
 * caller's is the component's last mapping (the matching), so a remembered answer is used but none
 * is kept. A scan against a store with no database loaded maps each component only there, and
 * 100k answers kept in the weak map cost ~25 MB that outlived the young generation, for nothing.
 */
export function componentOsvPackage(component: { purl?: string; version?: string }, remember = true): PurlPackage {
  const known = mapped.get(component);
  if (known && known.purl === component.purl && known.version === component.version) return known.answer;
  const answer = osvPackage(component.purl, component.version);
  if (remember) mapped.set(component, { purl: component.purl, version: component.version, answer });
  return answer;
}

const mapped = new WeakMap<object, { purl: string | undefined; version: string | undefined; answer: PurlPackage }>();

function osvPackage(purl: string | undefined, fallbackVersion?: string): PurlPackage {
  if (!purl) return { unchecked: 'no purl' };
  const parsed = parsePurlRemembered(purl);
  if (isPurlError(parsed))
    return goStandardLibrary(purl, fallbackVersion) ?? { unchecked: `invalid purl: ${parsed.error}` };
  const version = parsed.version ?? fallbackVersion;
  if (!version) return { unchecked: 'no version' };
  // A package pinned to a git commit (mix.lock, Gopkg.lock, Package.resolved, pylock.toml VCS entries:
  // ADR 48) has that commit as version: no release scheme orders it, so a range would match by chance.
  if (COMMIT.test(version)) return { unchecked: 'the version is a git commit, not a release' };
  const mapping = Object.hasOwn(PURL_TYPES, parsed.type) ? PURL_TYPES[parsed.type] : undefined;
  if (!mapping) return { unchecked: `purl type "${parsed.type}" has no OSV ecosystem` };
  const mapped = mapping(parsed);
  if (typeof mapped === 'string') return { unchecked: mapped };
  const ref: OsvPackageRef = {
    ecosystem: mapped.ecosystem,
    name: mapped.name,
    key: packageKey(mapped.ecosystem, mapped.name),
    version: mapped.version ?? version,
  };
  if (mapped.release) ref.release = mapped.release;
  return { package: ref };
}

/**
 * The Go standard library: syft and Trivy write it `pkg:golang/stdlib@1.21.0` (or `@v1.24.5`,
 * `@go1.22.1`), a purl without the namespace the golang type asks for, and the Go vulnerability
 * database names it `stdlib`. Its versions are Go releases, read as SemVer without the `go` prefix.
 */
function goStandardLibrary(purl: string, fallbackVersion?: string): PurlPackage | undefined {
  const m = /^pkg:golang\/stdlib(?:@([^?#]*))?(?:[?#]|$)/i.exec(purl.trim());
  if (!m) return undefined;
  let version = m[1] ? (decodePurlPart(m[1]) ?? m[1]) : fallbackVersion;
  if (!version) return { unchecked: 'no version' };
  version = version.replace(/^go/i, '');
  return { package: { ecosystem: 'Go', name: 'stdlib', key: packageKey('Go', 'stdlib'), version } };
}
