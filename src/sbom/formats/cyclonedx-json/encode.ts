import type { Sbom } from '../../../model/index.js';
import type { EncodedDocument, EncodeOptions, EncodeResult } from '../../format.js';
import { encodeBom, isEncodeVersion } from '../cyclonedx-common/encode-bom.js';
import { ENCODES } from '../cyclonedx-common/versions.js';

export function encodeCycloneDxJson(sbom: Sbom, specVersion: string, options: EncodeOptions = {}): EncodeResult {
  const { document, issues } = encodeCycloneDxDocument(sbom, specVersion, options);
  return { text: `${JSON.stringify(document, null, 2)}\n`, issues };
}

/** The BOM as the JSON value its text is written from (with its schema's address first). */
export function encodeCycloneDxDocument(sbom: Sbom, specVersion: string, options: EncodeOptions = {}): EncodedDocument {
  if (!isEncodeVersion(specVersion)) {
    throw new RangeError(`Vigie writes CycloneDX ${ENCODES.join(' and ')}, not ${specVersion}`);
  }
  const { bom, issues } = encodeBom(sbom, specVersion, options);
  return { document: { $schema: `http://cyclonedx.org/schema/bom-${specVersion}.schema.json`, ...bom }, issues };
}
