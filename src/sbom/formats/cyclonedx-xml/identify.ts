import type { Identification } from '../../format.js';
import { XML_DECODES, unsupportedReason } from '../cyclonedx-common/versions.js';

export const FORMAT_ID = 'cyclonedx-xml';

const NAMESPACE = /["']http:\/\/cyclonedx\.org\/schema\/bom\/([0-9][^"']*)["']/;

/** The spec version stated by the document's CycloneDX namespace, if it has one. */
export function namespaceVersion(head: string): string | undefined {
  return NAMESPACE.exec(head)?.[1];
}

export function identifyCycloneDxXml(head: string): Identification | undefined {
  const start = head.search(/\S/);
  if (start === -1 || (head[start] !== '<' && head.charCodeAt(start) !== 0xfeff)) return undefined;
  const specVersion = namespaceVersion(head);
  if (specVersion === undefined) return undefined;
  const reason = unsupportedReason('CycloneDX XML', specVersion, XML_DECODES);
  return reason === undefined
    ? { format: FORMAT_ID, specVersion, supported: true }
    : { format: FORMAT_ID, specVersion, supported: false, reason };
}
