/**
 * The canonical purl of an npm package: `pkg:npm/%40scope/name@version`, qualifier-free, so that
 * one name@version has exactly one purl whatever path or tarball URL it was installed from; only a
 * git dependency carries a `vcs_url` (`git+<url>@<commit>`, ADR 48).
 */
export function npmPurl(name: string, version: string | undefined, vcsUrl?: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const path =
    slash > 0
      ? `${encodePurlSegment(name.slice(0, slash))}/${encodePurlSegment(name.slice(slash + 1))}`
      : encodePurlSegment(name);
  const base = version ? `pkg:npm/${path}@${encodePurlSegment(version)}` : `pkg:npm/${path}`;
  // A git dependency (ADR 48): the vcs_url keeps it apart from the registry's package of that name.
  return vcsUrl ? `${base}?vcs_url=${encodePurlSegment(vcsUrl)}` : base;
}

/** Splits `@scope/name` into the purl namespace (`@scope`) and name. */
export function splitNpmName(name: string): { scope?: string; name: string } {
  if (name.startsWith('@')) {
    const slash = name.indexOf('/');
    if (slash > 1) return { scope: name.slice(0, slash), name: name.slice(slash + 1) };
  }
  return { name };
}

const PLAIN_SEGMENT = /^[A-Za-z0-9._~:-]*$/;

// purl-spec: everything but unreserved characters is percent-encoded (so `@` → %40, `+` → %2B),
// except `:`, which the spec keeps (the same rule as src/model/purl).
function encodePurlSegment(text: string): string {
  // Most names and versions need no escape at all: kept as they are, no new string.
  if (PLAIN_SEGMENT.test(text)) return text;
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%3A/g, ':');
}
