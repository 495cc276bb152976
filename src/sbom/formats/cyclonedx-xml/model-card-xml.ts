// CycloneDX XML `modelCard` and `data` ⇄ the JSON object shape (model-card-shape.ts). Element order
// follows the 1.6/1.7 XSD sequences; list items sit under their wrapper element (`inputs/input`).
import type { CdxProperty } from '../cyclonedx-common/bom-shape.js';
import type { CdxComponentData, CdxDataGovernanceParty, CdxModelCard } from '../cyclonedx-common/model-card-shape.js';
import { properties } from './bom-to-xml.js';
import type { XmlNode } from './read-xml.js';
import { all, attr, listed, one, properties as readProperties, setIf, text, texts } from './xml-to-bom.js';
import type { XmlWriter } from './xml-writer.js';

const GOVERNANCE_ROLES = [
  ['custodians', 'custodian'],
  ['stewards', 'steward'],
  ['owners', 'owner'],
] as const;

function party(n: XmlNode): CdxDataGovernanceParty {
  const organization = one(n, 'organization');
  if (organization) return { organization: { name: text(organization, 'name') } };
  const individual = one(n, 'individual');
  return { contact: { name: text(individual, 'name'), email: text(individual, 'email') } };
}

export function componentDataFromXml(n: XmlNode): CdxComponentData {
  const out: CdxComponentData = {};
  setIf(out, 'bom-ref', attr(n, 'bom-ref'));
  setIf(out, 'type', text(n, 'type'));
  setIf(out, 'name', text(n, 'name'));
  const contents = one(n, 'contents');
  if (contents) {
    out.contents = {};
    setIf(out.contents, 'url', text(contents, 'url'));
    setIf(out.contents, 'properties', readProperties(contents));
  }
  setIf(out, 'classification', text(n, 'classification'));
  const sensitive = texts(n, 'sensitiveData');
  if (sensitive.length > 0) out.sensitiveData = sensitive;
  setIf(out, 'description', text(n, 'description'));
  const governance = one(n, 'governance');
  if (governance) {
    out.governance = {};
    for (const [wrapper, item] of GOVERNANCE_ROLES) {
      const parties = listed(governance, wrapper, item);
      if (parties.length > 0) out.governance[wrapper] = parties.map(party);
    }
  }
  return out;
}

export function modelCardFromXml(n: XmlNode): CdxModelCard {
  const out: CdxModelCard = {};
  setIf(out, 'bom-ref', attr(n, 'bom-ref'));
  const params = one(n, 'modelParameters');
  if (params) {
    const p: NonNullable<CdxModelCard['modelParameters']> = {};
    const approach = text(one(params, 'approach'), 'type');
    if (approach !== undefined) p.approach = { type: approach };
    setIf(p, 'task', text(params, 'task'));
    setIf(p, 'architectureFamily', text(params, 'architectureFamily'));
    setIf(p, 'modelArchitecture', text(params, 'modelArchitecture'));
    const datasets = one(params, 'datasets');
    if (datasets) {
      p.datasets = [...texts(datasets, 'ref').map((ref) => ({ ref })), ...all(datasets, 'dataset').map(componentDataFromXml)];
    }
    const inputs = listed(params, 'inputs', 'input').map((i) => ({ format: text(i, 'format') }));
    if (inputs.length > 0) p.inputs = inputs;
    const outputs = listed(params, 'outputs', 'output').map((o) => ({ format: text(o, 'format') }));
    if (outputs.length > 0) p.outputs = outputs;
    out.modelParameters = p;
  }
  const metrics = listed(one(n, 'quantitativeAnalysis'), 'performanceMetrics', 'performanceMetric');
  if (metrics.length > 0) {
    out.quantitativeAnalysis = {
      performanceMetrics: metrics.map((m) => {
        const interval = one(m, 'confidenceInterval');
        return {
          type: text(m, 'type'),
          value: text(m, 'value'),
          slice: text(m, 'slice'),
          ...(interval ? { confidenceInterval: { lowerBound: text(interval, 'lowerBound'), upperBound: text(interval, 'upperBound') } } : {}),
        };
      }),
    };
  }
  const k = one(n, 'considerations');
  if (k) {
    out.considerations = {
      users: texts(one(k, 'users'), 'user'),
      useCases: texts(one(k, 'useCases'), 'useCase'),
      technicalLimitations: texts(one(k, 'technicalLimitations'), 'technicalLimitation'),
      performanceTradeoffs: texts(one(k, 'performanceTradeoffs'), 'performanceTradeoff'),
      ethicalConsiderations: listed(k, 'ethicalConsiderations', 'ethicalConsideration').map((e) => ({
        name: text(e, 'name'),
        mitigationStrategy: text(e, 'mitigationStrategy'),
      })),
    };
  }
  setIf(out, 'properties', readProperties(n));
  return out;
}

function writeList(w: XmlWriter, wrapper: string, item: string, values: string[] | undefined): void {
  if (!values || values.length === 0) return;
  w.open(wrapper);
  for (const v of values) w.leaf(item, v);
  w.close(wrapper);
}

export function writeComponentData(w: XmlWriter, element: string, d: CdxComponentData): void {
  w.open(element, { 'bom-ref': d['bom-ref'] });
  w.leaf('type', d.type ?? 'dataset');
  w.leaf('name', d.name);
  if (d.contents) {
    w.open('contents');
    w.leaf('url', d.contents.url);
    properties(w, d.contents.properties as CdxProperty[] | undefined);
    w.close('contents');
  }
  w.leaf('classification', d.classification);
  for (const s of d.sensitiveData ?? []) w.leaf('sensitiveData', s);
  w.leaf('description', d.description);
  if (d.governance) {
    w.open('governance');
    for (const [wrapper, item] of GOVERNANCE_ROLES) {
      const parties = d.governance[wrapper];
      if (!parties || parties.length === 0) continue;
      w.open(wrapper);
      for (const p of parties) {
        w.open(item);
        if (p.organization) {
          w.open('organization');
          w.leaf('name', p.organization.name);
          w.close('organization');
        } else {
          w.open('individual');
          w.leaf('name', p.contact?.name);
          w.leaf('email', p.contact?.email);
          w.close('individual');
        }
        w.close(item);
      }
      w.close(wrapper);
    }
    w.close('governance');
  }
  w.close(element);
}

export function writeModelCard(w: XmlWriter, m: CdxModelCard): void {
  w.open('modelCard', { 'bom-ref': m['bom-ref'] });
  const p = m.modelParameters;
  if (p) {
    w.open('modelParameters');
    if (p.approach?.type !== undefined) {
      w.open('approach');
      w.leaf('type', p.approach.type);
      w.close('approach');
    }
    w.leaf('task', p.task);
    w.leaf('architectureFamily', p.architectureFamily);
    w.leaf('modelArchitecture', p.modelArchitecture);
    if (p.datasets && p.datasets.length > 0) {
      w.open('datasets');
      for (const d of p.datasets) {
        if ('ref' in d && d.ref !== undefined) w.leaf('ref', d.ref);
        else writeComponentData(w, 'dataset', d as CdxComponentData);
      }
      w.close('datasets');
    }
    for (const [wrapper, item, list] of [['inputs', 'input', p.inputs], ['outputs', 'output', p.outputs]] as const) {
      if (!list || list.length === 0) continue;
      w.open(wrapper);
      for (const io of list) {
        w.open(item);
        w.leaf('format', io.format ?? '');
        w.close(item);
      }
      w.close(wrapper);
    }
    w.close('modelParameters');
  }
  const metrics = m.quantitativeAnalysis?.performanceMetrics;
  if (metrics && metrics.length > 0) {
    w.open('quantitativeAnalysis');
    w.open('performanceMetrics');
    for (const metric of metrics) {
      w.open('performanceMetric');
      w.leaf('type', metric.type);
      w.leaf('value', metric.value);
      w.leaf('slice', metric.slice);
      if (metric.confidenceInterval) {
        w.open('confidenceInterval');
        w.leaf('lowerBound', metric.confidenceInterval.lowerBound);
        w.leaf('upperBound', metric.confidenceInterval.upperBound);
        w.close('confidenceInterval');
      }
      w.close('performanceMetric');
    }
    w.close('performanceMetrics');
    w.close('quantitativeAnalysis');
  }
  const k = m.considerations;
  if (k) {
    w.open('considerations');
    writeList(w, 'users', 'user', k.users);
    writeList(w, 'useCases', 'useCase', k.useCases);
    writeList(w, 'technicalLimitations', 'technicalLimitation', k.technicalLimitations);
    writeList(w, 'performanceTradeoffs', 'performanceTradeoff', k.performanceTradeoffs);
    if (k.ethicalConsiderations && k.ethicalConsiderations.length > 0) {
      w.open('ethicalConsiderations');
      for (const e of k.ethicalConsiderations) {
        w.open('ethicalConsideration');
        w.leaf('name', e.name);
        w.leaf('mitigationStrategy', e.mitigationStrategy);
        w.close('ethicalConsideration');
      }
      w.close('ethicalConsiderations');
    }
    w.close('considerations');
  }
  properties(w, m.properties);
  w.close('modelCard');
}
