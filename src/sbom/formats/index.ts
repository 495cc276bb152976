import type { SbomFormat } from '../format.js';
import { cyclonedxJson } from './cyclonedx-json/index.js';
import { cyclonedxXml } from './cyclonedx-xml/index.js';
import { spdxJson } from './spdx-json/index.js';
import { spdxYaml } from './spdx-yaml/index.js';
import { spdxTagValue } from './spdx-tagvalue/index.js';
import { spdx3JsonLd } from './spdx3-jsonld/index.js';
import { ortResult } from './ort/index.js';
import { kissbom } from './kissbom/index.js';

/**
 * The one format table. Order matters only for identification: the first format that claims a
 * document as supported reads it.
 */
export const SBOM_FORMATS: readonly SbomFormat[] = [
  cyclonedxJson,
  cyclonedxXml,
  spdxJson,
  spdxYaml,
  spdxTagValue,
  spdx3JsonLd,
  ortResult,
  kissbom,
];

export function formatById(id: string): SbomFormat | undefined {
  return SBOM_FORMATS.find((f) => f.id === id);
}

/** Output targets as users name them: `cyclonedx-json@1.6`. */
export function outputTargets(): string[] {
  return SBOM_FORMATS.flatMap((f) => f.encodes.map((v) => `${f.id}@${v}`));
}

/** Parses `id@version` (version optional: the newest the format writes). */
export function resolveOutputTarget(target: string): { format: SbomFormat; specVersion: string } | string {
  const [id, version] = target.split('@');
  const format = formatById(id);
  if (!format || format.encodes.length === 0) {
    return `unknown output format "${target}"; choose one of: ${outputTargets().join(', ')}`;
  }
  const specVersion = version ?? format.encodes[format.encodes.length - 1];
  if (!format.encodes.includes(specVersion)) {
    return `${format.name} ${specVersion} is not an output Vigie writes; choose one of: ${outputTargets().join(', ')}`;
  }
  return { format, specVersion };
}
