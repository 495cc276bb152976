// NTIA "The Minimum Elements for a Software Bill of Materials" (2021-07-12): data fields, automation
// support and the known-unknowns practice (reference note §3.1, [N]).
import type { QualityProfile } from './profile.js';

const FIELDS = 'NTIA Minimum Elements (2021), Data Fields';

export const NTIA_2021: QualityProfile = {
  id: 'ntia-2021',
  title: 'NTIA Minimum Elements for an SBOM (2021)',
  source: 'https://www.ntia.gov/files/ntia/publications/sbom_minimum_elements_report.pdf',
  checks: [
    {
      id: 'ntia.supplier',
      title: 'Supplier name',
      clause: `${FIELDS}: Supplier Name`,
      level: 'required',
      probe: 'component.supplier',
      coverage: 'name a supplier',
      help: 'Name the entity that creates, defines and identifies each component (CycloneDX supplier or manufacturer, SPDX PackageSupplier / originatedBy).',
    },
    {
      id: 'ntia.name',
      title: 'Component name',
      clause: `${FIELDS}: Component Name`,
      level: 'required',
      probe: 'component.name',
      coverage: 'have a name',
      help: 'Give every component the name its original supplier uses.',
    },
    {
      id: 'ntia.version',
      title: 'Version of the component',
      clause: `${FIELDS}: Version of the Component`,
      level: 'required',
      probe: 'component.version',
      coverage: 'have a version',
      help: "Give every component the supplier's version identifier.",
    },
    {
      id: 'ntia.identifiers',
      title: 'Other unique identifiers',
      clause: `${FIELDS}: Other Unique Identifiers`,
      level: 'required',
      probe: 'component.identifier',
      coverage: 'have a valid purl, CPE or SWID identifier',
      help: 'Add a lookup key to every component: a purl, a CPE or a SWID tag id.',
    },
    {
      id: 'ntia.dependencies',
      title: 'Dependency relationship',
      clause: `${FIELDS}: Dependency Relationship`,
      level: 'required',
      probe: 'document.top-level-dependencies',
      coverage: 'primary component with its direct dependencies',
      help: 'Name the primary component (CycloneDX metadata.component, SPDX describes) and list what it includes (dependencies / DEPENDS_ON / CONTAINS).',
    },
    {
      id: 'ntia.author',
      title: 'Author of SBOM data',
      clause: `${FIELDS}: Author of SBOM Data`,
      level: 'required',
      probe: 'document.author',
      coverage: 'author of the SBOM data named',
      help: 'Name who made the SBOM data (CycloneDX metadata.authors or tools, SPDX creators).',
    },
    {
      id: 'ntia.timestamp',
      title: 'Timestamp',
      clause: `${FIELDS}: Timestamp`,
      level: 'required',
      probe: 'document.timestamp',
      coverage: 'ISO 8601 creation time',
      help: 'Record when the SBOM data was assembled as an ISO 8601 date-time with offset (CycloneDX metadata.timestamp, SPDX created).',
    },
    {
      id: 'ntia.automation',
      title: 'Automation support',
      clause: 'NTIA Minimum Elements (2021), Automation Support',
      level: 'required',
      probe: 'document.standard-format',
      coverage: 'SPDX or CycloneDX document',
      help: 'Publish the SBOM in SPDX or CycloneDX (SWID tags are the third format NTIA names; Vigie does not read them).',
    },
    {
      id: 'ntia.known-unknowns',
      title: 'Known unknowns',
      clause: 'NTIA Minimum Elements (2021), Practices and Processes: Known Unknowns',
      level: 'additional',
      probe: 'document.completeness-stated',
      coverage: 'completeness of the dependency list stated',
      help: 'Say whether the dependency list is complete (CycloneDX compositions aggregate, SPDX 3 completeness); without it a reader must assume it is incomplete.',
    },
  ],
};
