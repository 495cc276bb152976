// Cheap recognition of SPDX 3 JSON-LD from the first bytes of a document.
import type { Identification } from '../../format.js';
import { SPEC_VERSIONS } from './vocabulary.js';

export const FORMAT_ID = 'spdx3-jsonld';
export const FORMAT_NAME = 'SPDX 3 JSON-LD';

const CONTEXT = /spdx\.org\/rdf\/(\d+\.\d+(?:\.\d+)?)\/spdx-context\.jsonld/;
const SPDX3_TYPE = /"(?:type|@type)"\s*:\s*"(?:SpdxDocument|CreationInfo)"/;
const SPEC_VERSION = /"specVersion"\s*:\s*"([^"]{1,20})"/;

export function identifySpdx3(head: string): Identification | undefined {
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (!start.startsWith('{') || !/"@(context|graph)"/.test(head)) return undefined;
  const fromContext = CONTEXT.exec(head)?.[1];
  if (fromContext === undefined && !SPDX3_TYPE.test(head)) return undefined;
  // The context IRI names the version the vocabulary follows; CreationInfo.specVersion is the fallback.
  const specVersion = fromContext ?? SPEC_VERSION.exec(head)?.[1];
  if (specVersion === undefined) {
    return { format: FORMAT_ID, supported: false, reason: `${FORMAT_NAME}: no SPDX 3 context or specVersion found` };
  }
  if (!(SPEC_VERSIONS as readonly string[]).includes(specVersion)) {
    return {
      format: FORMAT_ID,
      specVersion,
      supported: false,
      reason: `${FORMAT_NAME} ${specVersion} is not supported: Vigie reads SPDX ${SPEC_VERSIONS.join(' and ')}`,
    };
  }
  return { format: FORMAT_ID, specVersion, supported: true };
}
