// A release seen as an ML-BOM, so that the AI Act documents (Annex XII, the training-content summary)
// can be written for one of its models from what the store holds: the release's components as
// releaseToSbom gives them (validated licences), each model with its stored card and each dataset
// with its stored facts, and the stored lineage edges. Pure: the service loads, this assembles.
import { modelView, ModelNotFoundError, type ModelView } from '../ai/model-view.js';
import type { DatasetFacts, LineageEdge, LineageKind, ModelCard } from '../model/ai.js';
import type { Sbom } from '../model/index.js';
import type { ReleaseSnapshot } from '../compliance/snapshot.js';
import type { ReleaseValidation } from '../compliance/validate-release.js';
import { releaseToSbom } from './release-sbom.js';

/** A version's stored AI variant (store/ai-store.ts VersionAiFacts, restated to keep reports off the store). */
export type StoredAiFacts = { versionId: number } & (
  { kind: 'model'; facts: ModelCard } | { kind: 'dataset'; facts: DatasetFacts }
);

const versionRef = (versionId: number) => `version-${versionId}`;

/** A stored dependency edge between two versions of the release (store DependencyEdge); parent null = the primary. */
export interface DependencyLink {
  parentVersionId: number | null;
  childVersionId: number;
}

/**
 * The release as an Sbom with its AI variant. A version is a model when its card says so, a dataset
 * when its facts say so; a version that only the lineage names is a dataset when something was
 * trained or tested on it or it is an end of a derived-from edge, and a model otherwise (the rule of
 * services/release-ai.ts).
 */
export function releaseAiSbom(
  snapshot: ReleaseSnapshot,
  validation: ReleaseValidation,
  facts: StoredAiFacts[],
  dependencyEdges: DependencyLink[],
): Sbom {
  const sbom = releaseToSbom(snapshot, validation);
  const rootRef = sbom.metadata.component!.ref;
  const factsOf = new Map(facts.map((f) => [f.versionId, f]));
  const links = snapshot.lineage ?? [];
  const asDataset = new Set(
    links.flatMap((l) =>
      l.kind === 'trained-on' || l.kind === 'tested-on'
        ? [l.childVersionId]
        : l.kind === 'derived-from'
          ? [l.childVersionId, l.parentVersionId ?? -1]
          : [],
    ),
  );
  const inLineage = new Set(
    links.flatMap((l) => (l.parentVersionId === null ? [l.childVersionId] : [l.parentVersionId, l.childVersionId])),
  );
  for (const c of sbom.components) {
    const versionId = Number(c.ref.slice('version-'.length));
    const f = factsOf.get(versionId);
    if (f?.kind === 'model') {
      c.type = 'machine-learning-model';
      c.modelCard = f.facts;
    } else if (f?.kind === 'dataset') {
      c.type = 'data';
      c.dataset = f.facts;
    } else if (inLineage.has(versionId)) {
      c.type = asDataset.has(versionId) ? 'data' : 'machine-learning-model';
    }
  }
  const grouped = new Map<string, LineageEdge>();
  for (const l of links) {
    const from = l.parentVersionId === null ? rootRef : versionRef(l.parentVersionId);
    const key = `${from} ${l.kind}`;
    const edge = grouped.get(key) ?? { from, kind: l.kind as LineageKind, to: [] };
    edge.to.push(versionRef(l.childVersionId));
    grouped.set(key, edge);
  }
  const lineage = [...grouped.values()].map((e) => ({ ...e, to: [...new Set(e.to)].sort() }));
  lineage.sort((a, b) => (a.from === b.from ? a.kind.localeCompare(b.kind) : a.from.localeCompare(b.from)));
  if (lineage.length > 0) sbom.lineage = lineage;
  // What each version depends on directly, from the stored graph (every project merged): Annex XII
  // 1(d) and 1(e) name a model's software from it.
  const dependsOn = new Map<string, Set<string>>();
  for (const e of dependencyEdges) {
    if (e.parentVersionId === null) continue;
    const from = versionRef(e.parentVersionId);
    dependsOn.set(from, (dependsOn.get(from) ?? new Set()).add(versionRef(e.childVersionId)));
  }
  const known = new Set(sbom.components.map((c) => c.ref));
  for (const [ref, children] of [...dependsOn].sort(([a], [b]) => a.localeCompare(b))) {
    if (known.has(ref)) sbom.dependencies.push({ ref, dependsOn: [...children].filter((c) => known.has(c)).sort() });
  }
  return sbom;
}

/** The model view of one version of the release; a version that is not one of its models is an error. */
export function releaseModelView(sbom: Sbom, versionId: number): ModelView {
  const model = sbom.components.find((c) => c.ref === versionRef(versionId));
  if (!model || model.type !== 'machine-learning-model')
    throw new ModelNotFoundError(`version ${versionId} is not a machine-learning model of this release`);
  return modelView(sbom, model);
}
