// Shared helpers for the compliance tests: a real corpus SBOM turned into a release, and decision builders.
import { readFileSync } from 'node:fs';
import { corpus } from '../support/corpora.js';
import { readSbom } from '../../src/sbom/read.js';
import type { Sbom } from '../../src/model/index.js';
import type { Curation, Decision, DecisionScope, Derogation, LicenseChoice } from '../../src/model/decision.js';
import type { LicensePolicyTable } from '../../src/licenses/kb/policy.js';
import type { Allowed } from '../../src/licenses/kb/types.js';

export const DROPWIZARD = 'sboms/cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.json';
export const CERN = 'sboms/cyclonedx/bom-examples/SBOM/cern-lhc-vdm-editor-e564943/bom.json';

export function corpusSbom(path: string): Sbom {
  const file = corpus(path);
  return readSbom(readFileSync(file, 'utf8'), file).sbom;
}

let nextId = 1000;
const record = (explanation: string) => ({
  id: nextId++,
  author: 'test',
  createdAt: '2026-01-01T00:00:00Z',
  explanation,
});
const anyScope: DecisionScope = {
  categoryId: null,
  productId: null,
  releaseId: null,
  scope: null,
  project: null,
  exploitation: null,
  component: null,
  version: null,
};

export function curation(from: string | null, to: string, at: { component?: string; version?: string } = {}): Curation {
  return {
    ...record(`curate ${from}`),
    type: 'curation',
    kind: 'curation',
    component: at.component ?? null,
    version: at.version ?? null,
    fromExpression: from,
    toExpression: to,
  };
}

export function confirmation(from: string, to: string, at: { component?: string; version?: string } = {}): Curation {
  return { ...curation(from, to, at), kind: 'and-confirmation' };
}

export function choice(from: string, to: string, scope: Partial<DecisionScope> = {}): LicenseChoice {
  return { ...record(`choose ${to}`), ...anyScope, ...scope, type: 'choice', fromExpression: from, toExpression: to };
}

export function derogation(
  license: string,
  scope: Partial<DecisionScope> = {},
  linking: Derogation['linking'] = null,
): Derogation {
  return { ...record(`allow ${license}`), ...anyScope, ...scope, type: 'derogation', license, linking };
}

export function policy(statuses: Partial<Record<Allowed, string[]>>): LicensePolicyTable {
  return {
    entries: Object.entries(statuses).flatMap(([allowed, ids]) =>
      ids!.map((license) => ({
        license,
        allowed: allowed as Allowed,
        reviewStatus: 'checked' as const,
        comment: null,
        categories: [],
      })),
    ),
  };
}

export type { Decision };
