/** CycloneDX BOM-Link: `urn:cdx:<serial UUID>/<version>#<bom-ref>` (a reference into another BOM). */
export interface BomLink {
  serial: string;
  version: number;
  ref?: string;
}

const BOM_LINK = /^urn:cdx:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([1-9][0-9]*)(?:#(.+))?$/i;

export function parseBomLink(text: string): BomLink | undefined {
  const m = BOM_LINK.exec(text);
  if (!m) return undefined;
  return { serial: m[1]!.toLowerCase(), version: Number(m[2]), ...(m[3] !== undefined ? { ref: m[3] } : {}) };
}

/** The BOM-Link to one component of an SBOM whose serialNumber is `urn:uuid:<uuid>` (or the bare UUID). */
export function bomLinkTo(sbom: { serialNumber: string; version: number }, ref: string): string {
  const serial = sbom.serialNumber.replace(/^urn:uuid:/i, '').toLowerCase();
  return `urn:cdx:${serial}/${sbom.version}#${ref}`;
}

/** The BOM-Link naming a product: its own, or one into the SBOM the statements are about. */
export function productLink(
  p: { bomLink?: string; ref?: string },
  sbom?: { serialNumber: string; version: number },
): string | undefined {
  return p.bomLink ?? (sbom && p.ref ? bomLinkTo(sbom, p.ref) : undefined);
}
