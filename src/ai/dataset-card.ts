// A dataset directory as the hubs ship it (a README.md dataset card with YAML front matter, and the
// data files) → one `data` component with its dataset facts. Pure: src/io/model-directory.ts reads
// the files. The front-matter keys are those of Hugging Face dataset cards; each is mapped onto the
// DatasetFacts field that holds the same fact (what the AI Act training-content summary and Annex XII
// ask about datasets: ../shared/reference/regulation.md §5.2–§5.4). Nothing is fetched: a source
// dataset (`source_datasets: extended|<hub id>`) becomes a named data component and a derived-from
// lineage edge, as a model card's datasets become trained-on edges.
import {
  emptyDatasetFacts,
  issue,
  type Component,
  type DatasetFacts,
  type Hash,
  type Issue,
  type LineageEdge,
} from '../model/index.js';
import type { Inventory } from '../sbom/generators/core/extractor.js';
import { cardLicense, frontMatter, hubComponent, type FrontMatter } from './model-directory.js';

/** Keys only a dataset card carries (a model card has none of them). */
export const DATASET_CARD_KEYS = [
  'task_categories',
  'size_categories',
  'source_datasets',
  'annotations_creators',
  'language_creators',
  'pretty_name',
  'dataset_info',
  'configs',
  'task_ids',
  'multilinguality',
] as const;

/** Extensions of the data files a dataset repository ships. */
export const DATA_EXTENSIONS = [
  '.parquet',
  '.arrow',
  '.csv',
  '.tsv',
  '.jsonl',
  '.json',
  '.txt',
  '.zip',
  '.tar',
  '.tar.gz',
  '.tgz',
] as const;

export interface DataFile {
  /** Path inside the dataset directory. */
  path: string;
  size: number;
  hashes: Hash[];
}

export interface DatasetDirectoryInput {
  name: string;
  readme: string;
  dataFiles: DataFile[];
}

export function isDatasetCard(fm: FrontMatter): boolean {
  return DATASET_CARD_KEYS.some((k) => fm[k] !== undefined);
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .map((x) => x.trim());
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `dataset_info` is one mapping or a list of them (one per config); their `dataset_size` adds up. */
function datasetSize(info: unknown): number | undefined {
  const entries = Array.isArray(info) ? info : info && typeof info === 'object' ? [info] : [];
  let total = 0;
  let found = false;
  for (const e of entries) {
    const n = (e as Record<string, unknown> | null)?.dataset_size;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) {
      total += n;
      found = true;
    }
  }
  return found ? total : undefined;
}

/** `source_datasets`: `original`, or `extended|<hub id>` for data built on another dataset. */
export function sourceDatasets(fm: FrontMatter): string[] {
  return list(fm.source_datasets)
    .filter((s) => s !== 'original')
    .map((s) => s.replace(/^extended\|/, ''))
    .filter(Boolean);
}

/** How the data was made; its sources are lineage edges, not text (`sourceDatasets`). */
function provenance(fm: FrontMatter): string | undefined {
  const parts: string[] = [];
  if (list(fm.source_datasets).includes('original')) parts.push('original data');
  const language = list(fm.language_creators);
  if (language.length) parts.push(`text created by: ${language.join(', ')}`);
  const annotations = list(fm.annotations_creators);
  if (annotations.length) parts.push(`annotations by: ${annotations.join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The dataset facts a card's front matter states. */
export function datasetFactsOfCard(fm: FrontMatter): DatasetFacts {
  const facts = emptyDatasetFacts();
  facts.kind = 'dataset';
  facts.languages = list(fm.language);
  const size = text(list(fm.size_categories)[0]);
  if (size) facts.sizeCategory = size;
  const bytes = datasetSize(fm.dataset_info);
  if (bytes !== undefined) facts.sizeBytes = bytes;
  const collection = provenance(fm);
  if (collection) facts.collectionProcess = collection;
  const tasks = [...list(fm.task_categories), ...list(fm.task_ids)];
  if (tasks.length) facts.intendedUse = `tasks: ${tasks.join(', ')}`;
  // Hub tags `modality:text`; otherwise nothing is guessed.
  facts.modalities = list(fm.tags)
    .filter((t) => t.startsWith('modality:'))
    .map((t) => t.slice('modality:'.length));
  // Every language and every annotation written by a machine: synthetic data (AI Office template §2.6).
  const creators = [...list(fm.language_creators), ...list(fm.annotations_creators)];
  if (list(fm.language_creators).length && creators.every((c) => c === 'machine-generated' || c === 'no-annotation'))
    facts.origin = 'synthetic';
  // A gated dataset is obtained after accepting the provider's conditions.
  if (Object.keys(fm).some((k) => k.startsWith('extra_gated_'))) facts.availability = 'registration';
  return facts;
}

export function inventoryDatasetDirectory(input: DatasetDirectoryInput): {
  dataset: Component;
  sources: Component[];
  lineage: LineageEdge[];
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const fm = frontMatter(input.readme, issues);
  const ref = `dataset:${input.name}`;
  const dataset: Component = {
    ref,
    type: 'data',
    name: text(fm.pretty_name) ?? input.name,
    hashes: input.dataFiles.length === 1 ? input.dataFiles[0]!.hashes : [],
    licenses: {},
    externalReferences: [],
    properties: [],
    dataset: datasetFactsOfCard(fm),
    evidence: ['README.md', ...input.dataFiles.map((f) => f.path)],
  };
  if (dataset.dataset!.sizeBytes === undefined && input.dataFiles.length)
    dataset.dataset!.sizeBytes = input.dataFiles.reduce((n, f) => n + f.size, 0);
  const multilinguality = list(fm.multilinguality);
  if (multilinguality.length)
    dataset.properties.push({ name: 'vigie:ai:multilinguality', value: multilinguality.join(',') });
  const declared = cardLicense(fm);
  if (declared) dataset.licenses.declared = declared;
  else
    issues.push(
      issue('warning', 'missing-license', 'the dataset card states no licence', {
        component: ref,
        field: 'README.md license',
      }),
    );
  if (text(fm.license_link)) dataset.externalReferences.push({ type: 'license', url: text(fm.license_link)! });
  if (input.dataFiles.length > 1) {
    dataset.components = input.dataFiles.map((f) => ({
      ref: `${ref}/${f.path}`,
      type: 'file',
      name: f.path,
      hashes: f.hashes,
      licenses: {},
      externalReferences: [],
      properties: [],
      evidence: [f.path],
    }));
  }
  const ids = sourceDatasets(fm);
  const sources = ids.map((id) => hubComponent(`dataset:${id}`, 'data', id, 'datasets', 'the dataset card'));
  const lineage: LineageEdge[] =
    ids.length > 0 ? [{ from: ref, kind: 'derived-from', to: sources.map((c) => c.ref) }] : [];
  return { dataset, sources, lineage, issues };
}

/** The dataset directory as one inventory of the project walk: the dataset is the project. */
export function datasetDirectoryInventory(input: DatasetDirectoryInput, path: string): Inventory {
  const found = inventoryDatasetDirectory(input);
  const evidence = (p: string) => (path === '' || path === '.' ? p : `${path}/${p}`);
  found.dataset.evidence = (found.dataset.evidence ?? []).map(evidence);
  for (const f of found.dataset.components ?? []) f.evidence = (f.evidence ?? []).map(evidence);
  return {
    ecosystem: 'huggingface',
    project: found.dataset,
    components: found.sources,
    dependencies: [],
    completeness: 'incomplete',
    issues: found.issues.map((i) => ({ ...i, field: i.field ? evidence(i.field) : i.field })),
    lineage: found.lineage,
  };
}
