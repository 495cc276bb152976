/**
 * The AI Act documents of a release's model component, to download (issue 10 item 7): the public
 * summary of training content (Art. 53(1)(d), ../shared/reference/regulation.md §5.3) and the
 * information for downstream providers (Art. 53(1)(b), Annex XII, §5.4), as Markdown or JSON. Built
 * from the stored run's licences, the stored cards and facts and the stored lineage; reads only.
 * Deterministic: nothing reads the clock, so the summary's "date of last update" is named missing.
 */
import { annexXii } from '../ai/annex-xii.js';
import { ModelNotFoundError } from '../ai/model-view.js';
import { trainingSummary } from '../ai/training-summary.js';
import { renderAnnexXiiMarkdown, renderTrainingSummaryMarkdown } from '../reports/ai-documents.js';
import { releaseAiSbom, releaseModelView } from '../reports/release-ai-sbom.js';
import type { Store } from '../store/index.js';
import type { RenderedOutput } from './release-outputs.js';
import { notFound, ServiceError } from './service-error.js';
import { validatedRelease } from './validation-runs.js';

import { AI_DOCUMENT_FORMATS, AI_DOCUMENTS, type AiDocument, type AiDocumentFormat } from '../ai/documents.js';
export { AI_DOCUMENT_FORMATS, AI_DOCUMENTS, type AiDocument, type AiDocumentFormat } from '../ai/documents.js';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

export async function renderReleaseAiDocument(
  store: Store,
  releaseId: number,
  versionId: number,
  document: AiDocument,
  format: AiDocumentFormat,
): Promise<RenderedOutput> {
  if (!AI_DOCUMENTS.includes(document))
    throw new ServiceError('invalid-input', `AI document must be one of ${AI_DOCUMENTS.join(', ')}, not "${document}"`);
  if (!AI_DOCUMENT_FORMATS.includes(format))
    throw new ServiceError('invalid-input', `format must be one of ${AI_DOCUMENT_FORMATS.join(', ')}, not "${format}"`);
  const v = await validatedRelease(store, releaseId);
  const [facts, edges] = await Promise.all([
    store.listVersionAiFacts(v.snapshot.usages.map((u) => u.version.id)),
    store.listDependencyEdges(releaseId),
  ]);
  const sbom = releaseAiSbom(v.snapshot, v.validation.report, facts, edges);
  let view;
  try {
    view = releaseModelView(sbom, versionId);
  } catch (err) {
    if (err instanceof ModelNotFoundError) throw notFound(`model version ${versionId} in release ${releaseId}`);
    throw err;
  }
  const base = safe(
    `${v.snapshot.product.name}-${v.snapshot.release.number}-${view.model.name}${view.model.version ? `-${view.model.version}` : ''}`,
  );
  const fileName = `${base}-${document}.${format}`;
  const output = <T>(doc: T, markdown: (d: T) => string): RenderedOutput =>
    format === 'json'
      ? { content: `${JSON.stringify(doc, null, 2)}\n`, mediaType: 'application/json', fileName }
      : { content: markdown(doc), mediaType: 'text/markdown', fileName };
  return document === 'annex-xii'
    ? output(annexXii(view), renderAnnexXiiMarkdown)
    : output(trainingSummary(view), renderTrainingSummaryMarkdown);
}
