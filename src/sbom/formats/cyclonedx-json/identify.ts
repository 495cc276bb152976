import type { Identification } from '../../format.js';
import { JSON_DECODES, specVersionTypeReason, unsupportedReason } from '../cyclonedx-common/versions.js';

export const FORMAT_ID = 'cyclonedx-json';

const BOM_FORMAT = /"bomFormat"\s*:\s*"CycloneDX"/;
const SPEC_VERSION = /"specVersion"\s*:\s*"([^"]*)"/;
/** A specVersion that is not a string: a number, true/false/null, an object or a list. */
const SPEC_VERSION_OTHER = /"specVersion"\s*:\s*(-?\d[\d.eE+-]*|true|false|null|\{|\[)/;

export function identifyCycloneDxJson(head: string): Identification | undefined {
  const start = head.search(/\S/);
  if (start === -1 || head[start] !== '{' || !BOM_FORMAT.test(head)) return undefined;
  const specVersion = SPEC_VERSION.exec(head)?.[1];
  const other = specVersion === undefined ? SPEC_VERSION_OTHER.exec(head)?.[1] : undefined;
  const reason =
    other !== undefined
      ? specVersionTypeReason('CycloneDX', other)
      : unsupportedReason('CycloneDX', specVersion, JSON_DECODES);
  return reason === undefined
    ? { format: FORMAT_ID, specVersion, supported: true }
    : { format: FORMAT_ID, specVersion, supported: false, reason };
}
