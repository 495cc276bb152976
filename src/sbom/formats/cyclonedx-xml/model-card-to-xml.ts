// The JSON object shape's `modelCard` and `data` → CycloneDX XML, in the 1.6/1.7 XSD element order.
import type { CdxComponentData, CdxModelCard, CdxProperty } from '../cyclonedx-common/bom-shape.js';
import { GOVERNANCE_ROLES } from './model-card-from-xml.js';
import { properties } from './xml-write-helpers.js';
import type { XmlWriter } from './xml-writer.js';

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
    for (const [wrapper, item, list] of [
      ['inputs', 'input', p.inputs],
      ['outputs', 'output', p.outputs],
    ] as const) {
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
