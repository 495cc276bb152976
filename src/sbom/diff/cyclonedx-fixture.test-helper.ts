// A deliberately small CycloneDX JSON reader for tests of the pure diff/validate code, so that they
// do not depend on the real decoder (src/sbom/formats/cyclonedx-json) while it evolves.
import { emptySbom, licenseFromEntries, type Component, type LicenseEntry, type Sbom } from '../../model/index.js';

interface CdxComponent {
  'bom-ref'?: string;
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  cpe?: string;
  hashes?: { alg: string; content: string }[];
  licenses?: { license?: { id?: string; name?: string }; expression?: string }[];
  components?: CdxComponent[];
}

// `any`: the fixture JSON is trusted test data from the corpora.
export function sbomFromCycloneDxJson(doc: any): Sbom {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: doc.specVersion });
  const toComponent = (c: CdxComponent): Component => {
    const entries: LicenseEntry[] = (c.licenses ?? []).map((l) =>
      l.expression ? { expression: l.expression } : l.license?.id ? { id: l.license.id } : { name: l.license?.name },
    );
    const declared = licenseFromEntries(entries);
    return {
      ref: c['bom-ref'] ?? `${c.group ?? ''}/${c.name}@${c.version ?? ''}`,
      type: c.type as Component['type'],
      name: c.name,
      group: c.group,
      version: c.version,
      purl: c.purl,
      cpe: c.cpe,
      hashes: (c.hashes ?? []).map((h) => ({ alg: h.alg, content: h.content.toLowerCase() })),
      licenses: declared ? { declared } : {},
      externalReferences: [],
      properties: [],
      components: c.components?.map(toComponent),
    };
  };
  if (doc.metadata?.component) sbom.metadata.component = toComponent(doc.metadata.component);
  sbom.components = (doc.components ?? []).map(toComponent);
  sbom.dependencies = (doc.dependencies ?? []).map((d: { ref: string; dependsOn?: string[] }) => ({
    ref: d.ref,
    dependsOn: d.dependsOn ?? [],
  }));
  return sbom;
}
