// Probes over the whole document. `not-applicable` leaves the check out of the count (0/0).
import type { SbomView } from '../view.js';
import { isEmail, isRfc3339, isWebUrl } from '../values.js';

export type DocumentVerdict = boolean | 'not-applicable';
export interface DocumentProbe {
  scope: 'document';
  test(view: SbomView): DocumentVerdict;
}

const CYCLONEDX = new Set(['cyclonedx-json', 'cyclonedx-xml']);
const SPDX = new Set(['spdx-json', 'spdx-yaml', 'spdx-tagvalue', 'spdx3-jsonld']);

function versionAtLeast(version: string, floor: number[]): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < floor.length; i++) {
    const v = parts[i] ?? 0;
    if (Number.isNaN(v)) return false;
    if (v !== floor[i]) return v > floor[i]!;
  }
  return true;
}

const doc = (test: (view: SbomView) => DocumentVerdict): DocumentProbe => ({ scope: 'document', test });

export const DOCUMENT_PROBES = {
  /** Someone named as author of the SBOM data: a person, organisation or tool. */
  'document.author': doc(
    ({ sbom: { metadata: m } }) =>
      m.authors.some((a) => a.name || a.email) || m.tools.length > 0 || !!m.manufacturer?.name || !!m.supplier?.name,
  ),
  /** An entity (person or organisation) as author; a tool alone does not count. */
  'document.author-entity': doc(
    ({ sbom: { metadata: m } }) => m.authors.some((a) => a.name || a.email) || !!m.manufacturer?.name,
  ),
  /** The creator reachable by a valid e-mail, else a valid URL (BSI #1). */
  'document.creator-contact': doc(
    ({ sbom: { metadata: m } }) =>
      m.authors.some((a) => isEmail(a.email)) ||
      (m.manufacturer?.contacts ?? []).some((c) => isEmail(c.email)) ||
      (m.manufacturer?.urls ?? []).some(isWebUrl),
  ),
  'document.timestamp': doc(({ sbom }) => isRfc3339(sbom.metadata.timestamp)),
  'document.standard-format': doc(({ sbom }) => CYCLONEDX.has(sbom.source.id) || SPDX.has(sbom.source.id)),
  /** CycloneDX 1.5+ or SPDX 2.3+ (earlier versions are superseded). */
  'document.current-format': doc(
    ({ sbom: { source } }) =>
      (CYCLONEDX.has(source.id) && versionAtLeast(source.specVersion, [1, 5])) ||
      (SPDX.has(source.id) && versionAtLeast(source.specVersion, [2, 3])),
  ),
  /** JSON or XML, CycloneDX ≥ 1.6 or SPDX ≥ 3.0.1 (BSI §4). */
  'document.bsi-format': doc(
    ({ sbom: { source } }) =>
      (CYCLONEDX.has(source.id) && versionAtLeast(source.specVersion, [1, 6])) ||
      (source.id === 'spdx3-jsonld' && versionAtLeast(source.specVersion, [3, 0, 1])),
  ),
  'document.no-vulnerabilities': doc(({ sbom }) => (sbom.metadata.embeddedVulnerabilities ?? 0) === 0),
  'document.primary-component': doc(({ primary }) => primary !== undefined),
  /** The primary component's direct dependencies are listed (a leaf list only if it has no others). */
  'document.top-level-dependencies': doc(({ primary, dependsOn, components }) => {
    if (!primary) return false;
    const direct = dependsOn.get(primary.ref);
    if (direct === undefined) return false;
    return direct.length > 0 || components.length === 1;
  }),
  'document.completeness-stated': doc(({ sbom }) => sbom.dependencyCompleteness !== 'not_specified'),
  'document.graph-intact': doc(({ danglingRefs }) => danglingRefs.length === 0),
  /** A unique SBOM URI: a urn:uuid serial number or a URL document id (BSI #13). */
  'document.sbom-uri': doc(({ sbom }) => {
    const id = sbom.metadata.serialNumber;
    return (
      !!id && (/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || isWebUrl(id))
    );
  }),
  'document.tool': doc(({ sbom }) => sbom.metadata.tools.some((t) => t.name.trim() !== '')),
  'document.lifecycle': doc(({ sbom }) => sbom.metadata.lifecycles.length > 0),
  'document.signature': doc(({ sbom }) => sbom.metadata.signed === true),
  /** CycloneDX revision number beside the serial number; SPDX has no document version. */
  'document.sbom-version': doc(({ sbom }) =>
    CYCLONEDX.has(sbom.source.id)
      ? typeof sbom.metadata.version === 'number' && !!sbom.metadata.serialNumber
      : 'not-applicable',
  ),
} satisfies Record<string, DocumentProbe>;
