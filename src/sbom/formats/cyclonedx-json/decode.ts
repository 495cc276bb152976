import { UnreadableDocumentError, type DecodeInput, type DecodeResult } from '../../format.js';
import type { CdxBom } from '../cyclonedx-common/bom-shape.js';
import { decodeBom } from '../cyclonedx-common/decode-bom.js';
import { JSON_DECODES, specVersionTypeReason, unsupportedReason } from '../cyclonedx-common/versions.js';
import { FORMAT_ID } from './identify.js';
import { parseJsonDocument } from '../../json-text.js';
import { checkShape } from '../../json-shape.js';
import { CDX_BOM_TYPES } from '../cyclonedx-common/bom-types.js';

export function decodeCycloneDxJson(input: DecodeInput): DecodeResult {
  const what = input.name ?? 'the document';
  const value = input.json !== undefined ? input.json : parseJsonDocument(input.text, what);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnreadableDocumentError(`${what} is not a CycloneDX document: its JSON root is not an object`, 1);
  }
  const bom = value as CdxBom;
  if (bom.bomFormat !== 'CycloneDX') {
    throw new UnreadableDocumentError(`${what} is not a CycloneDX document: "bomFormat" is not "CycloneDX"`);
  }
  const specVersion = typeof bom.specVersion === 'string' ? bom.specVersion : undefined;
  const reason =
    specVersion === undefined && bom.specVersion !== undefined
      ? specVersionTypeReason('CycloneDX', JSON.stringify(bom.specVersion))
      : unsupportedReason('CycloneDX', specVersion, JSON_DECODES);
  if (reason !== undefined) throw new UnreadableDocumentError(reason);
  // Wrong JSON types are errors at their path, never coerced (issue 13 item 2).
  const typed = checkShape(bom, CDX_BOM_TYPES);
  const result = decodeBom(typed.value, { id: FORMAT_ID, specVersion: specVersion! });
  if (typed.issues.length > 0) result.issues.unshift(...typed.issues);
  return result;
}
