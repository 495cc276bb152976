import type { NewDecision } from '../../services/store-door.js';
import { ServiceError } from '../../services/index.js';

/** The request body of POST /decisions, validated by NEW_DECISION. */
export interface DecisionBody {
  type: 'curation' | 'choice' | 'derogation';
  kind?: 'curation' | 'and-confirmation';
  categoryId?: number | null;
  productId?: number | null;
  releaseId?: number | null;
  scope?: string | null;
  project?: string | null;
  exploitation?: NewDecisionScope['exploitation'];
  component?: string | null;
  version?: string | null;
  fromExpression?: string | null;
  toExpression?: string;
  license?: string;
  linking?: Extract<NewDecision, { type: 'derogation' }>['linking'];
  modification?: 'modified' | 'unmodified' | null;
  explanation: string;
}

/** Fields each kind does not use: sent with a value, they are refused rather than dropped. */
const FOREIGN: Record<DecisionBody['type'], (keyof DecisionBody)[]> = {
  curation: [
    'categoryId',
    'productId',
    'releaseId',
    'scope',
    'project',
    'exploitation',
    'license',
    'linking',
    'modification',
  ],
  choice: ['kind', 'license', 'linking', 'modification'],
  derogation: ['kind', 'fromExpression', 'toExpression'],
};

function refuseForeignFields(body: DecisionBody): void {
  const given = FOREIGN[body.type].filter((f) => body[f] !== undefined && body[f] !== null);
  if (given.length > 0)
    throw new ServiceError(
      'invalid-input',
      `${given.join(', ')} ${given.length > 1 ? 'do' : 'does'} not apply to a ${body.type}`,
      { fields: given },
    );
}

type NewDecisionScope = Extract<NewDecision, { type: 'choice' }>;

/** Fills "any" (null) for absent scope fields and signs the decision; no rule is applied here. */
export function toNewDecision(body: DecisionBody, author: string): NewDecision {
  const scope = {
    categoryId: body.categoryId ?? null,
    productId: body.productId ?? null,
    releaseId: body.releaseId ?? null,
    scope: body.scope ?? null,
    project: body.project ?? null,
    exploitation: body.exploitation ?? null,
    component: body.component ?? null,
    version: body.version ?? null,
  };
  refuseForeignFields(body);
  const signed = { author, explanation: body.explanation };
  switch (body.type) {
    case 'curation':
      return {
        type: 'curation',
        kind: body.kind ?? 'curation',
        component: scope.component,
        version: scope.version,
        fromExpression: body.fromExpression ?? null,
        toExpression: body.toExpression!,
        ...signed,
      };
    case 'choice':
      return {
        type: 'choice',
        ...scope,
        fromExpression: body.fromExpression!,
        toExpression: body.toExpression!,
        ...signed,
      };
    case 'derogation':
      return {
        type: 'derogation',
        ...scope,
        license: body.license!,
        linking: body.linking ?? null,
        modification: body.modification ?? null,
        ...signed,
      };
  }
}
