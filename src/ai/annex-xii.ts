// AI Act Art. 53(1)(b) and Annex XII: the information a general-purpose AI model's provider gives to
// downstream providers. Each Annex XII item is mapped to the SBOM fields that answer it (mapping of
// ../shared/reference/regulation.md §5.4) and named as missing when none does. Paraphrased items; the
// Regulation (EU) 2024/1689 text on EUR-Lex is the reference.
import { componentLabel, homepageOf, propertyOf, type Component } from '../model/index.js';
import type { ModelView } from './model-view.js';

export interface AnnexItem {
  /** `1(a)` … `2(c)`: the point of Annex XII. */
  id: string;
  clause: string;
  title: string;
  /** What the SBOM says for this item, one line per fact; empty when missing. */
  answers: string[];
  /** The fields consulted, so that a reader knows what to fill in. */
  sources: string[];
  present: boolean;
}

export interface AnnexXii {
  model: string;
  items: AnnexItem[];
  missing: string[];
}

function licenceOf(c: Component): string | undefined {
  const l = c.licenses.concluded ?? c.licenses.declared;
  return l ? (l.expression ?? l.raw) : undefined;
}

const ACCEPTABLE_USE = /acceptable[-_ ]?use|use[-_ ]?policy|\baup\b/i;

function item(id: string, title: string, sources: string[], answers: (string | undefined | false)[]): AnnexItem {
  const kept = answers.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
  return { id, clause: `AI Act Annex XII point ${id}`, title, answers: kept, sources, present: kept.length > 0 };
}

export function annexXii(view: ModelView): AnnexXii {
  const { model, card } = view;
  const refs = model.externalReferences;
  const formats = (list: { format: string }[]) => (list.length > 0 ? list.map((f) => f.format).join(', ') : undefined);
  const datasets = [...view.lineage['trained-on'], ...view.lineage['tested-on']];
  const items: AnnexItem[] = [
    item(
      '1(a)',
      'Tasks the model is intended to perform; type and nature of AI systems it can be integrated into',
      [
        'modelCard.modelParameters.task',
        'modelCard.considerations.useCases',
        'ai_domain',
        'ai_informationAboutApplication',
      ],
      [
        card.task && `task: ${card.task}`,
        ...card.considerations.useCases.map((u) => `use case: ${u}`),
        ...card.domains.map((d) => `domain: ${d}`),
        card.informationAboutApplication,
      ],
    ),
    item(
      '1(b)',
      'Acceptable use policies applicable',
      ['externalReferences (acceptable use policy)', 'modelCard.considerations.technicalLimitations'],
      refs.filter((r) => ACCEPTABLE_USE.test(`${r.url} ${r.comment ?? ''}`)).map((r) => `policy: ${r.url}`),
    ),
    item(
      '1(c)',
      'Date of release and methods of distribution',
      ['releaseTime / releaseNotes.timestamp', 'externalReferences[distribution]', 'purl'],
      [
        propertyOf(model, 'spdx3:releaseTime') && `released: ${propertyOf(model, 'spdx3:releaseTime')}`,
        ...refs.filter((r) => r.type === 'distribution').map((r) => `distributed from: ${r.url}`),
        model.purl && `package: ${model.purl}`,
      ],
    ),
    item(
      '1(d)',
      'How the model interacts with hardware or software that is not part of it',
      ['dependencies of the model', 'library'],
      [card.library && `library: ${card.library}`, ...view.dependencies.map((d) => `uses: ${componentLabel(d)}`)],
    ),
    item(
      '1(e)',
      'Versions of relevant software related to the use of the model',
      ['dependencies of the model (with versions)'],
      view.dependencies.filter((d) => d.version).map((d) => componentLabel(d)),
    ),
    item(
      '1(f)',
      'Architecture and number of parameters',
      ['modelCard.modelParameters.modelArchitecture / architectureFamily', 'parameter count'],
      [
        card.architecture && `architecture: ${card.architecture}`,
        card.architectureFamily && `family: ${card.architectureFamily}`,
        card.parameterCount !== undefined && `parameters: ${card.parameterCount.toLocaleString('en')}`,
      ],
    ),
    item(
      '1(g)',
      'Modality and format of inputs and outputs',
      ['modelCard.modelParameters.inputs / outputs'],
      [
        formats(card.inputs) && `inputs: ${formats(card.inputs)}`,
        formats(card.outputs) && `outputs: ${formats(card.outputs)}`,
      ],
    ),
    item('1(h)', 'Licence of the model', ['licenses'], [licenceOf(model)]),
    item(
      '2(a)',
      'Technical means (instructions for use, infrastructure, tools) for integration',
      ['externalReferences[documentation]', 'homepage', 'library'],
      [
        ...refs.filter((r) => r.type === 'documentation').map((r) => `documentation: ${r.url}`),
        homepageOf(model) && `homepage: ${homepageOf(model)}`,
      ],
    ),
    item(
      '2(b)',
      'Modality, format and maximum size of inputs and outputs (e.g. context window)',
      ['inputs / outputs', 'context size'],
      [
        formats(card.inputs) && `inputs: ${formats(card.inputs)}`,
        formats(card.outputs) && `outputs: ${formats(card.outputs)}`,
        card.contextSize !== undefined && `context window: ${card.contextSize.toLocaleString('en')} tokens`,
      ],
    ),
    item(
      '2(c)',
      'Data used for training, testing and validation: type, provenance and curation',
      ['trained-on / tested-on datasets and their facts', 'modelCard datasets'],
      [
        ...datasets.map((d) => datasetLine(d, view.derivedFrom.get(d.ref))),
        ...card.datasets.map((d) => `named dataset: ${d.name ?? d.url}${d.url && d.name ? ` (${d.url})` : ''}`),
      ],
    ),
  ];
  // 2(c) is only answered when every dataset says where its data comes from.
  const c = items[items.length - 1]!;
  // A derived dataset's provenance is at least its sources (lineage edges).
  const withoutProvenance = datasets.filter(
    (d) => !d.dataset?.collectionProcess && !d.dataset?.contentsUrl && !homepageOf(d) && !view.derivedFrom.has(d.ref),
  );
  if (withoutProvenance.length > 0) {
    c.present = false;
    c.answers.push(`no provenance for: ${withoutProvenance.map((d) => d.name).join(', ')}`);
  }
  return { model: componentLabel(model), items, missing: items.filter((i) => !i.present).map((i) => i.id) };
}

function datasetLine(d: Component, sources: string[] | undefined): string {
  const f = d.dataset;
  const parts = [d.name];
  if (f?.modalities.length) parts.push(f.modalities.join('/'));
  const provenance = f?.collectionProcess ?? f?.contentsUrl ?? homepageOf(d);
  if (provenance) parts.push(`from ${provenance}`);
  if (sources?.length) parts.push(`derived from ${sources.join(', ')}`);
  if (f?.preprocessing.length) parts.push(`curation: ${f.preprocessing.join('; ')}`);
  const licence = licenceOf(d);
  if (licence) parts.push(`licence ${licence}`);
  return `dataset: ${parts.join(', ')}`;
}
