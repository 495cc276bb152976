/**
 * The AI components of a release (issue 10 item 1): its models with their cards and its datasets with
 * their facts, as imported, and the lineage between them, each named as the release names it.
 * Reads only (stored facts and edges); nothing is recomputed or written.
 */
import type { DatasetFacts, LineageKind, ModelCard } from '../model/ai.js';
import type { Store } from '../store/index.js';
import { notFound } from './service-error.js';

export interface AiComponentView {
  versionId: number;
  usageIds: number[];
  /** `namespace/name@version`, as in every release view. */
  component: string;
  purl: string | null;
  license: string | null;
}

export interface ReleaseAi {
  releaseId: number;
  models: (AiComponentView & { card: ModelCard | null })[];
  datasets: (AiComponentView & { facts: DatasetFacts | null })[];
  /** `from` null = the release's primary component (the product itself is the model). */
  lineage: { from: string | null; kind: LineageKind; to: string }[];
}

export async function releaseAi(store: Store, releaseId: number): Promise<ReleaseAi> {
  const data = await store.loadReleaseData(releaseId);
  if (!data) throw notFound(`release ${releaseId}`);
  const versions = new Map(data.versions.map((v) => [v.id, v]));
  const components = new Map(data.components.map((c) => [c.id, c]));
  const [facts, edges] = await Promise.all([
    store.listVersionAiFacts(data.versions.map((v) => v.id)),
    store.listLineageEdges(releaseId),
  ]);
  const factsOf = new Map(facts.map((f) => [f.versionId, f]));
  const labelOf = (versionId: number): string => {
    const version = versions.get(versionId);
    const component = version && components.get(version.componentId);
    if (!version || !component) return `version ${versionId}`;
    return `${component.namespace ? `${component.namespace}/` : ''}${component.name}@${version.number}`;
  };
  const views = new Map<number, AiComponentView & { kind: 'model' | 'dataset' | null }>();
  for (const u of data.usages) {
    const version = versions.get(u.versionId)!;
    const f = factsOf.get(version.id);
    const linked = edges.some((e) => e.parentVersionId === version.id || e.childVersionId === version.id);
    if (!f && !linked) continue;
    const seen = views.get(version.id);
    if (seen) {
      seen.usageIds.push(u.id);
      continue;
    }
    views.set(version.id, {
      versionId: version.id,
      usageIds: [u.id],
      component: labelOf(version.id),
      purl: version.purl,
      license: version.correctedLicense ?? version.concludedLicense ?? version.declaredLicense,
      kind: f?.kind ?? null,
    });
  }
  const models: ReleaseAi['models'] = [];
  const datasets: ReleaseAi['datasets'] = [];
  // Trained or tested on, or either end of derived-from: a dataset even when no facts were stored.
  const asDataset = new Set(
    edges.flatMap((e) =>
      e.kind === 'trained-on' || e.kind === 'tested-on'
        ? [e.childVersionId]
        : e.kind === 'derived-from'
          ? [e.childVersionId, e.parentVersionId ?? -1]
          : [],
    ),
  );
  for (const { kind, ...view } of [...views.values()].sort((a, b) => a.component.localeCompare(b.component))) {
    const f = factsOf.get(view.versionId);
    if (kind === 'dataset' || (kind === null && asDataset.has(view.versionId)))
      datasets.push({ ...view, facts: f?.kind === 'dataset' ? f.facts : null });
    else models.push({ ...view, card: f?.kind === 'model' ? f.facts : null });
  }
  return {
    releaseId,
    models,
    datasets,
    lineage: edges.map((e) => ({
      from: e.parentVersionId === null ? null : labelOf(e.parentVersionId),
      kind: e.kind,
      to: labelOf(e.childVersionId),
    })),
  };
}
