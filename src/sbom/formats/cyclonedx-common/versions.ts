/** Spec versions Vigie reads and writes, per serialisation. */
export const JSON_DECODES = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export const XML_DECODES = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export const ENCODES = ['1.6', '1.7'] as const;
export type EncodeVersion = (typeof ENCODES)[number];

/** The user-facing reason a version cannot be read, or undefined when it can. */
export function unsupportedReason(
  formatName: string,
  specVersion: string | undefined,
  readable: readonly string[],
): string | undefined {
  if (specVersion !== undefined && readable.includes(specVersion)) return undefined;
  const range = `${readable[0]}–${readable[readable.length - 1]}`;
  const stated = specVersion === undefined ? 'without a specVersion' : specVersion;
  return `${formatName} ${stated} is not supported (Vigie reads ${range})`;
}

/**
 * The reason for a specVersion written as another JSON type than a string (`"specVersion": 1.4`, as
 * hand-made documents have it): said as such, not as a document "without a specVersion".
 */
export function specVersionTypeReason(formatName: string, written: string): string {
  const shown = written.length > 20 ? `${written.slice(0, 20)}…` : written;
  const hint = /^\d+(\.\d+)*$/.test(written) ? ` (write "${written}")` : '';
  return `${formatName} "specVersion" must be a string${hint}; this document gives ${shown}`;
}
