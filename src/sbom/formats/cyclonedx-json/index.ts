import type { SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeCycloneDxJson } from './decode.js';
import { encodeCycloneDxDocument, encodeCycloneDxJson } from './encode.js';

export const cyclonedxJson: SbomFormat = {
  ...describedFormat('cyclonedx-json'),
  decode: decodeCycloneDxJson,
  encode: encodeCycloneDxJson,
  encodeDocument: encodeCycloneDxDocument,
};
