import type { Identification, SbomFormat } from './format.js';

/** What identification needs of a format: a whole SbomFormat, or its entry in the format catalog. */
export type Identifier = Pick<SbomFormat, 'identify'>;

/** How much of a document `identify` looks at first; read.ts looks further when this does not settle it. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Documents we recognise but do not read. Saying exactly what a file is beats "unknown format":
 * the user learns which converter to reach for.
 */
const KNOWN_UNSUPPORTED: {
  test: (head: string) => boolean;
  format: string;
  reason: string | ((head: string) => string);
}[] = [
  {
    test: (h) => /<rdf:RDF[\s>]/.test(h) && /spdx\.org\/rdf\/terms/.test(h),
    format: 'spdx-rdf',
    reason: 'SPDX RDF/XML is not supported: convert it to SPDX JSON or tag-value first',
  },
  {
    test: (h) => /<(\w+:)?Document[\s>]/.test(h) && /<(\w+:)?spdxVersion>/.test(h),
    format: 'spdx-xml',
    reason: 'SPDX XML is not supported: convert it to SPDX JSON or tag-value first',
  },
  {
    test: (h) => /<SoftwareIdentity[\s>]/.test(h),
    format: 'swid',
    reason: 'SWID tags are not an SBOM format Vigie reads',
  },
  {
    test: (h) => /"bomFormat"\s*:/.test(h) && !/"bomFormat"\s*:\s*"CycloneDX"/.test(h),
    format: 'cyclonedx-json',
    reason: (h) => {
      const found = /"bomFormat"\s*:\s*("[^"\n]{0,40}"|[^\s,}]{1,40})/.exec(h)?.[1];
      return `the document's "bomFormat" is ${found ?? 'not a string'}; a CycloneDX document says "CycloneDX", spelt so`;
    },
  },
  {
    test: (h) => /^\s*\{/.test(h) && /"lockfileVersion"\s*:/.test(h),
    format: 'npm-lockfile',
    reason: 'this is an npm lockfile, not an SBOM: use `vigie sbom generate <project dir>`',
  },
  {
    // Maven calls a POM that pins versions a "BOM" (bill of materials) and projects name it bom.xml.
    test: (h) => /<project[\s>]/.test(h) && /maven\.apache\.org\/POM\//.test(h),
    format: 'maven-pom',
    reason:
      'this is a Maven POM (a Maven "BOM" pins dependency versions; it is not an SBOM): use `vigie sbom generate <project dir>` to inventory a Maven project',
  },
  {
    test: (h) => /^\s*\{/.test(h) && /"schema_version"\s*:/.test(h) && /"affected"\s*:/.test(h),
    format: 'osv',
    reason: 'this is an OSV vulnerability advisory, not an SBOM',
  },
  {
    test: (h) => /"@context"\s*:\s*"https:\/\/openvex\.dev/.test(h),
    format: 'openvex',
    reason: 'this is an OpenVEX document, not an SBOM',
  },
  {
    test: (h) => /"document"\s*:\s*\{/.test(h) && /"csaf_version"\s*:/.test(h),
    format: 'csaf',
    reason: 'this is a CSAF advisory, not an SBOM',
  },
];

/**
 * Asks every format what the head of a document is. A supported match wins; otherwise the first
 * "recognised but unsupported" answer explains why; otherwise undefined ("not an SBOM format I know").
 */
export function identifyDocument(head: string, formats: readonly Identifier[]): Identification | undefined {
  let unsupported: Identification | undefined;
  for (const format of formats) {
    let id: Identification | undefined;
    try {
      id = format.identify(head);
    } catch {
      id = undefined; // identify must never throw; a buggy one just does not claim the document
    }
    if (id?.supported) return id;
    unsupported ??= id;
  }
  if (unsupported) return unsupported;
  for (const k of KNOWN_UNSUPPORTED) {
    if (k.test(head))
      return { format: k.format, supported: false, reason: typeof k.reason === 'string' ? k.reason : k.reason(head) };
  }
  return undefined;
}
