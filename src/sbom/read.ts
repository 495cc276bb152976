import { issue, type Issue, type Sbom } from '../model/index.js';
import { HEAD_BYTES, identifyDocument } from './detect.js';
import type { Identification, SbomFormat } from './format.js';
import { parseJsonDocument } from './json-text.js';
import { outlineJson } from './json-outline.js';
import { SBOM_FORMATS } from './formats/index.js';
import { writeSourcePackages } from './source-package.js';
import { ENVELOPE_HINT, unwrapAttestation } from './attestation.js';

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
  /** The parsed JSON value when the document was JSON (schema validation reuses it). */
  json?: unknown;
}

/**
 * Identifies and decodes a document held as text. Throws UnsupportedDocumentError (what it is and
 * why we cannot read it) or UnreadableDocumentError (syntax); content problems are Issues.
 */
export function readSbom(text: string, name?: string, formats: readonly SbomFormat[] = SBOM_FORMATS): ReadResult {
  const head = text.slice(0, HEAD_BYTES);
  const isJson = /^\uFEFF?\s*[[{]/.test(head);
  let json: unknown;
  if (isJson && ENVELOPE_HINT.test(head)) {
    json = parseJsonDocument(text, name);
    const wrapped = readAttestation(json, name, formats);
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
  const format = formats.find((f) => f.id === found.format);
  if (!format) throw new UnsupportedDocumentError(`${found.format} is not supported`, found);
  if (json === undefined && isJson && format.id !== 'spdx-yaml') json = parseJsonDocument(text, name);
  // An envelope whose marker key came after the first 64 KiB (key order means nothing in JSON).
  const late = json !== undefined && text.length > head.length ? readAttestation(json, name, formats) : undefined;
  if (late) return late;
  const enveloped = format.id === 'spdx-json' ? githubEnvelope(json) : undefined;
  if (enveloped !== undefined) json = enveloped;
  const { sbom, issues } = format.decode({ text, json, name });
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
  return { format, specVersion: found.specVersion ?? sbom.source.specVersion, sbom, issues, json };
}

/** The SBOM inside a DSSE envelope or in-toto Statement, read as if it were the file, with a note. */
function readAttestation(
  json: unknown,
  name: string | undefined,
  formats: readonly SbomFormat[],
): ReadResult | undefined {
  const inner = unwrapAttestation(json);
  if (!inner) return undefined;
  let result: ReadResult;
  try {
    result = readSbom(inner.text, name, formats);
  } catch (err) {
    if (err instanceof UnsupportedDocumentError)
      throw new UnsupportedDocumentError(`${inner.wrapper}; what its ${inner.field} holds is ${err.message}`);
    throw err;
  }
  result.issues.unshift(
    issue(
      'info',
      'envelope',
      `the ${result.format.name} document was read from the ${inner.field} of ${inner.wrapper}; its signature and subject are not checked, and paths are inside the document`,
      { field: inner.field },
    ),
  );
  return result;
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
