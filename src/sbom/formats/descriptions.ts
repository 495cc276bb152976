// What identification and output-target checks need of each SBOM format (ADR 51): id, name, versions
// and the cheap `identify`, without the readers and writers. Both tables are built from it: the
// format catalog (catalog.ts: each format loads on demand) and the table of whole formats (index.ts:
// each format's module spreads its description), so they cannot describe a format differently.
import type { SbomFormat } from '../format.js';
import { ENCODES, JSON_DECODES, XML_DECODES } from './cyclonedx-common/versions.js';
import { identifyCycloneDxJson } from './cyclonedx-json/identify.js';
import { identifyCycloneDxXml } from './cyclonedx-xml/identify.js';
import { identifySpdxJson, identifySpdxTagValue, identifySpdxYaml } from './spdx2-common/identify.js';
import { SPDX2_DECODES, SPDX2_ENCODES } from './spdx2-common/spec-version.js';
import { identifySpdx3 } from './spdx3-jsonld/identify.js';
import { SPEC_VERSIONS, WRITTEN_VERSION } from './spdx3-jsonld/vocabulary.js';
import { identifyOrtSafely } from './ort/identify.js';
import { ANALYZER_RESULT, EVALUATED_MODEL } from './ort/layouts.js';
import { identifyKissbomSafely } from './kissbom/identify.js';
import { KISSBOM_SERIALISATIONS } from './kissbom/layout.js';

/** A format without its decoder and encoder. */
export type FormatDescription = Pick<SbomFormat, 'id' | 'name' | 'decodes' | 'encodes' | 'identify'>;

/** In identification order: the first format that claims a document as supported reads it. */
export const FORMAT_DESCRIPTIONS: readonly FormatDescription[] = [
  {
    id: 'cyclonedx-json',
    name: 'CycloneDX JSON',
    decodes: JSON_DECODES,
    encodes: ENCODES,
    identify: identifyCycloneDxJson,
  },
  {
    id: 'cyclonedx-xml',
    name: 'CycloneDX XML',
    decodes: XML_DECODES,
    encodes: ENCODES,
    identify: identifyCycloneDxXml,
  },
  {
    id: 'spdx-json',
    name: 'SPDX JSON',
    decodes: SPDX2_DECODES,
    encodes: SPDX2_ENCODES,
    identify: identifySpdxJson,
  },
  {
    id: 'spdx-yaml',
    name: 'SPDX YAML',
    decodes: SPDX2_DECODES,
    encodes: SPDX2_ENCODES,
    identify: identifySpdxYaml,
  },
  {
    id: 'spdx-tagvalue',
    name: 'SPDX tag-value',
    decodes: SPDX2_DECODES,
    encodes: SPDX2_ENCODES,
    identify: identifySpdxTagValue,
  },
  {
    id: 'spdx3-jsonld',
    name: 'SPDX 3 JSON-LD',
    decodes: SPEC_VERSIONS,
    encodes: [WRITTEN_VERSION],
    identify: identifySpdx3,
  },
  {
    id: 'ort',
    name: 'OSS Review Toolkit result',
    decodes: [ANALYZER_RESULT, EVALUATED_MODEL],
    encodes: [],
    identify: identifyOrtSafely,
  },
  {
    id: 'kissbom',
    name: 'KISSBOM',
    decodes: KISSBOM_SERIALISATIONS,
    encodes: KISSBOM_SERIALISATIONS,
    identify: identifyKissbomSafely,
  },
];

/** The description of a format the table holds (a format module takes its own from here). */
export function describedFormat(id: string): FormatDescription {
  const found = FORMAT_DESCRIPTIONS.find((f) => f.id === id);
  if (!found) throw new Error(`format descriptions: no format "${id}"`);
  return found;
}
