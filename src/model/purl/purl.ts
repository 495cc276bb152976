/** A package URL split into its decoded parts (https://github.com/package-url/purl-spec). */
export interface Purl {
  type: string;
  /** Decoded namespace segments joined with `/`. */
  namespace?: string;
  name: string;
  version?: string;
  /** Lower-case keys; empty values are dropped. */
  qualifiers?: Record<string, string>;
  /** Decoded subpath segments joined with `/`, without `.`/`..`/empty segments. */
  subpath?: string;
}

/** Why a string is not a valid purl; `position` is the 0-based offset in the input when known. */
export interface PurlError {
  error: string;
  /** The part at fault, when one is. */
  part?: PurlPart;
  position?: number;
}

export type PurlPart = 'scheme' | 'type' | 'namespace' | 'name' | 'version' | 'qualifiers' | 'subpath';

export function isPurlError(value: Purl | PurlError): value is PurlError {
  return 'error' in value;
}

export function purlError(error: string, part?: PurlPart, position?: number): PurlError {
  const e: PurlError = { error };
  if (part) e.part = part;
  if (position !== undefined) e.position = position;
  return e;
}
