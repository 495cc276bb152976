// `vigie cra record show|set`, `vigie cra annex list|set`, `vigie cra categories`: a product's CRA
// record in the store (issue 12 items 2, 3, 7). Every change is recorded in the evidence log.
import type { Command } from 'commander';
import { printJson, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { listOption, withStore, withStoreOptions, type StoreFlags } from './with-store.js';
import {
  craRecordView,
  setAnnexRequirement,
  updateCraRecord,
  type CraRecordChanges,
  type CraRecordView,
} from '../../services/index.js';
import { PRODUCT_CATEGORIES, SUPPORT_FACTORS } from '../../cra/product/index.js';
import {
  ANNEX_STATUSES,
  EXPLOITABLE_THRESHOLDS,
  INFORMATION_KEYS,
  STEWARD_POLICY_ELEMENTS,
  type ComputedEntry,
} from '../../cra/record/index.js';

function keyValue(option: string) {
  return (value: string, previous: Record<string, string> = {}): Record<string, string> => {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`${option}: "${value}" is not key=value`);
    return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1) };
  };
}

function yesNo(option: string, map: Record<string, string>): Record<string, boolean | null> {
  const out: Record<string, boolean | null> = {};
  for (const [key, value] of Object.entries(map)) {
    const v = value.trim().toLowerCase();
    if (v === 'yes' || v === 'true') out[key] = true;
    else if (v === 'no' || v === 'false') out[key] = false;
    else if (v === '') out[key] = null;
    else throw new UsageError(`${option} ${key}: answer yes or no, not "${value}"`);
  }
  return out;
}

function repeat(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function coreComponents(list: string[]): Array<{ name: string; endOfSupport: string }> {
  return list.map((item) => {
    const at = item.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--core-component: "${item}" is not name=YYYY-MM`);
    return { name: item.slice(0, at).trim(), endOfSupport: item.slice(at + 1).trim() };
  });
}

export function recordText(view: CraRecordView): string {
  const { record: r, assessment: a } = view;
  const lines = [
    `CRA record of ${view.product.name}${view.updatedAt ? ` (updated ${view.updatedAt} by ${view.updatedBy})` : ' (nothing recorded yet)'}`,
  ];
  lines.push(`readiness ${a.progress.done}/${a.progress.total}`);
  for (const c of a.checklist)
    lines.push(`  [${c.done ? 'x' : ' '}] ${c.label} (${c.clause})${c.remaining ? `: ${c.remaining}` : ''}`);
  if (a.scope)
    lines.push(
      `role ${a.scope.role}${a.scope.inScope ? '' : ' (out of scope)'}: ${a.scope.reasons.join('; ')}`,
      `duties: ${a.scope.duties.join('; ') || 'none'}`,
    );
  if (a.classification) lines.push(`class ${a.classification.class}: ${a.classification.explanation}`);
  if (a.routes.length) {
    lines.push(`routes (chosen: ${r.route ?? 'none'}):`);
    for (const d of a.routes) lines.push(`  ${d.allowed ? '+' : '-'} ${d.route.padEnd(16)} ${d.reason} (${d.clause})`);
  }
  if (r.support)
    lines.push(
      `support ${r.support.start} to ${r.support.endMonth}${a.retention ? `; keep documentation until ${a.retention.documentation} (CRA Art. 13(13))` : ''}`,
    );
  for (const f of a.support) lines.push(`  ${f.severity}: ${f.message} (${f.clause})`);
  if (r.cvd.contacts.length) lines.push(`vulnerability reports: ${r.cvd.contacts.join(', ')}`);
  lines.push(
    `Annex I: ${a.matrix.byStatus.met} met, ${a.matrix.byStatus['not-applicable']} not applicable, ${a.matrix.byStatus['in-progress']} in progress, ${a.matrix.byStatus['not-assessed']} not assessed${computedFor(view)}`,
  );
  if (r.shipRequires?.length)
    lines.push(`release gate: a release ships only with ${r.shipRequires.join(', ')} settled (CRA Art. 13(12))`);
  for (const q of view.requirements) {
    if (q.computed)
      lines.push(
        `  ${q.id.padEnd(5)} ${q.computed.status.padEnd(14)} ${q.title} (computed)`,
        ...computedLines(q.computed, '        '),
      );
    else
      lines.push(
        `  ${q.id.padEnd(5)} ${q.status.padEnd(14)} ${q.title}${q.evidence.length ? ` [${q.evidence.join(', ')}]` : ''}${q.note ? ` — ${q.note}` : ''}`,
      );
  }
  return lines.join('\n') + '\n';
}

function computedFor(view: CraRecordView): string {
  return view.release
    ? `; I.a and II.1 computed for release ${view.release.number} (${view.release.shipStatus})`
    : '; no release to compute I.a and II.1 for';
}

/** A computed requirement's reasons, then what stands in its way (findings by id, failing checks). */
export function computedLines(c: ComputedEntry, indent: string): string[] {
  const out = c.reasons.map((reason) => `${indent}${reason}`);
  const shown = 20;
  for (const f of c.findings.slice(0, shown))
    out.push(
      `${indent}- finding #${f.id} ${f.vulnerability} in ${f.component}${f.version ? `@${f.version}` : ''}: ${f.why}`,
    );
  if (c.findings.length > shown)
    out.push(`${indent}- and ${c.findings.length - shown} more findings (--json lists them all)`);
  for (const f of c.failingChecks)
    out.push(
      `${indent}- ${f.check} (${f.clause}) in ${f.document}: ${f.covered}/${f.total}${f.failing.length ? `; failing: ${f.failing.slice(0, 10).join(', ')}${f.failing.length > 10 ? ' …' : ''}` : ''}`,
    );
  return out;
}

interface SetFlags extends StoreFlags {
  answer?: Record<string, string>;
  coreFunction?: string;
  category?: string;
  route?: string;
  routeFact?: Record<string, string>;
  supportStart?: string;
  supportEnd?: string;
  supportFactor?: Record<string, string>;
  shortUse?: string;
  coreComponent?: string[];
  contact?: string[];
  policyUrl?: string;
  securityTxtUrl?: string;
  csafUrl?: string;
  languages?: string[];
  info?: Record<string, string>;
  policyElement?: Record<string, string>;
  authorityContact?: string[];
  exploitableThreshold?: string;
  shipRequires?: string[];
  by?: string;
}

function changesOf(opts: SetFlags): CraRecordChanges {
  const changes: CraRecordChanges = {};
  if (opts.answer) changes.roleAnswers = yesNo('--answer', opts.answer);
  if (opts.coreFunction !== undefined) changes.coreFunction = opts.coreFunction;
  if (opts.category !== undefined) changes.category = opts.category;
  if (opts.route !== undefined) changes.route = opts.route;
  if (opts.routeFact) changes.routeFacts = yesNo('--route-fact', opts.routeFact);
  if (
    opts.supportStart !== undefined ||
    opts.supportEnd !== undefined ||
    opts.supportFactor ||
    opts.shortUse !== undefined ||
    opts.coreComponent
  ) {
    changes.support = {
      start: opts.supportStart,
      endMonth: opts.supportEnd,
      factors: opts.supportFactor,
      shortExpectedUse: opts.shortUse,
      coreComponents: opts.coreComponent ? coreComponents(opts.coreComponent) : undefined,
    };
  }
  const cvd: NonNullable<CraRecordChanges['cvd']> = {};
  if (opts.contact) cvd.contacts = opts.contact;
  if (opts.policyUrl !== undefined) cvd.policyUrl = opts.policyUrl;
  if (opts.securityTxtUrl !== undefined) cvd.securityTxtUrl = opts.securityTxtUrl;
  if (opts.csafUrl !== undefined) cvd.csafUrl = opts.csafUrl;
  if (opts.languages) cvd.preferredLanguages = opts.languages;
  if (Object.keys(cvd).length) changes.cvd = cvd;
  if (opts.info) changes.information = opts.info;
  if (opts.exploitableThreshold !== undefined) changes.exploitableThreshold = opts.exploitableThreshold;
  if (opts.shipRequires !== undefined) changes.shipRequires = opts.shipRequires;
  if (opts.policyElement || opts.authorityContact)
    changes.steward = { policyElements: opts.policyElement, authorityContacts: opts.authorityContact };
  if (Object.keys(changes).length === 0)
    throw new UsageError('nothing to change: give at least one option (see `vigie cra record set --help`)');
  return changes;
}

export function registerCraRecord(cra: Command, ctx: CommandContext): void {
  const record = cra
    .command('record')
    .description(
      "a product's CRA record: role, class, route, support period, disclosure contact, document facts (stored; see --db)",
    );

  withStoreOptions(
    record
      .command('show <product>')
      .description('the record with its readiness checklist, routes, support findings and Annex I matrix'),
  )
    .option(
      '--release <number>',
      'release to compute I.a and II.1 for (default: the newest published release, else the newest)',
    )
    .action((product: string, opts: StoreFlags & { release?: string }) =>
      withStore(ctx, opts, async (store) => {
        const view = await craRecordView(store, product, { release: opts.release });
        if (opts.json) printJson(ctx, view);
        else ctx.io.stdout(recordText(view));
      }),
    );

  withStoreOptions(
    record
      .command('set <product>')
      .description(
        'change the record; maps are merged, an empty value removes a key; the change is logged as evidence',
      ),
  )
    .option(
      '--answer <question=yes|no>',
      'role questionnaire (Art. 3, 24; recitals 15-19): marketsUnderOwnName, importsFromOutsideUnion, makesAvailableUnchanged, openSource, monetised, sustainsForCommercialUse, legacyUnmodified',
      keyValue('--answer'),
    )
    .option('--core-function <text>', 'the core function in your words (Art. 7(1))')
    .option('--category <id>', 'Annex III/IV category (`vigie cra categories`) or "default"')
    .option('--route <route>', 'module-a, module-b-c, module-h or eu-certification (Art. 32)')
    .option(
      '--route-fact <fact=yes|no>',
      'standardsAppliedInFull, openSource, technicalDocumentationPublic, certificationRequiredByDelegatedAct [V]',
      keyValue('--route-fact'),
    )
    .option('--support-start <date>', 'placing on the market, YYYY-MM-DD (Art. 13(8))')
    .option('--support-end <month>', 'last month of support, YYYY-MM (Art. 13(19))')
    .option(
      '--support-factor <factor=text>',
      `Art. 13(8) factor: ${SUPPORT_FACTORS.join(', ')}`,
      keyValue('--support-factor'),
    )
    .option('--short-use <text>', 'why the product is expected to be used for less than five years (Art. 13(8))')
    .option(
      '--core-component <name=YYYY-MM>',
      'integrated core component and its own end of support (repeatable; replaces the list)',
      repeat,
    )
    .option(
      '--contact <uri>',
      'contact for vulnerability reports: mailto:, https: or tel: (repeatable; replaces the list; Art. 13(17))',
      repeat,
    )
    .option('--policy-url <url>', 'where the CVD policy is published (Annex I Part II (5))')
    .option('--security-txt-url <url>', 'canonical https://…/.well-known/security.txt (RFC 9116)')
    .option('--csaf-url <url>', 'https URL of provider-metadata.json (CSAF 2.0)')
    .option('--languages <tags>', 'preferred languages for reports, e.g. en,de', listOption)
    .option(
      '--info <key=text>',
      `a document fact (repeatable): ${INFORMATION_KEYS.map((i) => i.key).join(', ')}`,
      keyValue('--info'),
    )
    .option(
      '--policy-element <key=ref>',
      `steward policy element (Art. 24(1)): ${STEWARD_POLICY_ELEMENTS.map((e) => e.key).join(', ')}`,
      keyValue('--policy-element'),
    )
    .option(
      '--authority-contact <uri>',
      'steward contact for market surveillance authorities (repeatable; replaces the list; Art. 24(2))',
      repeat,
    )
    .option(
      '--exploitable-threshold <rating>',
      `lowest rating at which an unsettled finding counts against Annex I Part I (2)(a): ${EXPLOITABLE_THRESHOLDS.join(', ')} (default high; KEV-listed and exploitable findings always count)`,
    )
    .option(
      '--ship-requires <ids>',
      'Annex I requirements a release must have settled before it ships, e.g. I.a,II.1,II.5 (replaces the list; "" for none; CRA Art. 13(12))',
      listOption,
    )
    .option('--by <name>', 'who makes the change (default: cli)')
    .action((product: string, opts: SetFlags) =>
      withStore(ctx, opts, async (store) => {
        const view = await updateCraRecord(store, product, changesOf(opts), opts.by ?? 'cli');
        if (opts.json) printJson(ctx, view);
        else
          ctx.io.stdout(
            `updated the CRA record of ${product}; readiness ${view.assessment.progress.done}/${view.assessment.progress.total}\n`,
          );
      }),
    );

  registerCraAnnex(cra, ctx);
}

/** `vigie cra annex …`: the Annex I matrix of a product, with I.a and II.1 computed for a release. */
function registerCraAnnex(cra: Command, ctx: CommandContext): void {
  const annex = cra
    .command('annex')
    .description('the Annex I essential requirements matrix of a product (stored; see --db)');
  withStoreOptions(
    annex
      .command('list <product>')
      .description('every requirement with its status, evidence and note; I.a and II.1 computed for a release'),
  )
    .option(
      '--release <number>',
      'release to compute I.a and II.1 for (default: the newest published release, else the newest)',
    )
    .action((product: string, opts: StoreFlags & { release?: string }) =>
      withStore(ctx, opts, async (store) => {
        const view = await craRecordView(store, product, { release: opts.release });
        if (opts.json) printJson(ctx, view.requirements);
        else {
          ctx.io.stdout(`Annex I matrix of ${view.product.name}${computedFor(view)}\n`);
          for (const q of view.requirements) {
            if (q.computed)
              ctx.io.stdout(
                `${q.id.padEnd(5)} ${q.computed.status.padEnd(14)} ${q.clause}: ${q.title} (computed)\n${computedLines(q.computed, '      ').join('\n')}\n`,
              );
            else
              ctx.io.stdout(
                `${q.id.padEnd(5)} ${q.status.padEnd(14)} ${q.clause}: ${q.title}${q.evidence.length ? `\n      evidence: ${q.evidence.join(', ')}` : ''}${q.note ? `\n      note: ${q.note}` : ''}\n`,
              );
          }
        }
      }),
    );
  withStoreOptions(
    annex
      .command('set <product> <requirement>')
      .description('set one requirement (I.a … I.m, II.1 … II.8): met needs evidence, not-applicable a reason'),
  )
    .requiredOption('--status <status>', ANNEX_STATUSES.join(', '))
    .option('--evidence <ref>', 'a link or document reference (repeatable; replaces the list)', repeat)
    .option('--note <text>', 'a note; the reason when not applicable')
    .option('--by <name>', 'who makes the change (default: cli)')
    .action(
      (
        product: string,
        requirement: string,
        opts: StoreFlags & { status: string; evidence?: string[]; note?: string; by?: string },
      ) =>
        withStore(ctx, opts, async (store) => {
          const view = await setAnnexRequirement(
            store,
            product,
            requirement,
            { status: opts.status, evidence: opts.evidence, note: opts.note },
            opts.by ?? 'cli',
          );
          const q = view.requirements.find((r) => r.id.toLowerCase() === requirement.trim().toLowerCase())!;
          if (opts.json) printJson(ctx, q);
          else
            ctx.io.stdout(
              `${q.id} ${q.status}; Annex I ${view.assessment.matrix.settled}/${view.assessment.matrix.total} settled\n`,
            );
        }),
    );

  cra
    .command('categories')
    .description('the Annex III (important, classes I and II) and Annex IV (critical) product categories')
    .option('--json', 'print one JSON document on stdout')
    .action((opts: { json?: boolean }) => {
      if (opts.json) printJson(ctx, PRODUCT_CATEGORIES);
      else
        for (const c of PRODUCT_CATEGORIES)
          ctx.io.stdout(`${c.id.padEnd(34)} ${c.class.padEnd(19)} ${c.clause}: ${c.name}\n`);
    });
}
