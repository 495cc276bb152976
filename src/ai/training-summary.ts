// AI Act Art. 53(1)(d): the public summary of the content used to train a general-purpose AI model,
// following the sections of the AI Office template (../shared/reference/regulation.md §5.3 [S]: the
// structure is confirmed from published summaries, not from the template's own text). Every
// section is present; an input the SBOM and the options do not give is named in `missing`, never
// left blank.
import { componentLabel, homepageOf, type Component, type DatasetOrigin } from '../model/index.js';
import type { ModelView } from './model-view.js';

/** What the SBOM cannot say: the provider's statements, passed in by the caller. */
export interface SummaryInputs {
  provider?: string;
  contact?: string;
  /** Authorised representative in the Union (Art. 54), for providers established outside it. */
  authorisedRepresentative?: string;
  summaryVersion?: string;
  /** Date of this summary (ISO date), given by the caller: the pure layer reads no clock. */
  updated?: string;
  placedOnMarket?: string;
  knowledgeCutoff?: string;
  /** Measures to respect text-and-data-mining opt-outs (Art. 4(3) Directive (EU) 2019/790). */
  tdmOptOutMeasures?: string;
  illegalContentMeasures?: string;
  /** Most relevant crawled domains, when the provider has them from its crawl logs. */
  topDomains?: string[];
}

export interface SummarySection {
  id: string;
  title: string;
  lines: string[];
  missing: string[];
}

export interface TrainingSummary {
  model: string;
  sections: SummarySection[];
  /** Every missing input, as `section: what`. */
  missing: string[];
}

const ORIGIN_SECTIONS: { id: string; title: string; origins: DatasetOrigin[] }[] = [
  { id: '2.1', title: 'Publicly available datasets', origins: ['public'] },
  {
    id: '2.2',
    title: 'Private non-publicly available datasets obtained from third parties (licensed or otherwise)',
    origins: ['licensed', 'private'],
  },
  { id: '2.3', title: 'Data crawled and scraped from online sources', origins: ['crawled'] },
  { id: '2.4', title: 'User data', origins: ['user'] },
  { id: '2.5', title: 'Synthetic data', origins: ['synthetic'] },
  { id: '2.6', title: 'Other sources of data', origins: ['other'] },
];

/**
 * The origin category of a dataset: as stated, else inferred from how it can be obtained (a
 * scraping script means crawled data, a direct download public data, a registration or click-through
 * licensed data). `undefined` when nothing says.
 */
export function originOf(d: Component): { origin: DatasetOrigin; inferred: boolean } | undefined {
  const f = d.dataset;
  if (f?.origin) return { origin: f.origin, inferred: false };
  switch (f?.availability) {
    case 'scrapingScript':
      return { origin: 'crawled', inferred: true };
    case 'directDownload':
      return { origin: 'public', inferred: true };
    case 'registration':
    case 'clickthrough':
    case 'query':
      return { origin: 'licensed', inferred: true };
  }
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function describe(d: Component, sources: string[] | undefined): string {
  const f = d.dataset;
  const parts: string[] = [componentLabel(d)];
  if (sources?.length) parts.push(`derived from ${sources.join(', ')}`);
  const licence = d.licenses.concluded ?? d.licenses.declared;
  if (licence) parts.push(`licence ${licence.expression ?? licence.raw}`);
  if (f?.modalities.length) parts.push(f.modalities.join('/'));
  if (f?.sizeCategory) parts.push(`size ${f.sizeCategory}`);
  else if (f?.sizeBytes !== undefined) parts.push(`${f.sizeBytes.toLocaleString('en')} bytes`);
  const where = f?.contentsUrl ?? homepageOf(d);
  if (where) parts.push(where);
  return parts.join(', ');
}

function section(
  id: string,
  title: string,
  lines: (string | undefined | false)[],
  missing: (string | false)[],
): SummarySection {
  return {
    id,
    title,
    lines: lines.filter((l): l is string => typeof l === 'string' && l !== ''),
    missing: missing.filter((m): m is string => typeof m === 'string'),
  };
}

export function trainingSummary(view: ModelView, inputs: SummaryInputs = {}): TrainingSummary {
  const training = view.lineage['trained-on'];
  const sections: SummarySection[] = [
    aboutSection(inputs),
    providerSection(view, inputs),
    modelSection(view, inputs),
    characteristicsSection(view, inputs),
    ...originSections(training, inputs, view.derivedFrom),
    processingSection(inputs),
  ];
  return {
    model: componentLabel(view.model),
    sections,
    missing: sections.flatMap((s) => s.missing.map((m) => `${s.id}: ${m}`)),
  };
}

function aboutSection(inputs: SummaryInputs): SummarySection {
  return section(
    '0',
    'About this summary',
    [inputs.summaryVersion && `version ${inputs.summaryVersion}`, inputs.updated && `last updated ${inputs.updated}`],
    [!inputs.summaryVersion && 'summary version', !inputs.updated && 'date of last update'],
  );
}

/** The provider as the caller states it, else the model's supplier or manufacturer. */
function providerSection(view: ModelView, inputs: SummaryInputs): SummarySection {
  const { model } = view;
  const provider = inputs.provider ?? model.supplier?.name ?? model.manufacturer?.name;
  const contact = inputs.contact ?? model.supplier?.contacts?.[0]?.email ?? model.supplier?.urls?.[0];
  return section(
    '1.1',
    'Provider',
    [
      provider && `provider: ${provider}`,
      contact && `contact: ${contact}`,
      inputs.authorisedRepresentative && `authorised representative: ${inputs.authorisedRepresentative}`,
    ],
    [!provider && 'provider name', !contact && 'provider contact'],
  );
}

/** The model and what it builds on (fine-tuned or quantised from), named-only bases included. */
function modelSection(view: ModelView, inputs: SummaryInputs): SummarySection {
  const { model } = view;
  const bases = [...view.lineage['fine-tuned-from'], ...view.lineage['quantised-from']];
  return section(
    '1.2',
    'Model',
    [
      `model: ${componentLabel(model)}`,
      ...bases.map((b) => `builds on: ${componentLabel(b)}`),
      ...view.unresolved
        .filter((u) => u.kind === 'fine-tuned-from' || u.kind === 'quantised-from')
        .map((u) => `builds on: ${u.ref} (named only)`),
      inputs.placedOnMarket && `placed on the EU market: ${inputs.placedOnMarket}`,
    ],
    [!model.version && 'model version', !inputs.placedOnMarket && 'date placed on the market'],
  );
}

/** Modalities with the size of each training dataset in them, languages, knowledge cut-off. */
function characteristicsSection(view: ModelView, inputs: SummaryInputs): SummarySection {
  const training = view.lineage['trained-on'];
  const modalities = new Map<string, string[]>();
  for (const d of training) {
    for (const m of d.dataset?.modalities.length ? d.dataset.modalities : ['unstated']) {
      modalities.set(m, [...(modalities.get(m) ?? []), sizeOf(d)]);
    }
  }
  const languages = [...new Set([...view.card.languages, ...training.flatMap((d) => d.dataset?.languages ?? [])])];
  return section(
    '1.3',
    'Modalities, overall training data size and other characteristics',
    [
      ...[...modalities].map(([m, sizes]) => `${m}: ${sizes.join(' + ')}`),
      languages.length > 0 && `languages: ${languages.join(', ')}`,
      inputs.knowledgeCutoff && `knowledge cut-off: ${inputs.knowledgeCutoff}`,
    ],
    [
      training.length === 0 && 'training datasets (no trained-on lineage in the SBOM)',
      training.some((d) => !d.dataset?.modalities.length) && 'modality of every training dataset',
      training.some((d) => !d.dataset?.sizeCategory && d.dataset?.sizeBytes === undefined) &&
        'size band of every training dataset',
      languages.length === 0 && 'languages',
      !inputs.knowledgeCutoff && 'knowledge cut-off',
    ],
  );
}

function sizeOf(d: Component): string {
  if (d.dataset?.sizeCategory) return d.dataset.sizeCategory;
  return d.dataset?.sizeBytes !== undefined ? `${d.dataset.sizeBytes.toLocaleString('en')} bytes` : 'size not stated';
}

/** Sections 2.1–2.6: the training datasets by origin category; those of no known category are named in the last. */
function originSections(
  training: Component[],
  inputs: SummaryInputs,
  derivedFrom: ModelView['derivedFrom'],
): SummarySection[] {
  const sections = ORIGIN_SECTIONS.map((s) => originSection(s, training, inputs, derivedFrom));
  const unclassified = training.filter((d) => !originOf(d));
  if (unclassified.length > 0) {
    sections[sections.length - 1]!.missing.push(`origin category of: ${unclassified.map((d) => d.name).join(', ')}`);
  }
  return sections;
}

function originSection(
  s: (typeof ORIGIN_SECTIONS)[number],
  training: Component[],
  inputs: SummaryInputs,
  derivedFrom: ModelView['derivedFrom'],
): SummarySection {
  const listed = training.filter((d) => s.origins.includes(originOf(d)?.origin as DatasetOrigin));
  const lines = listed.map(
    (d) =>
      `${describe(d, derivedFrom.get(d.ref))}${originOf(d)!.inferred ? ' (category inferred from its availability)' : ''}`,
  );
  const missing: (string | false)[] = [];
  if (s.id === '2.3') {
    const domains = inputs.topDomains ?? [
      ...new Set(listed.map((d) => hostOf(d.dataset?.contentsUrl ?? homepageOf(d))).filter((h): h is string => !!h)),
    ];
    if (domains.length > 0)
      lines.push(
        `domains: ${domains.join(', ')}${inputs.topDomains ? '' : " (from the datasets' addresses, not from crawl logs)"}`,
      );
    if (listed.length > 0 && !inputs.topDomains) missing.push('most relevant crawled domains from the crawl logs');
    if (listed.length > 0) missing.push('crawlers used and collection period');
  }
  if (s.id === '2.5' && listed.length > 0) missing.push('models used to generate the synthetic data');
  if (lines.length === 0) lines.push('none recorded in the SBOM');
  return section(s.id, s.title, lines, missing);
}

function processingSection(inputs: SummaryInputs): SummarySection {
  return section(
    '3',
    'Data processing aspects',
    [
      inputs.tdmOptOutMeasures && `text-and-data-mining opt-outs: ${inputs.tdmOptOutMeasures}`,
      inputs.illegalContentMeasures && `illegal content: ${inputs.illegalContentMeasures}`,
    ],
    [
      !inputs.tdmOptOutMeasures && 'measures to respect text-and-data-mining opt-outs (Art. 53(1)(c))',
      !inputs.illegalContentMeasures && 'measures to remove illegal content',
    ],
  );
}
