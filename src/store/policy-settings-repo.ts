/** The organisation's recorded policy settings: one row per setting changed from its default. */
import {
  DEFAULT_POLICY_SETTINGS,
  NORMALISER_ACCEPTANCES,
  type NormaliserAcceptance,
  type PolicySettings,
} from '../model/policy-settings.js';
import type { Store } from './store.js';
import type { StoreContext } from './context.js';

type PolicySettingsMethods = Pick<Store, 'getPolicySettings' | 'setPolicySettings'>;

export function policySettingsRepository(ctx: StoreContext): PolicySettingsMethods {
  const { db } = ctx;
  return {
    async getPolicySettings() {
      const rows = await db.selectFrom('policy_settings').selectAll().orderBy('updated_at', 'desc').execute();
      const settings: PolicySettings = { ...DEFAULT_POLICY_SETTINGS };
      for (const row of rows) {
        if (row.name === 'accept-normaliser' && NORMALISER_ACCEPTANCES.includes(row.value as NormaliserAcceptance)) {
          settings.acceptNormaliser = row.value as NormaliserAcceptance;
        }
      }
      if (rows.length > 0) {
        settings.updatedBy = rows[0].updated_by;
        settings.updatedAt = rows[0].updated_at;
      }
      return settings;
    },
    async setPolicySettings(patch, author, at) {
      const values: Array<[string, string]> = [];
      if (patch.acceptNormaliser !== undefined) values.push(['accept-normaliser', patch.acceptNormaliser]);
      for (const [name, value] of values) {
        await db
          .insertInto('policy_settings')
          .values({ name, value, updated_by: author, updated_at: at })
          .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_by: author, updated_at: at }))
          .execute();
      }
    },
  };
}
