// Reading a document in two steps (ADR 51): identify it against a table that needs no decoder (the
// format catalog, or the whole formats), then decode it with the one format chosen. read.ts chains
// them synchronously over every format; readSbomAsNeeded (the CLI) loads the chosen format between
// the two, so a run loads one reader instead of all of them. Both give the same results and errors.
import { issue, type Issue, type Sbom } from '../model/index.js';
import { HEAD_BYTES, identifyDocument, type Identifier } from './detect.js';
import type { Identification, SbomFormat } from './format.js';
import { parseJsonDocument } from './json-text.js';
import { outlineJson } from './json-outline.js';
import { catalogEntry, FORMAT_CATALOG } from './formats/catalog.js';
import { writeSourcePackages } from './source-package.js';
import { ENVELOPE_HINT, unwrapAttestation, type Unwrapped } from './attestation.js';

/** The document is not in any format we know, or in a version we do not read. */
export class UnsupportedDocumentError extends Error {
  constructor(
    message: string,
    readonly identification?: Identification,
  ) {
    super(message);
    this.name = 'UnsupportedDocumentError';
  }
}

export interface ReadResult {
  format: SbomFormat;
  specVersion: string;
  sbom: Sbom;
  issues: Issue[];
  /** The parsed JSON value when the document was JSON, or the value a YAML document was parsed into (schema validation reuses it). */
  json?: unknown;
}

/**
 * A document identified as a format Vigie reads, with what identification already parsed. For an
 * SBOM inside attestations (attestation.ts), the innermost document and its wrappers, outermost first.
 */
export interface IdentifiedDocument {
  text: string;
  name?: string;
  isJson: boolean;
  json: unknown;
  found: Identification;
  wrappers: Unwrapped[];
}

/**
 * Identifies a document held as text, against `formats`; `has` tells whether a format identified is
 * in the table at hand. Throws UnsupportedDocumentError (what it is and why we cannot read it) or
 * UnreadableDocumentError (syntax).
 */
export function identifySbom(
  text: string,
  name: string | undefined,
  formats: readonly Identifier[],
  has: (id: string) => boolean,
): IdentifiedDocument {
  const head = text.slice(0, HEAD_BYTES);
  const isJson = /^\uFEFF?\s*[[{]/.test(head);
  let json: unknown;
  if (isJson && ENVELOPE_HINT.test(head)) {
    json = parseJsonDocument(text, name);
    const wrapped = identifyWrapped(json, name, formats, has);
    if (wrapped) return wrapped;
  }
  let id = identifyDocument(head, formats);
  if (!id?.supported && text.length > head.length) {
    // The head did not settle it and there is more: look at the whole document (issue 13 item 2).
    // JSON key order carries no meaning, so identify on an outline of every top-level key.
    if (isJson) json = parseJsonDocument(text, name);
    id = identifyDocument(isJson ? outlineJson(githubEnvelope(json) ?? json) : text, formats) ?? id;
  }
  // A refusal is only as good as its reason: JSON that does not parse (a truncated upload) is a
  // syntax error at its place, not a CycloneDX "without a specVersion" or an unknown format.
  if (!id?.supported && isJson && json === undefined) json = parseJsonDocument(text, name);
  if (!id) throw new UnsupportedDocumentError(describeUnknown(head));
  const found = id;
  if (!found.supported) throw new UnsupportedDocumentError(found.reason ?? `${found.format} is not supported`, found);
  if (!has(found.format)) throw new UnsupportedDocumentError(`${found.format} is not supported`, found);
  if (json === undefined && isJson && found.format !== 'spdx-yaml') json = parseJsonDocument(text, name);
  // An envelope whose marker key came after the first 64 KiB (key order means nothing in JSON).
  const late = json !== undefined && text.length > head.length ? identifyWrapped(json, name, formats, has) : undefined;
  if (late) return late;
  return { text, name, isJson, json, found, wrappers: [] };
}

/** The SBOM inside a DSSE envelope or in-toto Statement, identified as if it were the file. */
function identifyWrapped(
  json: unknown,
  name: string | undefined,
  formats: readonly Identifier[],
  has: (id: string) => boolean,
): IdentifiedDocument | undefined {
  const inner = unwrapAttestation(json);
  if (!inner) return undefined;
  let document: IdentifiedDocument;
  try {
    document = identifySbom(inner.text, name, formats, has);
  } catch (err) {
    if (err instanceof UnsupportedDocumentError)
      throw new UnsupportedDocumentError(`${inner.wrapper}; what its ${inner.field} holds is ${err.message}`);
    throw err;
  }
  return { ...document, wrappers: [inner, ...document.wrappers] };
}

/** Decodes an identified document with its format. Content problems are Issues; only syntax throws. */
export function decodeIdentified(document: IdentifiedDocument, format: SbomFormat): ReadResult {
  const { text, name, found } = document;
  let json = document.json;
  const enveloped = format.id === 'spdx-json' ? githubEnvelope(json) : undefined;
  if (enveloped !== undefined) json = enveloped;
  const { sbom, issues, parsed } = format.decode({ text, json, name });
  writeSourcePackages(sbom);
  if (enveloped !== undefined) {
    issues.unshift(
      issue(
        'info',
        'envelope',
        'the SPDX document was read from the "sbom" member that wraps it (GitHub\'s SBOM API)',
        {
          field: 'sbom',
        },
      ),
    );
  }
  // Attestations around the document: one note each, the outermost first.
  for (const wrapper of [...document.wrappers].reverse()) {
    issues.unshift(
      issue(
        'info',
        'envelope',
        `the ${format.name} document was read from the ${wrapper.field} of ${wrapper.wrapper}; its signature and subject are not checked, and paths are inside the document`,
        { field: wrapper.field },
      ),
    );
  }
  return { format, specVersion: found.specVersion ?? sbom.source.specVersion, sbom, issues, json: json ?? parsed };
}

/**
 * readSbom for the CLI: identifies on the format catalog, then loads the one format chosen. Same
 * results and errors as readSbom over every format.
 */
export async function readSbomAsNeeded(text: string, name?: string): Promise<ReadResult> {
  const document = identifySbom(text, name, FORMAT_CATALOG, (id) => catalogEntry(id) !== undefined);
  return decodeIdentified(document, await catalogEntry(document.found.format)!.load());
}

/**
 * GitHub's dependency-graph SBOM API (`gh api repos/<owner>/<repo>/dependency-graph/sbom`) answers
 * `{"sbom": <SPDX 2.3 document>}`. Read as it was, the wrapper passed for an empty SPDX document:
 * imported with no component and exit 0. The document inside is what it sends.
 */
function githubEnvelope(json: unknown): object | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const keys = Object.keys(json);
  if (keys.length !== 1 || keys[0] !== 'sbom') return undefined;
  const inner = (json as { sbom: unknown }).sbom;
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return undefined;
  return typeof (inner as { spdxVersion?: unknown }).spdxVersion === 'string' ? inner : undefined;
}

function describeUnknown(head: string): string {
  const t = head.trimStart();
  if (t.startsWith('{') || t.startsWith('['))
    return 'not an SBOM format I know (JSON without CycloneDX, SPDX or ORT markers)';
  if (t.startsWith('<')) return 'not an SBOM format I know (XML without a CycloneDX namespace)';
  return 'not an SBOM format I know';
}
