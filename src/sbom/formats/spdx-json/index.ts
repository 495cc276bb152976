import { UnreadableDocumentError, type DecodeInput, type EncodeOptions, type SbomFormat } from '../../format.js';
import type { Sbom } from '../../../model/index.js';
import { runToEnd } from '../../../model/work-in-steps.js';
import { describedFormat } from '../descriptions.js';
import {
  decodeParsedSpdx2Document,
  encodeSpdx2DocumentInSteps,
  SPDX2_ENCODES,
  type Spdx2Document,
} from '../spdx2-common/index.js';
import { parseJsonDocument } from '../../json-text.js';
import { SPDX_JSON_ID } from '../spdx2-common/identify.js';

const ID = SPDX_JSON_ID;

function documentOf(input: DecodeInput): Spdx2Document {
  const value = input.json ?? parseJsonDocument(input.text, input.name ?? 'SPDX JSON document');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnreadableDocumentError(`${input.name ?? 'SPDX JSON document'}: the top level is not a JSON object`);
  }
  return value as Spdx2Document;
}

/** Writes with two-space indentation and a final newline; key order is the encoder's, so output is stable. */
export function encodeSpdx2Json(document: Spdx2Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function encodeSpdxJsonDocument(sbom: Sbom, specVersion: string, options?: EncodeOptions) {
  return runToEnd(encodeSpdxJsonDocumentInSteps(sbom, specVersion, options));
}

function* encodeSpdxJsonDocumentInSteps(sbom: Sbom, specVersion: string, options?: EncodeOptions) {
  if (!(SPDX2_ENCODES as readonly string[]).includes(specVersion)) {
    throw new Error(`SPDX JSON ${specVersion} cannot be written: Vigie writes SPDX ${SPDX2_ENCODES.join(', ')}`);
  }
  return yield* encodeSpdx2DocumentInSteps(sbom, options);
}

export const spdxJson: SbomFormat = {
  ...describedFormat('spdx-json'),
  decode(input) {
    return decodeParsedSpdx2Document(documentOf(input), ID);
  },
  encode(sbom, specVersion, options) {
    const { document, issues } = encodeSpdxJsonDocument(sbom, specVersion, options);
    return { text: encodeSpdx2Json(document), issues };
  },
  encodeDocument: encodeSpdxJsonDocument,
  encodeDocumentInSteps: encodeSpdxJsonDocumentInSteps,
};
