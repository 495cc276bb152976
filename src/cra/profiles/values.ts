// Syntax checks on single field values, shared by the probes.
import { parseExpression } from '../../licenses/expression/index.js';
import type { Component, Hash, LicenseStatement } from '../../model/index.js';
import { isValidCpe } from '../../model/cpe.js';
import { isPurlError, parsePurlRemembered } from '../../model/purl/index.js';

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

export function isEmail(value: string | undefined): boolean {
  return value !== undefined && EMAIL.test(value.trim());
}

/**
 * Whether a text is, without parsing it, surely an http(s) URL the URL parser accepts with a host: a
 * lower-case scheme, then a host of lower-case letters, digits and hyphens in non-empty labels, none
 * starting "xn--" (punycode the parser checks) and the last starting with a letter (so not an IPv4
 * number), then the end or "/", "?" or "#" (what follows the host never makes the parse fail). False
 * means "ask the parser", which most URLs of an SBOM never need.
 */
export function isPlainWebUrl(value: string): boolean {
  let i: number;
  if (value.startsWith('https://')) i = 8;
  else if (value.startsWith('http://')) i = 7;
  else return false;
  let labelStart = i;
  for (; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 0x2f || ch === 0x3f || ch === 0x23) break; // / ? #
    if (ch === 0x2e) {
      // .
      if (i === labelStart) return false;
      labelStart = i + 1;
      continue;
    }
    if (!((ch >= 0x61 && ch <= 0x7a) || (ch >= 0x30 && ch <= 0x39) || ch === 0x2d)) return false;
    if (i === labelStart && ch === 0x78 && value.startsWith('xn--', i)) return false;
  }
  if (i === labelStart) return false;
  const first = value.charCodeAt(labelStart);
  return first >= 0x61 && first <= 0x7a;
}

/** An absolute http(s) URL with a host. */
export function isWebUrl(value: string | undefined): boolean {
  if (!value) return false;
  if (isPlainWebUrl(value)) return true;
  let url: URL;
  try {
    // One parse (URL.canParse and then new URL parsed every reference twice).
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
}

// RFC 3339 date-time: full date, "T" (or space is refused), time, and a Z or ±hh:mm offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function isRfc3339(value: string | undefined): boolean {
  return value !== undefined && RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

/** A version that looks like a date must then be an RFC 3339 date-time (BSI TR-03183-2 §5.2.2). */
export function isAcceptableVersion(version: string | undefined): boolean {
  if (!version || version.trim() === '') return false;
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(version)) return isRfc3339(version);
  return true;
}

export function isSha512(h: Hash): boolean {
  return h.alg === 'SHA-512' && /^[0-9a-f]{128}$/.test(h.content);
}

/**
 * A valid SPDX expression: parses, names list ids or LicenseRef-…, and is not NONE/NOASSERTION (BSI
 * TR-03183-2 §6.1; free-text names fail).
 */
export function isSpdxStatement(statement: LicenseStatement | undefined): boolean {
  if (!statement) return false;
  const text = statement.expression;
  if (text === undefined) return false;
  return isSpdxExpressionText(text);
}

/**
 * Verdicts by expression text, remembered: a large SBOM repeats a few hundred expressions over
 * 100k components, and the verdict depends on the text alone. Bounded: past the limit it starts afresh.
 */
let spdxVerdicts = new Map<string, boolean>();
const SPDX_VERDICTS_LIMIT = 20_000;

/** isSpdxStatement's verdict on an expression's text. */
export function isSpdxExpressionText(text: string): boolean {
  let verdict = spdxVerdicts.get(text);
  if (verdict === undefined) {
    verdict = spdxExpressionVerdict(text);
    if (spdxVerdicts.size >= SPDX_VERDICTS_LIMIT) spdxVerdicts = new Map();
    spdxVerdicts.set(text, verdict);
  }
  return verdict;
}

function spdxExpressionVerdict(text: string): boolean {
  if (text.trim() === '') return false;
  const parsed = parseExpression(text);
  if (!parsed.expression || parsed.expression.type === 'none' || parsed.expression.type === 'noassertion') return false;
  return !parsed.diagnostics.some((d) => d.code === 'unknown-license' || d.code === 'unknown-exception');
}

/** Any licence statement at all, an explicit NOASSERTION included (CISA 2026: "explicitly unknown"). */
export function hasLicenseStatement(c: Component): boolean {
  const { declared, concluded, effective } = c.licenses;
  return (
    (declared !== undefined && declared.raw.trim() !== '') ||
    (concluded !== undefined && concluded.raw.trim() !== '') ||
    (effective !== undefined && effective.raw.trim() !== '')
  );
}

/** purl that parses, CPE 2.2/2.3 that parses, or another identifier (SWID, OmniBOR, SWHID). */
export function hasValidIdentifier(c: Component): boolean {
  if (c.purl && !isPurlError(parsePurlRemembered(c.purl))) return true;
  if (c.cpe && isValidCpe(c.cpe)) return true;
  return (c.otherIdentifiers ?? []).some((id) => id.trim() !== '');
}
