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
 * one `-`), NuGet and Packagist case-insensitively, everything else exactly as written.
 */
export function packageKey(base: string, name: string): string {
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (base === 'NuGet' || base === 'Packagist') return name.toLowerCase();
  return name;
}
