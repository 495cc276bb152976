/**
 * The source package of a distribution's binary package, written into its purl's `upstream`
 * qualifier the way syft writes it (`name`, or `name@version` when the source version differs).
 * Debian, Ubuntu and Alpine advisories name source packages (openssl), image SBOMs list binary ones
 * (libssl3, libcrypto3): without the source, the scan never matches them. Trivy keeps the source in
 * properties of its own (CycloneDX `aquasecurity:trivy:SrcName`, `SrcVersion`, `SrcRelease`,
 * `SrcEpoch`) or in SPDX's `sourceInfo` ("built package from: openssl 3.0.11-1~deb12u2"); these become
 * the qualifier. A purl that already has one, or whose source is the binary itself, is left as it
 * is. Component identity ignores qualifiers (ADR 8), so no component changes.
 */
import type { Component, Sbom } from '../model/index.js';
import { propertyOf } from '../model/index.js';
import { formatPurl } from '../model/purl/format.js';
import { parsePurl } from '../model/purl/parse.js';
import { isPurlError } from '../model/purl/purl.js';
import { allComponents } from './graph.js';

const DISTRIBUTION_PURL = /^pkg:(deb|apk)\//i;
const TRIVY = 'aquasecurity:trivy:';
/** The SPDX 2 package property Vigie keeps `sourceInfo` in (spdx2-common/properties.ts). */
const SPDX_SOURCE_INFO = 'spdx:sourceInfo';
const BUILT_FROM = /^\s*built package from:?\s+(\S+)(?:\s+(\S+))?\s*$/i;

/** Adds the `upstream` qualifier to the distribution packages whose document names their source. */
export function writeSourcePackages(sbom: Sbom): void {
  for (const c of allComponents(sbom, true)) {
    if (c.purl === undefined || !DISTRIBUTION_PURL.test(c.purl)) continue;
    const source = sourceOf(c);
    if (source) c.purl = withUpstream(c.purl, source.name, source.version);
  }
}

function sourceOf(c: Component): { name: string; version?: string } | undefined {
  const name = propertyOf(c, `${TRIVY}SrcName`)?.trim();
  if (name) {
    const version = propertyOf(c, `${TRIVY}SrcVersion`)?.trim();
    const release = propertyOf(c, `${TRIVY}SrcRelease`)?.trim();
    const epoch = propertyOf(c, `${TRIVY}SrcEpoch`)?.trim();
    if (!version) return { name };
    const full = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
    return { name, version: full };
  }
  const built = BUILT_FROM.exec(propertyOf(c, SPDX_SOURCE_INFO) ?? '');
  return built ? { name: built[1]!, ...(built[2] ? { version: built[2] } : {}) } : undefined;
}

/** The purl with `upstream` set, unless it has one, or cannot be read, or names itself as its source. */
export function withUpstream(text: string, name: string, version: string | undefined): string {
  const purl = parsePurl(text);
  if (isPurlError(purl) || purl.qualifiers?.upstream) return text;
  const sameVersion = version === undefined || version === purl.version;
  if (name === purl.name && sameVersion) return text;
  const upstream = sameVersion ? name : `${name}@${version}`;
  return formatPurl({ ...purl, qualifiers: { ...purl.qualifiers, upstream } });
}
