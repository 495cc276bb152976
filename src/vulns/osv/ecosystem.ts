/**
 * OSV ecosystem strings: a name from the OSV list, optionally followed by `:` and a release
 * (`Debian:12`, `Alpine:v3.19`, `Ubuntu:22.04:LTS`, `Ubuntu:Pro:18.04:LTS`).
 */
export interface EcosystemName {
  base: string;
  release?: string;
}

export function splitEcosystem(ecosystem: string): EcosystemName {
  const colon = ecosystem.indexOf(':');
  return colon === -1 ? { base: ecosystem } : { base: ecosystem.slice(0, colon), release: ecosystem.slice(colon + 1) };
}

/**
 * Package names as an ecosystem compares them: PyPI per PEP 503 (lower case, runs of `-_.` are
 * one `-`), NuGet and Packagist case-insensitively, Go module paths case-insensitively (purl
 * writers lower-case them or not, and paths that differ only in case, like
 * `github.com/Sirupsen/logrus` and `github.com/sirupsen/logrus`, are the same code renamed: a
 * missed advisory is the worse error), everything else exactly as written.
 */
export function packageKey(base: string, name: string): string {
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (base === 'NuGet' || base === 'Packagist' || base === 'Go') return name.toLowerCase();
  return name;
}
