import type { Identification } from '../../format.js';
import { JSON_DECODES, unsupportedReason } from '../cyclonedx-common/versions.js';

export const FORMAT_ID = 'cyclonedx-json';

const BOM_FORMAT = /"bomFormat"\s*:\s*"CycloneDX"/;
const SPEC_VERSION = /"specVersion"\s*:\s*"([^"]*)"/;

export function identifyCycloneDxJson(head: string): Identification | undefined {
  const start = head.search(/\S/);
  if (start === -1 || head[start] !== '{' || !BOM_FORMAT.test(head)) return undefined;
  const specVersion = SPEC_VERSION.exec(head)?.[1];
  const reason = unsupportedReason('CycloneDX', specVersion, JSON_DECODES);
  return reason === undefined
    ? { format: FORMAT_ID, specVersion, supported: true }
    : { format: FORMAT_ID, specVersion, supported: false, reason };
}
