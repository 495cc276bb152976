// One model of an SBOM seen with everything the AI Act documents need: its card, the datasets and
// base models its lineage names, and the software it depends on. Pure: an Sbom in, a view out.
import { allComponents } from '../sbom/graph.js';
import {
  componentLabel,
  emptyModelCard,
  type Component,
  type LineageKind,
  type ModelCard,
  type Sbom,
} from '../model/index.js';

export interface ModelView {
  model: Component;
  card: ModelCard;
  /** Components the model's lineage names, by kind (only those present in the document). */
  lineage: Record<LineageKind, Component[]>;
  /** Lineage targets that name no component of the document. */
  unresolved: { kind: LineageKind; ref: string }[];
  /** Direct dependencies of the model (frameworks, runtimes…). */
  dependencies: Component[];
  /** What each dataset of the lineage was derived from (by dataset ref; labels, or refs when not in the document). */
  derivedFrom: Map<string, string[]>;
}

export class ModelNotFoundError extends Error {}

/** The models of a document: `machine-learning-model` components, the primary one first. */
export function modelsOf(sbom: Sbom): Component[] {
  const all = allComponents(sbom, true).filter((c) => c.type === 'machine-learning-model');
  const primary = sbom.metadata.component;
  return primary && primary.type === 'machine-learning-model' ? [primary, ...all.filter((c) => c !== primary)] : all;
}

/**
 * Picks the model a document is about: the one whose ref or name is `wanted`, else the only (or the
 * primary) model. Several models and no choice is an error that lists them.
 */
export function selectModel(sbom: Sbom, wanted?: string): Component {
  const models = modelsOf(sbom);
  if (models.length === 0) throw new ModelNotFoundError('the document has no machine-learning-model component');
  if (wanted !== undefined) {
    const found = models.find((m) => m.ref === wanted || m.name === wanted || `${m.name}@${m.version}` === wanted);
    if (!found)
      throw new ModelNotFoundError(
        `no model "${wanted}" in the document (models: ${models.map((m) => m.name).join(', ')})`,
      );
    return found;
  }
  if (models.length === 1 || sbom.metadata.component === models[0]) return models[0]!;
  throw new ModelNotFoundError(
    `the document has ${models.length} models; choose one with --model (${models.map((m) => m.name).join(', ')})`,
  );
}

export function modelView(sbom: Sbom, model: Component): ModelView {
  const byRef = new Map(allComponents(sbom, true).map((c) => [c.ref, c]));
  const lineage: ModelView['lineage'] = {
    'trained-on': [],
    'tested-on': [],
    'fine-tuned-from': [],
    'quantised-from': [],
    'derived-from': [],
  };
  const unresolved: ModelView['unresolved'] = [];
  for (const edge of sbom.lineage ?? []) {
    if (edge.from !== model.ref) continue;
    for (const ref of edge.to) {
      const target = byRef.get(ref);
      if (target) lineage[edge.kind].push(target);
      else unresolved.push({ kind: edge.kind, ref });
    }
  }
  const direct = sbom.dependencies.find((d) => d.ref === model.ref)?.dependsOn ?? [];
  const lineageRefs = new Set(
    Object.values(lineage)
      .flat()
      .map((c) => c.ref),
  );
  const dependencies = direct
    .map((ref) => byRef.get(ref))
    .filter((c): c is Component => c !== undefined && !lineageRefs.has(c.ref));
  // Sources of the datasets, followed through derived datasets (a dataset derived from a derived one).
  const derivedFrom = new Map<string, string[]>();
  const edgesFrom = (ref: string) =>
    (sbom.lineage ?? []).filter((e) => e.kind === 'derived-from' && e.from === ref).flatMap((e) => e.to);
  for (const d of [...lineage['trained-on'], ...lineage['tested-on']]) {
    const seen = new Set<string>([d.ref]);
    const names: string[] = [];
    const queue = edgesFrom(d.ref);
    while (queue.length > 0) {
      const ref = queue.shift()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const source = byRef.get(ref);
      names.push(source ? componentLabel(source) : ref);
      queue.push(...edgesFrom(ref));
    }
    if (names.length > 0) derivedFrom.set(d.ref, names);
  }
  return { model, card: model.modelCard ?? emptyModelCard(), lineage, unresolved, dependencies, derivedFrom };
}
