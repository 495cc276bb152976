// `vigie policy set|list|delete`: the licence policy step 5 checks chosen licences against.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { ALLOWED_VALUES, type Allowed } from '../../licenses/kb/index.js';
import {
  deleteLicensePolicy,
  getPolicySettings,
  listLicensePolicies,
  setLicensePolicy,
  updatePolicySettings,
} from '../../services/index.js';
import { NORMALISER_ACCEPTANCES, type NormaliserAcceptance, type PolicySettings } from '../../model/policy-settings.js';
import { UsageError } from '../exit-codes.js';
import { choiceOf, withStore, withStoreOptions, type StoreFlags } from './with-store.js';

interface SettingsFlags extends StoreFlags {
  acceptNormaliser?: string;
  author?: string;
}

interface PolicyFlags extends StoreFlags {
  allowed?: string;
  comment?: string;
}

export function registerPolicy(program: Command, ctx: CommandContext): void {
  const policy = program.command('policy').description('the licence policy of the organisation (stored; see --db)');

  withStoreOptions(policy.command('set <licenses...>').description('set whether licences are allowed'))
    .requiredOption('--allowed <value>', ALLOWED_VALUES.join(', '))
    .option('--comment <text>')
    .action((licenses: string[], opts: PolicyFlags) =>
      withStore(ctx, opts, async (store) => {
        const allowed = choiceOf<Allowed>(opts.allowed, ALLOWED_VALUES, '--allowed')!;
        const set = [];
        for (const license of licenses)
          set.push(await setLicensePolicy(store, { license, allowed, comment: opts.comment ?? null }));
        if (opts.json) printJson(ctx, set);
        else for (const p of set) ctx.io.stdout(`${p.license}: ${p.allowed}\n`);
      }),
    );

  withStoreOptions(policy.command('list').description('list the licence policy')).action((opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      const policies = await listLicensePolicies(store);
      if (opts.json) printJson(ctx, policies);
      else for (const p of policies) ctx.io.stdout(`${p.license}: ${p.allowed}${p.comment ? ` (${p.comment})` : ''}\n`);
    }),
  );

  withStoreOptions(
    policy.command('delete <license>').description('forget the policy of a licence (back to not reviewed)'),
  ).action((license: string, opts: StoreFlags) =>
    withStore(ctx, opts, async (store) => {
      await deleteLicensePolicy(store, license);
      if (opts.json) printJson(ctx, { deleted: license });
      else ctx.io.stdout(`deleted the policy of ${license}\n`);
    }),
  );

  withStoreOptions(
    policy
      .command('settings')
      .description(
        'show the compliance settings validation applies, or change them (every release is validated again)',
      ),
  )
    .option(
      '--accept-normaliser <value>',
      `step 1 accepts the normaliser's reading of a licence without a curation: ${NORMALISER_ACCEPTANCES.join(', ')}`,
    )
    .option('--author <name>', 'who changes the setting (required with a change)')
    .action((opts: SettingsFlags) =>
      withStore(ctx, opts, async (store) => {
        const acceptNormaliser = choiceOf<NormaliserAcceptance>(
          opts.acceptNormaliser,
          NORMALISER_ACCEPTANCES,
          '--accept-normaliser',
        );
        let settings: PolicySettings;
        if (acceptNormaliser === undefined) settings = await getPolicySettings(store);
        else {
          if (!opts.author?.trim()) throw new UsageError('--author is required to change a setting (it is recorded)');
          settings = await updatePolicySettings(store, { acceptNormaliser }, opts.author.trim());
        }
        if (opts.json) printJson(ctx, settings);
        else
          ctx.io.stdout(
            `acceptNormaliser: ${settings.acceptNormaliser}${settings.updatedBy ? ` (set by ${settings.updatedBy} at ${settings.updatedAt})` : ' (default)'}\n`,
          );
      }),
    );
}
