import { UnreadableDocumentError, type DecodeInput, type DecodeResult } from '../../format.js';
import { decodeBom } from '../cyclonedx-common/decode-bom.js';
import { XML_DECODES, unsupportedReason } from '../cyclonedx-common/versions.js';
import { FORMAT_ID, namespaceVersion } from './identify.js';
import { readXml } from './read-xml.js';
import { xmlToBom } from './xml-to-bom.js';

const CYCLONEDX_NAMESPACES = 'http://cyclonedx.org/schema/';

export function decodeCycloneDxXml(input: DecodeInput): DecodeResult {
  const what = input.name ?? 'the document';
  // Elements of other namespaces (extensions CycloneDX allows almost anywhere, a signature) are not
  // CycloneDX: a vendor's <x:name> or <x:component> is not read as the component's name or as one.
  // CycloneDX's own extension namespaces (the 1.1 dependency graph) stay.
  const root = readXml(input.text, what, { keepNamespace: (uri) => uri.startsWith(CYCLONEDX_NAMESPACES) });
  const specVersion = namespaceVersion(input.text.slice(0, 65536));
  if (specVersion === undefined) {
    throw new UnreadableDocumentError(
      `${what} is not a CycloneDX XML document: no http://cyclonedx.org/schema/bom/ namespace`,
    );
  }
  const reason = unsupportedReason('CycloneDX XML', specVersion, XML_DECODES);
  if (reason !== undefined) throw new UnreadableDocumentError(reason);
  const bom = xmlToBom(root, specVersion);
  if (!bom) throw new UnreadableDocumentError(`${what} is not a CycloneDX XML document: its root element is not <bom>`);
  return decodeBom(bom, { id: FORMAT_ID, specVersion });
}
