// SPDX 3.0 JSON-LD: reads 3.0.0 and 3.0.1, writes 3.0.1.
import type { SbomFormat } from '../../format.js';
import { decodeSpdx3 } from './decode.js';
import { encodeSpdx3 } from './encode.js';
import { FORMAT_ID, FORMAT_NAME, identifySpdx3 } from './identify.js';
import { SPEC_VERSIONS, WRITTEN_VERSION } from './vocabulary.js';

export const spdx3JsonLd: SbomFormat = {
  id: FORMAT_ID,
  name: FORMAT_NAME,
  decodes: SPEC_VERSIONS,
  encodes: [WRITTEN_VERSION],
  identify: identifySpdx3,
  decode: decodeSpdx3,
  encode: encodeSpdx3,
};
