import type { Sbom } from '../../../model/index.js';
import type { EncodeOptions, EncodeResult } from '../../format.js';
import { encodeBom, isEncodeVersion } from '../cyclonedx-common/encode-bom.js';
import { ENCODES } from '../cyclonedx-common/versions.js';
import { bomToXml } from './bom-to-xml.js';

export function encodeCycloneDxXml(sbom: Sbom, specVersion: string, options: EncodeOptions = {}): EncodeResult {
  if (!isEncodeVersion(specVersion)) {
    throw new RangeError(`Vigie writes CycloneDX ${ENCODES.join(' and ')}, not ${specVersion}`);
  }
  const { bom, issues } = encodeBom(sbom, specVersion, options);
  return { text: bomToXml(bom), issues };
}
