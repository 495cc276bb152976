import type { SbomFormat } from '../../format.js';
import { decodeKissbom } from './decode.js';
import { encodeKissbom } from './encode.js';
import { identifyKissbom } from './identify.js';
import { KISSBOM_SERIALISATIONS } from './layout.js';

/**
 * KISSBOM, the "keep it simple SBoM" Hermine users exchange package lists in. Its "versions" are its
 * serialisations (`json`, `yaml`, `csv`): the spec itself is unversioned.
 */
export const kissbom: SbomFormat = {
  id: 'kissbom',
  name: 'KISSBOM',
  decodes: KISSBOM_SERIALISATIONS,
  encodes: KISSBOM_SERIALISATIONS,
  identify: (head) => {
    try {
      return identifyKissbom(head);
    } catch {
      return undefined;
    }
  },
  decode: decodeKissbom,
  encode: (sbom, specVersion) => encodeKissbom(sbom, specVersion),
};
