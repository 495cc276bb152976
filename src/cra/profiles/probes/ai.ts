// Probes over AI components (machine-learning models and datasets) for the `ai-g7-2026` profile.
// They read the model card and dataset facts of src/model/ai.ts, which the CycloneDX ML-BOM and
// SPDX 3 AI/Dataset readers fill (../shared/reference/regulation.md §5.4).
import { homepageOf, type Component } from '../../../model/index.js';
import type { SbomView } from '../view.js';
import type { ComponentProbe } from './component.js';
import type { DocumentProbe } from './document.js';

const isModel = (c: Component): boolean => c.type === 'machine-learning-model';
const isDataset = (c: Component): boolean => c.type === 'data';
const model = (test: (c: Component, view: SbomView) => boolean): ComponentProbe => ({
  scope: 'component',
  test,
  appliesTo: isModel,
});
const dataset = (test: (c: Component, view: SbomView) => boolean): ComponentProbe => ({
  scope: 'component',
  test,
  appliesTo: isDataset,
});
const STRONG = /^(SHA-(256|384|512)|SHA3-(256|384|512)|BLAKE2b-(256|384|512)|BLAKE3)$/;

/** The lineage edges leaving a model (trained-on, tested-on, fine-tuned-from, quantised-from). */
function lineageOf(c: Component, view: SbomView): string[] {
  return (view.sbom.lineage ?? []).filter((e) => e.from === c.ref).flatMap((e) => e.to);
}

const nonEmpty = (s: string | undefined): boolean => !!s && s.trim() !== '';

export const AI_DOCUMENT_PROBES = {
  /** The document lists at least one machine-learning model (an AI BOM without a model describes no AI). */
  'ai.document.model-present': {
    scope: 'document',
    test: (view: SbomView) => view.components.some(isModel),
  } satisfies DocumentProbe,
  /** A format with AI fields: CycloneDX 1.5+ (modelCard, data) or SPDX 3 (AI and Dataset profiles). */
  'ai.document.ml-format': {
    scope: 'document',
    test: ({ sbom: { source } }: SbomView) => {
      if (source.id === 'spdx3-jsonld') return true;
      if (source.id !== 'cyclonedx-json' && source.id !== 'cyclonedx-xml') return false;
      const [major, minor] = source.specVersion.split('.').map((p) => Number.parseInt(p, 10));
      return (major ?? 0) > 1 || ((major ?? 0) === 1 && (minor ?? 0) >= 5);
    },
  } satisfies DocumentProbe,
} as const;

export const AI_COMPONENT_PROBES = {
  'ai.model.supplier': model(
    (c) => !!(c.supplier?.name || c.manufacturer?.name || c.publisher || c.authors?.some((a) => a.name)),
  ),
  'ai.model.version': model((c) => nonEmpty(c.version)),
  'ai.model.license': model((c) => !!(c.licenses.concluded ?? c.licenses.declared)),
  'ai.model.task': model((c) => nonEmpty(c.modelCard?.task)),
  'ai.model.architecture': model(
    (c) => nonEmpty(c.modelCard?.architecture) || nonEmpty(c.modelCard?.architectureFamily),
  ),
  'ai.model.parameters': model((c) => c.modelCard?.parameterCount !== undefined),
  'ai.model.io': model((c) => (c.modelCard?.inputs.length ?? 0) > 0 && (c.modelCard?.outputs.length ?? 0) > 0),
  'ai.model.intended-use': model(
    (c) => (c.modelCard?.considerations.useCases.length ?? 0) > 0 || nonEmpty(c.modelCard?.informationAboutApplication),
  ),
  'ai.model.limitations': model((c) => (c.modelCard?.considerations.limitations.length ?? 0) > 0),
  /** Training data named: trained-on lineage to dataset components, or datasets named on the card. */
  'ai.model.training-data': model(
    (c, view) =>
      (view.sbom.lineage ?? []).some((e) => e.from === c.ref && e.kind === 'trained-on') ||
      (c.modelCard?.datasets.length ?? 0) > 0,
  ),
  /** Every lineage edge of the model points at a component of the document. */
  'ai.model.lineage-resolved': model((c, view) => lineageOf(c, view).every((ref) => view.byRef.has(ref))),
  'ai.model.dependencies': model((c, view) => view.dependsOn.has(c.ref) || nonEmpty(c.modelCard?.library)),
  'ai.model.weights-hash': model((c) =>
    [...c.hashes, ...(c.components ?? []).flatMap((w) => w.hashes)].some(
      (h) => STRONG.test(h.alg) && h.content.length > 0,
    ),
  ),
  'ai.model.metrics': model((c) => (c.modelCard?.metrics.length ?? 0) > 0),
  'ai.model.energy': model((c) => (c.modelCard?.considerations.environmental.length ?? 0) > 0),
  'ai.dataset.license': dataset((c) => !!(c.licenses.concluded ?? c.licenses.declared)),
  'ai.dataset.provenance': dataset(
    (c) => nonEmpty(c.dataset?.collectionProcess) || nonEmpty(c.dataset?.contentsUrl) || nonEmpty(homepageOf(c)),
  ),
  // CycloneDX's data type is "dataset" for nearly every entry: only a more telling type counts beside the modalities.
  'ai.dataset.modality': dataset(
    (c) => (c.dataset?.modalities.length ?? 0) > 0 || (nonEmpty(c.dataset?.kind) && c.dataset?.kind !== 'dataset'),
  ),
  'ai.dataset.size': dataset((c) => nonEmpty(c.dataset?.sizeCategory) || c.dataset?.sizeBytes !== undefined),
  'ai.dataset.sensitive-data': dataset(
    (c) =>
      (c.dataset?.sensitivePersonalData !== undefined && c.dataset.sensitivePersonalData !== 'unknown') ||
      (c.dataset?.sensitiveData.length ?? 0) > 0,
  ),
  'ai.dataset.preprocessing': dataset((c) => (c.dataset?.preprocessing.length ?? 0) > 0),
  'ai.dataset.governance': dataset((c) => {
    const g = c.dataset?.governance;
    return !!g && g.owners.length + g.stewards.length + g.custodians.length > 0;
  }),
} satisfies Record<string, ComponentProbe>;
