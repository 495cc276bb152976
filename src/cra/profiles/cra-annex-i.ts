// CRA Annex I Part II point 1: "identify and document vulnerabilities and components … including by
// drawing up a software bill of materials in a commonly used and machine-readable format covering at
// the very least the top-level dependencies" (Reg. (EU) 2024/2847; reference note §1.5, [N]).
import type { QualityProfile } from './profile.js';

const POINT = 'CRA Annex I Part II(1)';

export const CRA_ANNEX_I: QualityProfile = {
  id: 'cra-annex-i',
  title: 'EU Cyber Resilience Act, Annex I Part II(1)',
  source: 'https://eur-lex.europa.eu/eli/reg/2024/2847/oj',
  checks: [
    {
      id: 'cra.format',
      title: 'Commonly used, machine-readable format',
      clause: POINT,
      level: 'required',
      probe: 'document.standard-format',
      coverage: 'CycloneDX or SPDX document',
      help: 'Draw up the SBOM as CycloneDX or SPDX. The Regulation names no format; reading "commonly used" as these two is Vigie\'s interpretation until an implementing act under Art. 13(24) fixes one (none adopted as far as known [V]).',
    },
    {
      id: 'cra.top-level-dependencies',
      title: 'Top-level dependencies covered',
      clause: POINT,
      level: 'required',
      probe: 'document.top-level-dependencies',
      coverage: 'primary component with its direct dependencies',
      help: 'Name the product as primary component and list its direct (top-level) dependencies in the graph.',
    },
    {
      id: 'cra.top-level-identified',
      title: 'Top-level dependencies identified',
      clause: POINT,
      level: 'required',
      probe: 'component.top-level-identified',
      coverage: '(direct dependencies of the product) have a name and version',
      help: 'Give each direct dependency of the product its name and version so that it can be looked up.',
    },
  ],
};
