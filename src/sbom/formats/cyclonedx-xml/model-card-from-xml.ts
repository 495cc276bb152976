// CycloneDX XML `modelCard` and `data` → the JSON object shape (bom-shape.ts). List items sit under
// their wrapper element (`inputs/input`).
import type { CdxComponentData, CdxDataGovernanceParty, CdxModelCard } from '../cyclonedx-common/bom-shape.js';
import type { XmlNode } from './read-xml.js';
import { all, attr, listed, one, properties as readProperties, setIf, text, texts } from './xml-read-helpers.js';

export const GOVERNANCE_ROLES = [
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
      p.datasets = [
        ...texts(datasets, 'ref').map((ref) => ({ ref })),
        ...all(datasets, 'dataset').map(componentDataFromXml),
      ];
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
          ...(interval
            ? {
                confidenceInterval: {
                  lowerBound: text(interval, 'lowerBound'),
                  upperBound: text(interval, 'upperBound'),
                },
              }
            : {}),
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
