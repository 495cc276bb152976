// A model directory as the hubs ship it → model, dataset and base-model components with lineage.
// Pure: the io layer (src/io/model-directory.ts) reads the card, the config, the weight headers and
// the hashes; this turns them into the canonical model. Nothing is fetched: a dataset or base model
// known only by its hub id stays a named component without facts.
import { yaml } from '../text/libraries.js';
import {
  emptyModelCard,
  issue,
  licenseFromExpression,
  type Component,
  type Hash,
  type Issue,
  type LicenseStatement,
  type LineageEdge,
} from '../model/index.js';
import type { Inventory } from '../sbom/generators/core/extractor.js';
import { hubLicenseExpression } from './hub-licenses.js';
import type { WeightSummary } from './weights/safetensors.js';

export interface WeightFile {
  /** Path inside the model directory. */
  path: string;
  size: number;
  hashes: Hash[];
  /** What the header says, when the format is one Vigie reads. */
  summary?: WeightSummary;
  /** Why the header could not be read. */
  problem?: string;
}

export interface ModelDirectoryInput {
  /** Directory name, used when nothing else names the model. */
  name: string;
  /** README.md text (the model card). */
  readme?: string;
  /** config.json text. */
  config?: string;
  weights: WeightFile[];
}

export interface ModelInventory {
  model: Component;
  components: Component[];
  lineage: LineageEdge[];
  issues: Issue[];
}

export { WEIGHT_EXTENSIONS } from './weight-extensions.js';

export type FrontMatter = Record<string, unknown>;

/** The YAML block between the first two `---` lines of a card, or {} with an issue when broken. */
export function frontMatter(readme: string, issues: Issue[]): FrontMatter {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(readme);
  if (!m) return {};
  try {
    const value = yaml().parse(m[1]!, { schema: 'core', maxAliasCount: 50 });
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as FrontMatter;
    issues.push(
      issue('warning', 'invalid-value', 'the model card front matter is not a mapping; ignored', {
        field: 'README.md',
      }),
    );
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    issues.push(
      issue(
        'warning',
        'invalid-value',
        `the model card front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}; ignored`,
        { field: 'README.md' },
      ),
    );
  }
  return {};
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The licence a model or dataset card's front matter states (`license`, or `other` with `license_name`). */
export function cardLicense(fm: FrontMatter): LicenseStatement | undefined {
  const tag = text(fm.license);
  if (!tag) return undefined;
  if (tag === 'other') {
    const name = text(fm.license_name) ?? 'other';
    const statement: LicenseStatement = {
      raw: name,
      entries: [{ name, ...(text(fm.license_link) ? { url: text(fm.license_link) } : {}) }],
    };
    return statement;
  }
  const expression = hubLicenseExpression(tag);
  if (!expression) return { raw: tag, entries: [{ name: tag }] };
  return { ...licenseFromExpression(expression), raw: tag };
}

/** A base model or dataset known only by its hub id: named, with its hub page, never fetched. */
export function hubComponent(
  ref: string,
  type: Component['type'],
  id: string,
  kind: 'models' | 'datasets',
  namedBy = 'the model card',
): Component {
  const url = kind === 'models' ? `https://huggingface.co/${id}` : `https://huggingface.co/datasets/${id}`;
  return {
    ref,
    type,
    name: id,
    hashes: [],
    licenses: {},
    externalReferences: [{ type: 'website', url, comment: `named by ${namedBy}; not fetched` }],
    properties: [],
  };
}

function parseConfig(config: string | undefined, issues: Issue[]): Record<string, unknown> {
  if (config === undefined) return {};
  try {
    const value = JSON.parse(config);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  issues.push(issue('warning', 'invalid-value', 'config.json is not a JSON object; ignored', { field: 'config.json' }));
  return {};
}

const CONTEXT_KEYS = [
  'max_position_embeddings',
  'n_positions',
  'max_seq_len',
  'seq_length',
  'n_ctx',
  'max_sequence_length',
];

export function inventoryModelDirectory(input: ModelDirectoryInput): ModelInventory {
  const issues: Issue[] = [];
  const fm = input.readme === undefined ? {} : frontMatter(input.readme, issues);
  const config = parseConfig(input.config, issues);
  const card = emptyModelCard();
  const task = text(fm.pipeline_tag);
  if (task) card.task = task;
  const library = text(fm.library_name);
  if (library) card.library = library;
  card.languages = list(fm.language);
  card.tags = list(fm.tags);
  const architectures = list(config.architectures);
  if (architectures[0]) card.architecture = architectures[0];
  const family = text(config.model_type);
  if (family) card.architectureFamily = family;
  for (const key of CONTEXT_KEYS) {
    const n = config[key];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) {
      card.contextSize = n;
      break;
    }
  }

  const modelRef = `model:${input.name}`;
  const weightComponents: Component[] = [];
  let parameters = 0;
  let counted = false;
  for (const w of input.weights) {
    const properties = [
      { name: 'vigie:ai:weightFormat', value: w.summary?.format ?? w.path.slice(w.path.lastIndexOf('.') + 1) },
    ];
    if (w.summary) {
      properties.push({ name: 'vigie:ai:tensorCount', value: String(w.summary.tensors) });
      properties.push({
        name: 'vigie:ai:dtypes',
        value: Object.entries(w.summary.dtypes)
          .map(([d, n]) => `${d}:${n}`)
          .join(','),
      });
      parameters += w.summary.parameters;
      counted = true;
      const ggufContext = Object.entries(w.summary.metadata).find(([k]) => k.endsWith('.context_length'))?.[1];
      if (card.contextSize === undefined && ggufContext && /^\d+$/.test(ggufContext))
        card.contextSize = Number(ggufContext);
      card.architectureFamily ??= w.summary.metadata['general.architecture'];
    }
    if (w.problem)
      issues.push(
        issue('warning', 'unreadable-weights', `${w.path}: ${w.problem}; hashed, not described`, {
          component: modelRef,
          field: w.path,
        }),
      );
    weightComponents.push({
      ref: `${modelRef}/${w.path}`,
      type: 'file',
      name: w.path,
      hashes: w.hashes,
      licenses: {},
      externalReferences: [],
      properties,
      evidence: [w.path],
    });
  }
  if (counted) card.parameterCount = parameters;

  const model: Component = {
    ref: modelRef,
    type: 'machine-learning-model',
    name: text(fm.model_name) ?? text(config._name_or_path) ?? input.name,
    hashes: input.weights.length === 1 ? input.weights[0]!.hashes : [],
    licenses: {},
    externalReferences: [],
    properties: [],
    modelCard: card,
    evidence: ['README.md', 'config.json', ...input.weights.map((w) => w.path)]
      .filter((p) => p !== 'README.md' || input.readme !== undefined)
      .filter((p) => p !== 'config.json' || input.config !== undefined),
  };
  const declared = cardLicense(fm);
  if (declared) model.licenses.declared = declared;
  else
    issues.push(
      issue('warning', 'missing-license', 'the model card states no licence', {
        component: modelRef,
        field: 'README.md license',
      }),
    );
  if (text(fm.license_link)) model.externalReferences.push({ type: 'license', url: text(fm.license_link)! });
  if (weightComponents.length > 0) model.components = weightComponents;

  const components: Component[] = [];
  const lineage: LineageEdge[] = [];
  const datasets = list(fm.datasets);
  if (datasets.length > 0) {
    for (const id of datasets) components.push(hubComponent(`dataset:${id}`, 'data', id, 'datasets'));
    lineage.push({ from: modelRef, kind: 'trained-on', to: datasets.map((id) => `dataset:${id}`) });
  }
  const bases = list(fm.base_model);
  if (bases.length > 0) {
    for (const id of bases) components.push(hubComponent(`model:${id}`, 'machine-learning-model', id, 'models'));
    const relation = text(fm.base_model_relation);
    lineage.push({
      from: modelRef,
      kind: relation === 'quantized' ? 'quantised-from' : 'fine-tuned-from',
      to: bases.map((id) => `model:${id}`),
    });
  }
  return { model, components, lineage, issues };
}

/** The model directory as one inventory of the project walk: the model is the project. */
export function modelDirectoryInventory(input: ModelDirectoryInput, path: string): Inventory {
  const found = inventoryModelDirectory(input);
  const evidence = (p: string) => (path === '' || path === '.' ? p : `${path}/${p}`);
  found.model.evidence = (found.model.evidence ?? []).map(evidence);
  for (const w of found.model.components ?? []) w.evidence = (w.evidence ?? []).map(evidence);
  return {
    ecosystem: 'huggingface',
    project: found.model,
    components: found.components,
    dependencies: [],
    // A card names datasets and base models; it says nothing about the software the model needs.
    completeness: 'incomplete',
    issues: found.issues.map((i) => ({ ...i, field: i.field ? evidence(i.field) : i.field })),
    lineage: found.lineage,
  };
}
