import type { SbomFormat } from '../../format.js';
import { ENCODES, JSON_DECODES } from '../cyclonedx-common/versions.js';
import { decodeCycloneDxJson } from './decode.js';
import { encodeCycloneDxJson } from './encode.js';
import { FORMAT_ID, identifyCycloneDxJson } from './identify.js';

export const cyclonedxJson: SbomFormat = {
  id: FORMAT_ID,
  name: 'CycloneDX JSON',
  decodes: JSON_DECODES,
  encodes: ENCODES,
  identify: identifyCycloneDxJson,
  decode: decodeCycloneDxJson,
  encode: encodeCycloneDxJson,
};
