import type { Store } from '../store/index.js';
import { notFound } from './service-error.js';

/**
 * The media type a stored document is served with comes from the format Vigie recognised in it,
 * never from what the uploader's client claimed (an "SBOM" sent as text/html must not come back as
 * a page a browser renders). Formats without a registered SBOM type are plain bytes.
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  'cyclonedx-json': 'application/vnd.cyclonedx+json',
  'cyclonedx-xml': 'application/vnd.cyclonedx+xml',
  'spdx-json': 'application/spdx+json',
  'spdx-tagvalue': 'text/spdx; charset=utf-8',
};
const BYTES = 'application/octet-stream';

export interface ImportDownload {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export function documentMediaType(format: string): string {
  return Object.hasOwn(MEDIA_TYPES, format) ? MEDIA_TYPES[format]! : BYTES;
}

/** The original document of an import, as a download. */
export async function importDownload(store: Store, importId: number): Promise<ImportDownload> {
  const [record, doc] = await Promise.all([store.getImport(importId), store.getImportDocument(importId)]);
  if (!record || !doc) throw notFound(`document of import ${importId}`);
  return {
    fileName: doc.fileName ?? `import-${importId}`,
    mediaType: documentMediaType(record.format),
    content: doc.content,
  };
}
