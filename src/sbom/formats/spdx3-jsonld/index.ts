// SPDX 3.0 JSON-LD: reads 3.0.0 and 3.0.1, writes 3.0.1.
import type { SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeSpdx3 } from './decode.js';
import { encodeSpdx3 } from './encode.js';

export const spdx3JsonLd: SbomFormat = {
  ...describedFormat('spdx3-jsonld'),
  decode: decodeSpdx3,
  encode: encodeSpdx3,
};
