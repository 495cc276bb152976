/** Assembles the Store from its repositories over one Kysely handle (a connection pool or a transaction). */
import type { Store } from './store.js';
import type { StoreContext } from './context.js';
import { portfolioRepository } from './portfolio-repo.js';
import { componentRepository } from './component-repo.js';
import { usageRepository } from './usage-repo.js';
import { dependencyRepository } from './dependency-repo.js';
import { runRepository } from './run-repo.js';
import { knowledgeImportRepository } from './knowledge-import-repo.js';
import { decisionRepository } from './decision-repo.js';
import { knowledgeRepository } from './knowledge-repo.js';
import { importRepository } from './import-repo.js';
import { accessRepository } from './access-repo.js';
import { queryRepository } from './query-repo.js';
import { bomRepository } from './bom-repo.js';
import { changeStampRepository } from './change-stamp.js';
import { policySettingsRepository } from './policy-settings-repo.js';
import { vulnerabilityRepository } from './vuln-repo.js';
import { reportingCaseRepository } from './reporting-case-repo.js';
import { vexRepository } from './vex-repo.js';
import { releaseFindingRepository } from './release-finding-repo.js';
import { craRepository } from './cra-repo.js';
import { jobRepository } from './job-repo.js';
import { aiRepository } from './ai-repo.js';
import { historyRepository } from './history-repo.js';

export function createStore(ctx: StoreContext): Store {
  const inTransaction = ctx.inTransaction === true;
  const store: Store = {
    dialect: ctx.dialect,
    async close() {
      if (inTransaction) return;
      // The worker's connection goes first: the last one to close tidies the log away.
      await ctx.checkpoints?.close();
      await ctx.db.destroy();
    },
    async transaction(fn) {
      if (inTransaction) return fn(store);
      const result = await ctx.db
        .transaction()
        .execute((trx) => fn(createStore({ ...ctx, db: trx, inTransaction: true })));
      ctx.checkpoints?.afterCommit();
      return result;
    },
    ...portfolioRepository(ctx),
    ...componentRepository(ctx),
    ...usageRepository(ctx),
    ...dependencyRepository(ctx),
    ...runRepository(ctx),
    ...decisionRepository(ctx),
    ...knowledgeRepository(ctx),
    ...knowledgeImportRepository(ctx),
    ...importRepository(ctx),
    ...accessRepository(ctx),
    ...queryRepository(ctx),
    ...bomRepository(ctx),
    ...changeStampRepository(ctx),
    ...policySettingsRepository(ctx),
    ...vulnerabilityRepository(ctx),
    ...reportingCaseRepository(ctx),
    ...vexRepository(ctx),
    ...releaseFindingRepository(ctx),
    ...craRepository(ctx),
    ...jobRepository(ctx),
    ...aiRepository(ctx),
    ...historyRepository(ctx),
  };
  return store;
}
