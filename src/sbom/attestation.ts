/**
 * SBOMs published as attestations. `cosign attest --type cyclonedx|spdxjson` and `trivy … --format
 * cosign-vuln|…` wrap the document in an in-toto Statement (`{"_type": "https://in-toto.io/Statement/…",
 * "predicateType": …, "subject": […], "predicate": <the SBOM>}`); older cosign puts it one level down,
 * `"predicate": {"Data": <the SBOM>, "Timestamp": …}` (Data is a string for SPDX tag-value); and
 * `cosign download attestation` prints the signed DSSE envelope, whose base64 `payload` is the
 * Statement. Read as they were, the Statement failed with "bomFormat is not CycloneDX" (its head
 * holds the nested bomFormat) and the envelope was "not an SBOM format I know".
 */

/** Cheap test on the head of a JSON text: a key only envelopes have at their top level. */
export const ENVELOPE_HINT = /"(?:_type|predicateType|payloadType)"\s*:/;

export interface Unwrapped {
  /** The text inside: the SBOM, or (for a DSSE envelope) the Statement that holds it. */
  text: string;
  /** What the wrapper was, for the note the reader adds. */
  wrapper: string;
  /** Where in the wrapper the text was, e.g. `predicate.Data`. */
  field: string;
}

const IN_TOTO_PAYLOAD = /^application\/vnd\.in-toto\+json$/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** The document a DSSE envelope or in-toto Statement wraps, or undefined when `json` is neither. */
export function unwrapAttestation(json: unknown): Unwrapped | undefined {
  if (!isObject(json)) return undefined;
  if (typeof json.payloadType === 'string' && typeof json.payload === 'string') {
    if (!IN_TOTO_PAYLOAD.test(json.payloadType)) return undefined;
    const compact = json.payload.replace(/\s+/g, '');
    if (!BASE64.test(compact)) return undefined;
    return {
      text: Buffer.from(compact, 'base64').toString('utf8'),
      wrapper: 'a DSSE envelope (payloadType application/vnd.in-toto+json)',
      field: 'payload',
    };
  }
  if (typeof json._type !== 'string' || !/in-toto\.io\/Statement\//i.test(json._type)) return undefined;
  if (!('predicate' in json)) return undefined;
  const predicateType = typeof json.predicateType === 'string' ? json.predicateType : 'no predicateType';
  const wrapper = `an in-toto Statement (predicateType ${predicateType})`;
  let inner: unknown = json.predicate;
  let field = 'predicate';
  if (isObject(inner) && 'Data' in inner && Object.keys(inner).every((k) => k === 'Data' || k === 'Timestamp')) {
    inner = inner.Data;
    field = 'predicate.Data';
  }
  return { text: typeof inner === 'string' ? inner : JSON.stringify(inner ?? null), wrapper, field };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
