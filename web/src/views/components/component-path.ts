/** The component page of a purl or name; the server reduces it to the component's identity. */
export function componentPath(purlOrName: string): string {
  return `/components/${encodeURIComponent(purlOrName)}`;
}
