/** Validation (the six steps, stored runs, obligations) and release sign-off with the change history. */
import type { StepResult } from '../compliance/finding.js';
import type { ReleaseObligations } from '../compliance/obligations.js';
import type { ReleaseValidation as EngineValidation } from '../compliance/validate-release.js';
import { INPUT_LIMITS } from '../model/input-limits.js';
import {
  BOOLEAN,
  COUNT,
  ID,
  ID_PARAMS,
  OPEN_OBJECT,
  STRING,
  STRING_OR_NULL,
  closed,
  listOf,
  type Infer,
} from './json-schema.js';
import { RELEASE } from './records.js';
import { PAGE_SIZE } from './paging.js';
import { route } from './route.js';

/** A stored validation run without its report. */
export const RUN_SUMMARY = closed(
  {
    id: ID,
    releaseId: ID,
    createdAt: STRING,
    reason: STRING,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
    blockerCount: COUNT,
    fingerprint: STRING,
    licenseCounts: { type: 'object', additionalProperties: { type: 'integer' } },
  },
  ['id', 'releaseId', 'createdAt', 'reason', 'validationStep', 'blockerCount', 'fingerprint', 'licenseCounts'],
);

/**
 * A step's blockers and the engine's report belong to the compliance layer (compliance/finding.ts,
 * validate-release.ts): the schema leaves them open and the derived type takes theirs.
 */
const STEP = {
  type: 'object',
  required: ['step', 'name', 'passed', 'blockers', 'blockerCount'],
  properties: {
    step: { type: 'integer' },
    name: STRING,
    passed: BOOLEAN,
    blockers: { type: 'array', items: {} },
    blockerCount: { ...COUNT, description: 'All the blockers of the step; `blockers` lists the first of them' },
  },
  additionalProperties: true,
} as const;

/** Blockers listed per step in a validation answer unless the request asks for another number. */
export const BLOCKERS_SHOWN = 500;

/** How many blockers of each step a validation answer lists (the rest: GET …/validation/steps/{step}/blockers). */
const VALIDATION_QUERY = {
  type: 'object',
  properties: {
    blockers: {
      type: 'integer',
      minimum: 0,
      maximum: PAGE_SIZE.max,
      default: BLOCKERS_SHOWN,
      description: `Blockers listed per step (default ${BLOCKERS_SHOWN}); each step's \`blockerCount\` gives them all`,
    },
  },
  additionalProperties: false,
} as const;

const STEP_PARAMS = {
  type: 'object',
  required: ['id', 'step'],
  properties: { id: ID, step: { type: 'integer', minimum: 1, maximum: 6 } },
  additionalProperties: false,
} as const;

export const VALIDATION = {
  type: 'object',
  required: ['release', 'validationStep', 'steps', 'report', 'run'],
  properties: {
    release: RELEASE,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
    steps: listOf(STEP),
    report: OPEN_OBJECT,
    run: { anyOf: [{ type: 'null' }, RUN_SUMMARY] },
  },
  additionalProperties: false,
} as const;

/** A change to a decision, a licence policy or a release's sign-off (who, when, why, before, after). */
export const CHANGE_RECORD = closed(
  {
    id: ID,
    at: STRING,
    actor: STRING,
    subject: { type: 'string', enum: ['decision', 'policy', 'release'] },
    subjectId: STRING,
    action: { type: 'string', enum: ['created', 'deleted', 'updated', 'approved', 'shipped'] },
    releaseId: { type: ['integer', 'null'] },
    reason: STRING_OR_NULL,
    before: {},
    after: {},
  },
  ['id', 'at', 'actor', 'subject', 'subjectId', 'action', 'releaseId', 'reason'],
);

export const SIGN_OFF = closed(
  {
    release: RELEASE,
    validationStep: { type: 'integer', minimum: 0, maximum: 6 },
    runId: { type: ['integer', 'null'] },
    approval: { anyOf: [CHANGE_RECORD, { type: 'null' }] },
    approvalCurrent: BOOLEAN,
    shipped: { anyOf: [CHANGE_RECORD, { type: 'null' }] },
  },
  ['release', 'validationStep', 'runId', 'approval', 'approvalCurrent', 'shipped'],
);

const REASON_BODY = {
  type: 'object',
  properties: { reason: { type: 'string', maxLength: INPUT_LIMITS.text } },
  additionalProperties: false,
} as const;

const HISTORY_QUERY = {
  type: 'object',
  properties: {
    subject: { type: 'string', enum: ['decision', 'policy', 'release'] },
    subjectId: { type: 'string', minLength: 1, maxLength: INPUT_LIMITS.name },
    releaseId: ID,
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  additionalProperties: false,
} as const;

const tags = ['validation'] as const;
const signOff = ['sign-off'] as const;

export const VALIDATION_ROUTES = {
  validation: route({
    method: 'GET',
    path: '/api/releases/:id/validation',
    permission: 'read',
    tags,
    summary: 'The six validation steps, each with what blocks it and the decision that clears it',
    description:
      "The newest stored validation run, recorded whenever the release, its decisions, the policy or the knowledge base changed; reading never validates nor writes. `report` is the run's summary (blockerCount, usageCount, settings): its steps are `steps`, and the licence each usage resolved to is in the paged BOM (GET /api/releases/{id}/usages).",
    params: ID_PARAMS,
    querystring: VALIDATION_QUERY,
    response: { 200: VALIDATION },
  }),
  stepBlockers: route({
    method: 'GET',
    path: '/api/releases/:id/validation/steps/:step/blockers',
    permission: 'read',
    tags,
    summary: 'The blockers of one validation step, a page at a time',
    description:
      "The newest validation's blockers of step 1–6, in the order the validation answer lists them: a large release has tens of thousands, which the validation answer only counts past its first ones. Paged like every list (`limit`, `offset`, `X-Total-Count`, `Link`).",
    params: STEP_PARAMS,
    querystring: {
      type: 'object',
      properties: {
        kind: {
          type: 'string',
          pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
          maxLength: 500,
          description:
            'Only blockers of these kinds (comma-separated, as `kind` spells them: `not-reviewed,use-undeclared`)',
        },
      },
      additionalProperties: false,
    },
    response: { 200: listOf(OPEN_OBJECT) },
  }),
  runs: route({
    method: 'GET',
    path: '/api/releases/:id/validation-runs',
    permission: 'read',
    tags,
    summary: 'The stored validation runs of a release, newest first (without their reports)',
    params: ID_PARAMS,
    response: { 200: listOf(RUN_SUMMARY) },
  }),
  validate: route({
    method: 'POST',
    path: '/api/releases/:id/validation-runs',
    permission: 'portfolio:write',
    tags,
    summary: 'Validate the release now and store the run',
    params: ID_PARAMS,
    querystring: VALIDATION_QUERY,
    response: { 201: VALIDATION },
  }),
  obligations: route({
    method: 'GET',
    path: '/api/releases/:id/obligations',
    permission: 'read',
    tags,
    summary: 'Obligations grouped by compliance action, with the usages that trigger them',
    params: ID_PARAMS,
  }),
  signOff: route({
    method: 'GET',
    path: '/api/releases/:id/sign-off',
    permission: 'read',
    tags: signOff,
    summary: 'Approval and shipping state of a release',
    params: ID_PARAMS,
    response: { 200: SIGN_OFF },
  }),
  // Approving is a licence-compliance judgement: legal and compliance officers (decisions:write).
  approve: route({
    method: 'POST',
    path: '/api/releases/:id/approval',
    permission: 'decisions:write',
    tags: signOff,
    summary: 'Approve a release validated to step 6 (records who, when and why)',
    params: ID_PARAMS,
    body: REASON_BODY,
    response: { 201: SIGN_OFF },
  }),
  // Shipping runs the portfolio: project managers and compliance officers (portfolio:write).
  ship: route({
    method: 'POST',
    path: '/api/releases/:id/ship',
    permission: 'portfolio:write',
    tags: signOff,
    summary: 'Publish an approved release whose approval is still current (recorded)',
    params: ID_PARAMS,
    body: REASON_BODY,
    response: { 201: SIGN_OFF },
  }),
  history: route({
    method: 'GET',
    path: '/api/history',
    permission: 'read',
    tags: signOff,
    summary:
      'Changes to decisions, licence policies and release sign-off, newest first (who, when, why, before, after)',
    querystring: HISTORY_QUERY,
    response: { 200: listOf(CHANGE_RECORD) },
  }),
} as const;

export type ValidationRunSummary = Infer<typeof RUN_SUMMARY>;
/** The validation answer, with the compliance layer's types where its schema leaves them open. */
export type ReleaseValidation = Omit<Infer<typeof VALIDATION>, 'steps' | 'report'> & {
  /** Each step with its first blockers (`blockers`) and how many it has in all (`blockerCount`). */
  steps: (StepResult & { blockerCount: number })[];
  /** The run's summary: its steps are `steps` above, its per-usage results are the BOM's (GET …/usages). */
  report: Omit<EngineValidation, 'steps' | 'usages'> & { usageCount: number };
};
export type ReleaseSignOff = Infer<typeof SIGN_OFF>;
export type ChangeRecord = Infer<typeof CHANGE_RECORD>;
export type { ReleaseObligations };
