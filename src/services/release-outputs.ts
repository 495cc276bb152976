/**
 * What a release produces: obligations, the NOTICE, the BOM as CSV, JUnit and SARIF verdicts, and
 * the release exported as CycloneDX 1.6 / SPDX 2.3. Rendering belongs to src/reports; these load
 * the data, validate, and hand both to the renderers.
 */
import { releaseObligations as obligationsOf } from '../compliance/index.js';
import { licenseText } from '../io/license-texts.js';
import {
  buildNotice,
  encodeRelease,
  junitChunks,
  renderJunit,
  renderNoticeHtml,
  renderNoticeMarkdown,
  renderNoticeText,
  renderObligationsJson,
  renderObligationsMarkdown,
  renderReleaseBomCsv,
  renderSarif as renderSarifLog,
  sarifChunks,
} from '../reports/index.js';
import type { EncodeOptions } from '../sbom/format.js';
import type { Store } from '../store/index.js';
import { validatedRelease, type ValidatedRelease } from './validation-runs.js';
import { ServiceError } from './service-error.js';

import {
  NOTICE_FORMATS,
  RELEASE_EXPORT_FORMATS,
  type NoticeFormat,
  type ObligationsFormat,
  type ReleaseExportFormat,
} from '../reports/output-formats.js';
export {
  NOTICE_FORMATS,
  OBLIGATIONS_FORMATS,
  RELEASE_EXPORT_FORMATS,
  type NoticeFormat,
  type ObligationsFormat,
  type ReleaseExportFormat,
} from '../reports/output-formats.js';

export interface RenderedOutput {
  content: string;
  mediaType: string;
  /** A file name to offer for download. */
  fileName: string;
}

export async function renderObligations(
  store: Store,
  releaseId: number,
  format: ObligationsFormat,
): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  const obligations = obligationsOf(v.snapshot, v.validation.report);
  const base = baseName(v);
  if (format === 'json')
    return {
      content: renderObligationsJson(obligations),
      mediaType: 'application/json',
      fileName: `${base}-obligations.json`,
    };
  if (format === 'md')
    return {
      content: renderObligationsMarkdown(obligations, title(v)),
      mediaType: 'text/markdown',
      fileName: `${base}-obligations.md`,
    };
  throw new ServiceError('invalid-input', `obligations format must be json or md, not "${format}"`);
}

export async function renderNotice(store: Store, releaseId: number, format: NoticeFormat): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  const notice = buildNotice(v.snapshot, v.validation.report, licenseText);
  const base = baseName(v);
  switch (format) {
    case 'text':
      return { content: renderNoticeText(notice), mediaType: 'text/plain', fileName: `${base}-NOTICE.txt` };
    case 'md':
      return { content: renderNoticeMarkdown(notice), mediaType: 'text/markdown', fileName: `${base}-NOTICE.md` };
    case 'html':
      return { content: renderNoticeHtml(notice), mediaType: 'text/html', fileName: `${base}-NOTICE.html` };
    // The same attribution data for tools: entries, then each licence text once.
    case 'json':
      return {
        content: JSON.stringify(notice, null, 2) + '\n',
        mediaType: 'application/json',
        fileName: `${base}-NOTICE.json`,
      };
    default:
      throw new ServiceError(
        'invalid-input',
        `NOTICE format must be one of ${NOTICE_FORMATS.join(', ')}, not "${format}"`,
      );
  }
}

export async function renderBomCsv(store: Store, releaseId: number): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  return {
    content: renderReleaseBomCsv(v.snapshot, v.validation.report),
    mediaType: 'text/csv',
    fileName: `${baseName(v)}-bom.csv`,
  };
}

/** A download written piece by piece (the same text as its rendered form, never held whole). */
export interface StreamedOutput {
  chunks: Iterable<string>;
  mediaType: string;
  fileName: string;
}

/** The JUnit verdict as renderJUnit gives it, in pieces (for the API's download). */
export async function streamJUnit(store: Store, releaseId: number): Promise<StreamedOutput> {
  const v = await validatedRelease(store, releaseId);
  return {
    chunks: junitChunks(v.validation.report, title(v)),
    mediaType: 'application/xml',
    fileName: `${baseName(v)}-junit.xml`,
  };
}

/** The SARIF log as renderSarif gives it, in pieces (for the API's download). */
export async function streamSarif(store: Store, releaseId: number, artifactUri?: string): Promise<StreamedOutput> {
  const v = await validatedRelease(store, releaseId);
  const uri = artifactUri ?? (await lastImportedFile(store, releaseId)) ?? `${baseName(v)}.sbom`;
  return {
    chunks: sarifChunks(v.validation.report, { artifactUri: uri }),
    mediaType: 'application/sarif+json',
    fileName: `${baseName(v)}.sarif`,
  };
}

export async function renderJUnit(store: Store, releaseId: number): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  return {
    content: renderJunit(v.validation.report, title(v)),
    mediaType: 'application/xml',
    fileName: `${baseName(v)}-junit.xml`,
  };
}

export async function renderSarif(store: Store, releaseId: number, artifactUri?: string): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  const uri = artifactUri ?? (await lastImportedFile(store, releaseId)) ?? `${baseName(v)}.sbom`;
  return {
    content: renderSarifLog(v.validation.report, { artifactUri: uri }),
    mediaType: 'application/sarif+json',
    fileName: `${baseName(v)}.sarif`,
  };
}

export async function exportRelease(
  store: Store,
  releaseId: number,
  format: ReleaseExportFormat,
  options?: EncodeOptions,
): Promise<RenderedOutput> {
  const v = await validatedRelease(store, releaseId);
  const base = baseName(v);
  if (format === 'cyclonedx-1.6') {
    const { text } = encodeRelease(v.snapshot, v.validation.report, 'cyclonedx-json', '1.6', options);
    return { content: text, mediaType: 'application/vnd.cyclonedx+json', fileName: `${base}.cdx.json` };
  }
  if (format === 'spdx-2.3') {
    const { text } = encodeRelease(v.snapshot, v.validation.report, 'spdx-json', '2.3', options);
    return { content: text, mediaType: 'application/spdx+json', fileName: `${base}.spdx.json` };
  }
  throw new ServiceError(
    'invalid-input',
    `export format must be one of ${RELEASE_EXPORT_FORMATS.join(', ')}, not "${format}"`,
  );
}

function title(v: ValidatedRelease): string {
  return `${v.snapshot.product.name} ${v.snapshot.release.number}`;
}

/** product-release, safe as a file name. */
function baseName(v: ValidatedRelease): string {
  return `${v.snapshot.product.name}-${v.snapshot.release.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

async function lastImportedFile(store: Store, releaseId: number): Promise<string | undefined> {
  const imports = await store.listImports(releaseId);
  return imports.filter((i) => i.status === 'succeeded' && i.fileName).at(-1)?.fileName ?? undefined;
}
