import type { SbomFormat } from '../../format.js';
import { describedFormat } from '../descriptions.js';
import { decodeKissbom } from './decode.js';
import { encodeKissbom } from './encode.js';

/**
 * KISSBOM, the "keep it simple SBoM" Hermine users exchange package lists in. Its "versions" are its
 * serialisations (`json`, `yaml`, `csv`): the spec itself is unversioned.
 */
export const kissbom: SbomFormat = {
  ...describedFormat('kissbom'),
  decode: decodeKissbom,
  encode: (sbom, specVersion) => encodeKissbom(sbom, specVersion),
};
