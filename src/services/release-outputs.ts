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
  encodeReleaseDocument,
  junitChunks,
  renderJunit,
  noticeHtmlChunks,
  noticeMarkdownLines,
  noticeTextLines,
  obligationsMarkdownLines,
  renderReleaseBomCsv,
  releaseToSbomInSteps,
  renderSarif as renderSarifLog,
  sarifChunks,
} from '../reports/index.js';
import type { EncodeOptions } from '../sbom/format.js';
import type { Store } from '../store/index.js';
import { validatedRelease, type ValidatedRelease } from './validation-runs.js';
import { ServiceError } from './service-error.js';
import { eventLoopTurn, runWithTurns } from '../io/event-loop-turn.js';
import { jsonChunks } from '../text/json-chunks.js';
import { linesAsChunks } from '../text/lines.js';

import {
  NOTICE_FORMATS,
  OBLIGATIONS_FORMATS,
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
  return whole(await streamObligations(store, releaseId, format));
}

/**
 * The compliance actions as renderObligations gives them, in pieces (for the API's download): on a
 * 100k-component release the Markdown is ~20 MB and ~1 s of rendering, written here a line at a
 * time as the socket takes it, after a turn of the event loop once the actions are worked out.
 */
export async function streamObligations(
  store: Store,
  releaseId: number,
  format: ObligationsFormat,
): Promise<StreamedOutput> {
  if (!(OBLIGATIONS_FORMATS as readonly string[]).includes(format))
    throw new ServiceError('invalid-input', `obligations format must be json or md, not "${format}"`);
  const v = await validatedRelease(store, releaseId);
  await eventLoopTurn();
  const obligations = obligationsOf(v.snapshot, v.validation.report);
  await eventLoopTurn();
  const base = baseName(v);
  if (format === 'json')
    return { chunks: jsonText(obligations), mediaType: 'application/json', fileName: `${base}-obligations.json` };
  return {
    chunks: linesAsChunks(obligationsMarkdownLines(obligations, title(v))),
    mediaType: 'text/markdown',
    fileName: `${base}-obligations.md`,
  };
}

export async function renderNotice(store: Store, releaseId: number, format: NoticeFormat): Promise<RenderedOutput> {
  return whole(await streamNotice(store, releaseId, format));
}

/** The NOTICE as renderNotice gives it, in pieces (for the API's download), a turn of the event loop after its data is gathered. */
export async function streamNotice(store: Store, releaseId: number, format: NoticeFormat): Promise<StreamedOutput> {
  if (!(NOTICE_FORMATS as readonly string[]).includes(format))
    throw new ServiceError(
      'invalid-input',
      `NOTICE format must be one of ${NOTICE_FORMATS.join(', ')}, not "${format}"`,
    );
  const v = await validatedRelease(store, releaseId);
  await eventLoopTurn();
  const notice = buildNotice(v.snapshot, v.validation.report, licenseText);
  await eventLoopTurn();
  const base = baseName(v);
  switch (format) {
    case 'text':
      return {
        chunks: linesAsChunks(noticeTextLines(notice)),
        mediaType: 'text/plain',
        fileName: `${base}-NOTICE.txt`,
      };
    case 'md':
      return {
        chunks: linesAsChunks(noticeMarkdownLines(notice)),
        mediaType: 'text/markdown',
        fileName: `${base}-NOTICE.md`,
      };
    case 'html':
      return { chunks: noticeHtmlChunks(notice), mediaType: 'text/html', fileName: `${base}-NOTICE.html` };
    // The same attribution data for tools: entries, then each licence text once.
    default:
      return { chunks: jsonText(notice), mediaType: 'application/json', fileName: `${base}-NOTICE.json` };
  }
}

/** A JSON document in pieces: JSON.stringify's text with two spaces, and a final line break. */
function* jsonText(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}

/** A streamed output joined into one text (the CLI writes files; the golden tests compare texts). */
function whole({ chunks, ...output }: StreamedOutput): RenderedOutput {
  return { ...output, content: [...chunks].join('') };
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

/** What each export format is written as. */
const EXPORTS: Record<ReleaseExportFormat, { format: string; specVersion: string; mediaType: string; suffix: string }> =
  {
    'cyclonedx-1.6': {
      format: 'cyclonedx-json',
      specVersion: '1.6',
      mediaType: 'application/vnd.cyclonedx+json',
      suffix: '.cdx.json',
    },
    'spdx-2.3': { format: 'spdx-json', specVersion: '2.3', mediaType: 'application/spdx+json', suffix: '.spdx.json' },
  };

function exportOf(format: ReleaseExportFormat) {
  if (!Object.hasOwn(EXPORTS, format))
    throw new ServiceError(
      'invalid-input',
      `export format must be one of ${RELEASE_EXPORT_FORMATS.join(', ')}, not "${format}"`,
    );
  return EXPORTS[format];
}

export async function exportRelease(
  store: Store,
  releaseId: number,
  format: ReleaseExportFormat,
  options?: EncodeOptions,
): Promise<RenderedOutput> {
  const target = exportOf(format);
  const v = await validatedRelease(store, releaseId);
  const { text } = encodeRelease(v.snapshot, v.validation.report, target.format, target.specVersion, options);
  return { content: text, mediaType: target.mediaType, fileName: `${baseName(v)}${target.suffix}` };
}

/**
 * The export as `exportRelease` gives it, in pieces (for the API's download). The release's SBOM
 * and its document are each a long piece of work on a large release (~0.5 and ~1 s of SPDX for
 * 100k components), the whole text longer still: both are built in steps with a turn of the event
 * loop after each, and the text is written a piece at a time as the socket takes it (issue 13
 * item 6).
 */
export async function streamExport(
  store: Store,
  releaseId: number,
  format: ReleaseExportFormat,
  options?: EncodeOptions,
): Promise<StreamedOutput> {
  const target = exportOf(format);
  const v = await validatedRelease(store, releaseId);
  await eventLoopTurn();
  const sbom = await runWithTurns(releaseToSbomInSteps(v.snapshot, v.validation.report));
  await eventLoopTurn();
  const { document } = await runWithTurns(encodeReleaseDocument(sbom, target.format, target.specVersion, options));
  await eventLoopTurn();
  return {
    chunks: jsonText(document),
    mediaType: target.mediaType,
    fileName: `${baseName(v)}${target.suffix}`,
  };
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
