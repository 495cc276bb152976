// Recognition of the three SPDX 2 syntaxes from the first bytes of a document. Kept apart from the
// decoders and encoders so that identification (the format catalog) loads none of them.
import type { Identification } from '../../format.js';
import { identifySpdx2Version } from './spec-version.js';

export const SPDX_JSON_ID = 'spdx-json';
export const SPDX_YAML_ID = 'spdx-yaml';
export const SPDX_TAGVALUE_ID = 'spdx-tagvalue';

export function identifySpdxJson(head: string): Identification | undefined {
  if (!/^\s*\{/.test(head.replace(/^\uFEFF/, ''))) return undefined;
  const m = /"spdxVersion"\s*:\s*"(SPDX-[^"]*)"/.exec(head);
  return m ? identifySpdx2Version(SPDX_JSON_ID, 'JSON', m[1]!) : undefined;
}

export function identifySpdxYaml(head: string): Identification | undefined {
  if (/^\s*[{<]/.test(head.replace(/^\uFEFF/, ''))) return undefined;
  const m = /^\s*["']?spdxVersion["']?\s*:\s*["']?(SPDX-[0-9.]+)/m.exec(head);
  return m ? identifySpdx2Version(SPDX_YAML_ID, 'YAML', m[1]!) : undefined;
}

export function identifySpdxTagValue(head: string): Identification | undefined {
  const m = /^\s*SPDXVersion\s*:\s*(SPDX-[0-9.]+)/m.exec(head.replace(/^\uFEFF/, ''));
  return m ? identifySpdx2Version(SPDX_TAGVALUE_ID, 'tag-value', m[1]!) : undefined;
}
