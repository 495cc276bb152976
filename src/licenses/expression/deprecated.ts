// Deprecated ids of the SPDX list and what replaces them. "automatic" rewrites are exact
// equivalents that the SPDX list itself documents (GPL-2.0 meant "version 2 only"; the
// -with-…-exception ids became `WITH` expressions); the others are only suggestions, because the
// replacement is a different (if close) licence and a human should confirm it.
export interface DeprecatedReplacement {
  license: string;
  exception?: string;
  automatic: boolean;
}

const WITH_EXCEPTION: Record<string, DeprecatedReplacement> = {
  'GPL-2.0-with-GCC-exception': { license: 'GPL-2.0-only', exception: 'GCC-exception-2.0', automatic: true },
  'GPL-2.0-with-autoconf-exception': { license: 'GPL-2.0-only', exception: 'Autoconf-exception-2.0', automatic: true },
  'GPL-2.0-with-bison-exception': { license: 'GPL-2.0-only', exception: 'Bison-exception-2.2', automatic: true },
  'GPL-2.0-with-classpath-exception': {
    license: 'GPL-2.0-only',
    exception: 'Classpath-exception-2.0',
    automatic: true,
  },
  'GPL-2.0-with-font-exception': { license: 'GPL-2.0-only', exception: 'Font-exception-2.0', automatic: true },
  'GPL-3.0-with-GCC-exception': { license: 'GPL-3.0-only', exception: 'GCC-exception-3.1', automatic: true },
  'GPL-3.0-with-autoconf-exception': { license: 'GPL-3.0-only', exception: 'Autoconf-exception-3.0', automatic: true },
  'eCos-2.0': { license: 'GPL-2.0-or-later', exception: 'eCos-exception-2.0', automatic: true },
  wxWindows: { license: 'GPL-2.0-or-later', exception: 'WxWindows-exception-3.1', automatic: true },
};

const SUGGESTED: Record<string, string> = {
  'BSD-2-Clause-FreeBSD': 'BSD-2-Clause-Views',
  'BSD-2-Clause-NetBSD': 'BSD-2-Clause',
  Nunit: 'zlib-acknowledgement',
  'StandardML-NJ': 'SMLNJ',
  'bzip2-1.0.5': 'bzip2-1.0.6',
};

/** The replacement of a deprecated id that has an `-only` twin or a WITH form, or a suggestion. */
export function deprecatedReplacement(
  canonicalId: string,
  orLater: boolean,
  hasListed: (id: string) => boolean,
): DeprecatedReplacement | undefined {
  const withForm = WITH_EXCEPTION[canonicalId];
  if (withForm) return withForm;
  if (orLater && hasListed(`${canonicalId}-or-later`)) {
    return { license: `${canonicalId}-or-later`, automatic: true };
  }
  if (!orLater && hasListed(`${canonicalId}-only`)) return { license: `${canonicalId}-only`, automatic: true };
  const suggested = SUGGESTED[canonicalId];
  return suggested ? { license: suggested, automatic: false } : undefined;
}
