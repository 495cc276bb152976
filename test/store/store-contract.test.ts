// The store contract, written once and run against SQLite and PostgreSQL (see support/databases.ts).
import { targets } from './support/databases.js';
import { runContract } from './support/contract.js';
import { schemaCases } from './cases/schema.js';
import { portfolioCases } from './cases/portfolio.js';
import { componentCases } from './cases/components.js';
import { transactionCases } from './cases/transactions.js';
import { decisionCases } from './cases/decisions.js';
import { knowledgeCases } from './cases/knowledge.js';
import { accessCases } from './cases/access.js';
import { queryCases } from './cases/queries.js';
import { dependencyGraphCases } from './cases/dependency-graph.js';
import { bulkWriteCases } from './cases/bulk-writes.js';
import { vulnerabilityDbCases } from './cases/vulnerability-db.js';
import { reportingCaseCases } from './cases/reporting-cases.js';
import { vexAnalysisCases } from './cases/vex-analyses.js';
import { releaseFindingCases } from './cases/release-findings.js';
import { craRecordCases } from './cases/cra-records.js';
import { jobCases } from './cases/jobs.js';
import { importDocumentCases, validationRunCases } from './cases/validation-runs.js';
import { changeHistoryCases } from './cases/change-history.js';

runContract(targets(), {
  schema: schemaCases,
  portfolio: portfolioCases,
  components: componentCases,
  transactions: transactionCases,
  decisions: decisionCases,
  knowledge: knowledgeCases,
  access: accessCases,
  queries: queryCases,
  'dependency graph': dependencyGraphCases,
  'bulk writes': bulkWriteCases,
  'vulnerability database': vulnerabilityDbCases,
  'reporting cases': reportingCaseCases,
  'triage memory': vexAnalysisCases,
  'release findings': releaseFindingCases,
  'cra records': craRecordCases,
  jobs: jobCases,
  'validation runs': validationRunCases,
  'change history': changeHistoryCases,
  'import documents': importDocumentCases,
});
