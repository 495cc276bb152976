import type { FastifyInstance } from 'fastify';
import type { ResourceOptions } from './http/route-options.js';
import { KeptPages } from './http/kept-pages.js';
import { sessionRoutes } from './session/routes.js';
import { tokenRoutes } from './tokens/routes.js';
import { categoryRoutes } from './categories/routes.js';
import { productRoutes } from './products/routes.js';
import { releaseRoutes } from './releases/routes.js';
import { importRoutes } from './imports/routes.js';
import { exploitationRuleRoutes } from './exploitation-rules/routes.js';
import { decisionRoutes } from './decisions/routes.js';
import { validationRoutes } from './validation/routes.js';
import { outputRoutes } from './outputs/routes.js';
import { portfolioRoutes } from './portfolio/routes.js';
import { licenseRoutes } from './licenses/routes.js';
import { knowledgeBaseRoutes } from './licenses/knowledge-base-routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { craRoutes } from './cra/routes.js';
import { vulnerabilityRoutes } from './vulnerabilities/routes.js';
import { componentRoutes } from './components/routes.js';
import { overviewRoutes } from './overview/routes.js';
import { signOffRoutes } from './sign-off/routes.js';
import { jobRoutes } from './jobs/routes.js';
import { aiRoutes } from './ai/routes.js';
import { qualityRoutes } from './quality/routes.js';

/** Every resource under /api, one plugin each. */
const RESOURCES = [
  sessionRoutes,
  tokenRoutes,
  categoryRoutes,
  productRoutes,
  releaseRoutes,
  importRoutes,
  exploitationRuleRoutes,
  qualityRoutes,
  decisionRoutes,
  validationRoutes,
  outputRoutes,
  portfolioRoutes,
  licenseRoutes,
  knowledgeBaseRoutes,
  dashboardRoutes,
  craRoutes,
  vulnerabilityRoutes,
  componentRoutes,
  overviewRoutes,
  signOffRoutes,
  jobRoutes,
  aiRoutes,
];

export async function apiRoutes(app: FastifyInstance, options: Omit<ResourceOptions, 'keptPages'>): Promise<void> {
  // Only our own options: passing fastify's (prefix) along would nest /api twice.
  const shared: ResourceOptions = {
    store: options.store,
    uploadLimit: options.uploadLimit,
    keptPages: new KeptPages(options.store),
  };
  for (const resource of RESOURCES) await app.register(resource, shared);
}
