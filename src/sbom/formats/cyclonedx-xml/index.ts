import type { SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeCycloneDxXml } from './decode.js';
import { encodeCycloneDxXml } from './encode.js';

export const cyclonedxXml: SbomFormat = {
  ...describedFormat('cyclonedx-xml'),
  decode: decodeCycloneDxXml,
  encode: encodeCycloneDxXml,
};
