import type { Issue, Sbom } from '../model/index.js';
import type { WorkInSteps } from '../model/work-in-steps.js';

/**
 * What a cheap look at the first bytes of a document tells. `supported: false` carries the reason
 * shown to the user ("CycloneDX 1.1 JSON is not supported: …").
 */
export interface Identification {
  format: string;
  specVersion?: string;
  supported: boolean;
  reason?: string;
}

/** The document handed to a decoder: the whole text, and the JSON value when it was parsed already. */
export interface DecodeInput {
  text: string;
  json?: unknown;
  /** File name, for messages only. */
  name?: string;
}

export interface DecodeResult {
  sbom: Sbom;
  issues: Issue[];
  /**
   * The plain value a decoder parsed a non-JSON text into, when it has one (SPDX YAML's mapping, with
   * scalars read as the decoder read them): `sbom validate` checks the schema on this same value,
   * so the text is parsed once and the schema sees what the reader saw.
   */
  parsed?: unknown;
}

/** Thrown by a decoder only when the document cannot be read at all (syntax error, wrong root). */
export class UnreadableDocumentError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'UnreadableDocumentError';
  }
}

export interface EncodeResult {
  text: string;
  /** What the target format could not hold (code `lossy-encode`), and other remarks. */
  issues: Issue[];
}

export interface EncodeOptions {
  /** Fixed values for reproducible output (tests, goldens): serial number/namespace and timestamp. */
  serialNumber?: string;
  timestamp?: string;
}

export interface SbomFormat {
  /** `cyclonedx-json`, `cyclonedx-xml`, `spdx-json`, `spdx-yaml`, `spdx-tagvalue`, `spdx3-jsonld`, … */
  id: string;
  /** Human name: "CycloneDX JSON". */
  name: string;
  /** Spec versions this decoder reads. */
  decodes: readonly string[];
  /** Spec versions this encoder writes (empty when the format is read-only). */
  encodes: readonly string[];
  /**
   * Cheap identification from the first bytes (at most 64 KiB) of the text — or, when those do not
   * settle it, from the whole text or (JSON) an outline of every top-level key (json-outline.ts);
   * undefined when the text is clearly not this format. Never throws.
   */
  identify(head: string): Identification | undefined;
  /** Full decode. Problems in the content become Issues; only an unreadable document throws. */
  decode(input: DecodeInput): DecodeResult;
  encode?(sbom: Sbom, specVersion: string, options?: EncodeOptions): EncodeResult;
  /**
   * A JSON format's document before it is written: `encode` gives exactly
   * `JSON.stringify(document, null, 2)` and a line break, so a caller may write it in pieces
   * (`text/json-chunks.ts`) and get the same text.
   */
  encodeDocument?(sbom: Sbom, specVersion: string, options?: EncodeOptions): EncodedDocument;
  /** encodeDocument written in steps (model/work-in-steps.ts), for a format whose document takes long to build. */
  encodeDocumentInSteps?(sbom: Sbom, specVersion: string, options?: EncodeOptions): WorkInSteps<EncodedDocument>;
}

/** What `encodeDocument` gives: the JSON value the format's text is written from. */
export interface EncodedDocument {
  document: object;
  issues: Issue[];
}
