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
 * Every format, readers and writers loaded: for code that reads or writes synchronously (the
 * services behind `vigie import` and the API, reports). Order matters only for identification: the
 * first format that claims a document as supported reads it. The CLI goes through catalog.ts, which
 * holds the same formats (same order, same identification) and loads each one only when chosen (ADR 51).
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
