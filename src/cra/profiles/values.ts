// Syntax checks on single field values, shared by the probes.
import { parseExpression } from '../../licenses/expression/index.js';
import type { Component, Hash, LicenseStatement } from '../../model/index.js';
import { isValidCpe } from '../../model/cpe.js';
import { isPurlError, parsePurlRemembered } from '../../model/purl/index.js';

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

export function isEmail(value: string | undefined): boolean {
  return value !== undefined && EMAIL.test(value.trim());
}

/** An absolute http(s) URL with a host. */
export function isWebUrl(value: string | undefined): boolean {
  if (!value) return false;
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
  if (text === undefined || text.trim() === '') return false;
  const parsed = parseExpression(text);
  if (!parsed.expression || parsed.expression.type === 'none' || parsed.expression.type === 'noassertion') return false;
  return !parsed.diagnostics.some((d) => d.code === 'unknown-license' || d.code === 'unknown-exception');
}

/** Any licence statement at all, an explicit NOASSERTION included (CISA 2026: "explicitly unknown"). */
export function hasLicenseStatement(c: Component): boolean {
  return [c.licenses.declared, c.licenses.concluded, c.licenses.effective].some(
    (s) => s !== undefined && s.raw.trim() !== '',
  );
}

/** purl that parses, CPE 2.2/2.3 that parses, or another identifier (SWID, OmniBOR, SWHID). */
export function hasValidIdentifier(c: Component): boolean {
  if (c.purl && !isPurlError(parsePurlRemembered(c.purl))) return true;
  if (c.cpe && isValidCpe(c.cpe)) return true;
  return (c.otherIdentifiers ?? []).some((id) => id.trim() !== '');
}
