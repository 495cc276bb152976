import type { SbomFormat } from '../../format.js';
import { ENCODES, XML_DECODES } from '../cyclonedx-common/versions.js';
import { decodeCycloneDxXml } from './decode.js';
import { encodeCycloneDxXml } from './encode.js';
import { FORMAT_ID, identifyCycloneDxXml } from './identify.js';

export const cyclonedxXml: SbomFormat = {
  id: FORMAT_ID,
  name: 'CycloneDX XML',
  decodes: XML_DECODES,
  encodes: ENCODES,
  identify: identifyCycloneDxXml,
  decode: decodeCycloneDxXml,
  encode: encodeCycloneDxXml,
};
