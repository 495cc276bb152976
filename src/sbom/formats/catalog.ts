// The format catalog (ADR 51): every format as described in descriptions.ts (id, name, versions, the
// cheap `identify`), and how to load its module (decoder and encoder) on demand — a chunk of its own
// in dist/, so a command that writes CycloneDX JSON, or reads one SPDX document, loads that format only.
//
// formats/index.ts keeps the table of whole formats for the code that reads synchronously (the
// services behind `vigie import` and the API, reports).
import type { SbomFormat } from '../format.js';
import { FORMAT_DESCRIPTIONS, type FormatDescription } from './descriptions.js';

/** A format's writer alone. */
export type Encoder = NonNullable<SbomFormat['encode']>;

/** A format as the catalog knows it: its description, and how to load the rest. */
export interface FormatEntry extends FormatDescription {
  /** The whole format: decoder and encoder. */
  load: () => Promise<SbomFormat>;
  /** The encoder alone (undefined for a read-only format): what `--to` needs. */
  loadEncoder: () => Promise<Encoder | undefined>;
}

const LOADERS: Record<string, () => Promise<SbomFormat>> = {
  'cyclonedx-json': () => import('./cyclonedx-json/index.js').then((m) => m.cyclonedxJson),
  'cyclonedx-xml': () => import('./cyclonedx-xml/index.js').then((m) => m.cyclonedxXml),
  'spdx-json': () => import('./spdx-json/index.js').then((m) => m.spdxJson),
  'spdx-yaml': () => import('./spdx-yaml/index.js').then((m) => m.spdxYaml),
  'spdx-tagvalue': () => import('./spdx-tagvalue/index.js').then((m) => m.spdxTagValue),
  'spdx3-jsonld': () => import('./spdx3-jsonld/index.js').then((m) => m.spdx3JsonLd),
  ort: () => import('./ort/index.js').then((m) => m.ortResult),
  kissbom: () => import('./kissbom/index.js').then((m) => m.kissbom),
};

/**
 * Writers with a module of their own, loaded without their format's reader: CycloneDX, the default
 * output of `sbom generate`. The others come with their whole format.
 */
const ENCODERS: Record<string, () => Promise<Encoder>> = {
  'cyclonedx-json': () => import('./cyclonedx-json/encode.js').then((m) => m.encodeCycloneDxJson),
  'cyclonedx-xml': () => import('./cyclonedx-xml/encode.js').then((m) => m.encodeCycloneDxXml),
};

/** In identification order: the first format that claims a document as supported reads it. */
export const FORMAT_CATALOG: readonly FormatEntry[] = FORMAT_DESCRIPTIONS.map((description) => {
  const load = LOADERS[description.id]!;
  return { ...description, load, loadEncoder: ENCODERS[description.id] ?? (() => load().then((f) => f.encode)) };
});

export function catalogEntry(id: string): FormatEntry | undefined {
  return FORMAT_CATALOG.find((f) => f.id === id);
}

/** The whole format (decoder and encoder loaded), or undefined for an id the catalog does not hold. */
export async function loadFormat(id: string): Promise<SbomFormat | undefined> {
  return catalogEntry(id)?.load();
}

/** Output targets as users name them: `cyclonedx-json@1.6`. */
export function outputTargets(): string[] {
  return FORMAT_CATALOG.flatMap((f) => f.encodes.map((v) => `${f.id}@${v}`));
}

/** Parses `id@version` (version optional: the newest the format writes); a string is the refusal. */
export function resolveOutputEntry(target: string): { entry: FormatEntry; specVersion: string } | string {
  const [id, version] = target.split('@');
  const entry = catalogEntry(id);
  if (!entry || entry.encodes.length === 0) {
    return `unknown output format "${target}"; choose one of: ${outputTargets().join(', ')}`;
  }
  const specVersion = version ?? entry.encodes[entry.encodes.length - 1];
  if (!entry.encodes.includes(specVersion)) {
    return `${entry.name} ${specVersion} is not an output Vigie writes; choose one of: ${outputTargets().join(', ')}`;
  }
  return { entry, specVersion };
}
