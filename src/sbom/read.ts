import type { SbomFormat } from './format.js';
import { SBOM_FORMATS } from './formats/index.js';
import { decodeIdentified, identifySbom, type ReadResult } from './read-steps.js';

export { UnsupportedDocumentError, type ReadResult } from './read-steps.js';

/**
 * Identifies and decodes a document held as text, every format at hand (synchronous: the services
 * and reports; the CLI uses readSbomAsNeeded, which loads only the format chosen — ADR 51). Throws
 * UnsupportedDocumentError (what it is and why we cannot read it) or UnreadableDocumentError
 * (syntax); content problems are Issues.
 */
export function readSbom(text: string, name?: string, formats: readonly SbomFormat[] = SBOM_FORMATS): ReadResult {
  const formatOf = (id: string) => formats.find((f) => f.id === id);
  const document = identifySbom(text, name, formats, (id) => formatOf(id) !== undefined);
  return decodeIdentified(document, formatOf(document.found.format)!);
}
