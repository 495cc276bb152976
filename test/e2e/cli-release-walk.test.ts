/**
 * The release workflow end to end through the stateful CLI, on real SBOMs of OWASP Juice Shop
 * (bom-examples): two releases of one product, the first walked through the six steps by recording
 * the decisions each blocker asks for, the second reusing the "all versions" / "all products"
 * decisions. Runs on SQLite and on PostgreSQL (skipped with its reason when none can be started).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needsCorpora } from '../support/corpora.js';
import { hasStackTrace, vigie as runVigie, type CliResult } from '../cli/run-cli.js';
import { targets, type FreshStore } from '../store/support/databases.js';
import type { StepResult, Blocker } from '../../src/compliance/index.js';

const JUICE_11 = corpus('sboms/cyclonedx/bom-examples/SBOM/juice-shop/v11.1.2/bom.json');
const JUICE_14 = corpus('sboms/cyclonedx/bom-examples/SBOM/juice-shop/via_npm/flat/bom.1.4.json');
const AUTHOR = ['--author', 'ada', '--explanation'];
// What a reviewer records for a component whose package states no licence at all.
const UNKNOWN = 'LicenseRef-vigie-no-licence-found';

interface Validation {
  validationStep: number;
  blockerCount: number;
  steps: StepResult[];
}

function dbArg(fresh: FreshStore): string {
  const o = fresh.options;
  if (o.databaseUrl) return `${o.databaseUrl}${o.databaseUrl.includes('?') ? '&' : '?'}schema=${o.schema}`;
  return o.sqlitePath!;
}

for (const target of targets()) {
  describe(`stateful CLI walk [${target.dialect}]`, { skip: target.unavailable ?? needsCorpora.skip }, () => {
    test('import, exploitations, six steps by decisions, obligations, NOTICE; the next release reuses decisions; bad uploads change nothing', async () => {
      const fresh = await target.fresh();
      const tmp = mkdtempSync(join(tmpdir(), 'vigie-walk-'));
      const db = dbArg(fresh);
      const vigie = async (...args: string[]): Promise<CliResult> => {
        const r = await runVigie([...args, '--db', db]);
        assert.ok(!hasStackTrace(r.stderr), r.stderr);
        return r;
      };
      const ok = async (...args: string[]): Promise<string> => {
        const r = await vigie(...args);
        assert.equal(r.code, 0, `vigie ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      const validate = async (release: string): Promise<Validation> => {
        const r = await vigie('validate', 'juice-shop', release, '--json');
        assert.ok(r.code === 0 || r.code === 1, r.stderr);
        const v = JSON.parse(r.stdout) as Validation;
        assert.equal(r.code, v.validationStep === 6 ? 0 : 1, 'exit 0 exactly at step 6');
        return v;
      };
      try {
        await ok('product', 'create', 'juice-shop', '--outbound', 'MIT', '--owner', 'OWASP');
        await ok('release', 'create', 'juice-shop', '11.1.2');
        const imported = JSON.parse(await ok('import', 'juice-shop', '11.1.2', JUICE_11, '--json', '--author', 'ada'));
        // 840 components listed in the document (the primary juice-shop component is not a usage).
        assert.equal(imported.counts.usagesInDocument, 840);
        assert.equal(imported.import.status, 'succeeded');
        await ok('exploitation', 'set', 'juice-shop', '11.1.2', '--exploitation', 'distribution');
        // A LicenseRef must be known before a curation may use it: allowed in context (by derogation).
        await ok(
          'policy',
          'set',
          UNKNOWN,
          '--allowed',
          'context',
          '--comment',
          'no licence stated: legal decides per product',
        );

        // ---- Walk release 11.1.2 to step 6, recording what each blocker asks for.
        const decided = { curations: new Map<string, string>(), choices: new Set<string>() };
        const reached = await walk('11.1.2', decided);
        assert.equal(reached.validationStep, 6);
        assert.ok(decided.curations.size > 0 && decided.choices.size > 0, 'the walk needed curations and choices');
        const shown = JSON.parse(await ok('release', 'show', 'juice-shop', '11.1.2', '--json'));
        assert.equal(shown.release.validationStep, 6, 'the step reached is stored on the release');

        // Obligations grouped by compliance action; the NOTICE names components and licence texts.
        const obligations = JSON.parse(await ok('obligations', 'juice-shop', '11.1.2', '--format', 'json'));
        assert.ok(
          obligations.groups.length > 0 && obligations.groups.every((g: { usages: unknown[] }) => g.usages.length > 0),
        );
        assert.equal(obligations.unresolved.length, 0, 'every usage resolved at step 6');
        const notice = await ok('notice', 'juice-shop', '11.1.2', '--format', 'md');
        assert.match(notice, /express/);
        assert.match(notice, /Permission is hereby granted, free of charge/, 'the MIT text, once');
        assert.equal(notice.split('Permission is hereby granted, free of charge').length - 1, 1);
        const html = await ok('notice', 'juice-shop', '11.1.2', '--format', 'html');
        assert.match(html, /<html/i);
        // --json gives the same attribution data as a document (issue 8 item 20: it printed text).
        const noticeJson = JSON.parse(await ok('notice', 'juice-shop', '11.1.2', '--json')) as {
          entries: { name: string }[];
          texts: { id: string; text: string | null }[];
        };
        assert.ok(noticeJson.entries.some((e) => e.name === 'express'));
        assert.equal(noticeJson.texts.filter((t) => t.id === 'MIT').length, 1);
        assert.match(
          noticeJson.texts.find((t) => t.id === 'MIT')!.text ?? '',
          /Permission is hereby granted, free of charge/,
        );

        // ---- Release 14: a newer SBOM. Decisions made for all versions / all products apply.
        await ok('release', 'create', 'juice-shop', '14.1.1');
        await ok('import', 'juice-shop', '14.1.1', JUICE_14);
        // 14.1.1 is offered as a hosted service only: that is what lets it ship fuzzball (GPL-2.0-only)
        // under an MIT outbound licence at step 6.
        await ok('exploitation', 'set', 'juice-shop', '14.1.1', '--exploitation', 'network');
        const first = await validate('14.1.1');
        const asked = (step: number) => first.steps[step - 1].blockers;
        const reusedCurations = asked(1).filter(
          (b) => b.componentKey && decided.curations.get(b.componentKey) === (b.license ?? ''),
        );
        assert.deepEqual(
          reusedCurations.map((b) => b.component),
          [],
          'no curation asked again',
        );
        const reusedChoices = asked(4).filter((b) => decided.choices.has(`${b.componentKey} ${b.license}`));
        assert.deepEqual(
          reusedChoices.map((b) => b.component),
          [],
          'no choice asked again',
        );
        // The reuse is real: release 14 ships components release 11 needed decisions for.
        const bom14 = readFileSync(JUICE_14, 'utf8');
        const shared = [...decided.curations.keys(), ...[...decided.choices].map((c) => c.split(' ')[0])].filter((k) =>
          bom14.includes(`"${k}@`),
        );
        assert.ok(shared.length >= 3, `shared decided components: ${shared.join(', ')}`);
        const before = decided.curations.size + decided.choices.size;
        const second = await walk('14.1.1', decided);
        assert.equal(second.validationStep, 6);
        assert.ok(decided.curations.size + decided.choices.size - before < before, 'fewer decisions the second time');

        // ---- Queries across the portfolio.
        const hits = JSON.parse(await ok('query', 'component', 'pkg:npm/express', '--json'));
        assert.deepEqual(hits.map((h: { release: { number: string } }) => h.release.number).sort(), [
          '11.1.2',
          '14.1.1',
        ]);
        const ranged = JSON.parse(await ok('query', 'component', 'express', '--versions', '>=4.0.0 <4.17.2', '--json'));
        for (const h of ranged)
          assert.ok(
            /^4\.(1[0-6]|[0-9])\./.test(h.version.number) || /^4\.17\.[01]$/.test(h.version.number),
            h.version.number,
          );
        const diff = JSON.parse(await ok('query', 'diff', 'juice-shop', '11.1.2', '14.1.1', '--json'));
        assert.ok(diff.added.length > 0 && diff.versionChanged.length > 0);

        // ---- Bad uploads leave the release untouched and say why, with a stable code.
        const usagesBefore = (await fresh.store.listUsages(shown.release.id)).map((u) => u.id);
        const truncated = join(tmp, 'truncated.json');
        writeFileSync(truncated, readFileSync(JUICE_11, 'utf8').slice(0, 5000));
        const notSbom = join(tmp, 'package.json');
        writeFileSync(notSbom, JSON.stringify({ name: 'x', version: '1.0.0' }));
        const cases: Array<[string[], RegExp]> = [
          [[truncated], /unreadable-document: .*truncated/],
          [[notSbom], /unsupported-format: /],
          [[JUICE_11, '--max-size', '10KB'], /too-large: /],
        ];
        for (const [args, message] of cases) {
          const r = await vigie('import', 'juice-shop', '11.1.2', ...args);
          assert.equal(r.code, 2, r.stderr);
          assert.match(r.stderr, message);
        }
        assert.deepEqual(
          (await fresh.store.listUsages(shown.release.id)).map((u) => u.id),
          usagesBefore,
        );
        assert.equal((await validate('11.1.2')).validationStep, 6);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        await fresh.dispose();
      }

      /** Validates, then records what the first blocked step asks for, until step 6 (or no progress). */
      async function walk(
        release: string,
        decided: { curations: Map<string, string>; choices: Set<string> },
      ): Promise<Validation> {
        let last = '';
        for (let round = 0; round < 12; round++) {
          const v = await validate(release);
          if (v.validationStep === 6) return v;
          last = v.steps
            .filter((s) => !s.passed)
            .map(
              (s) =>
                `${s.step}: ${s.blockers
                  .slice(0, 3)
                  .map((b) => b.message)
                  .join(' | ')}`,
            )
            .join('\n');
          const step = v.steps.find((s) => !s.passed && s.blockers.length > 0);
          assert.ok(step, `step ${v.validationStep + 1} fails without a blocker`);
          await clear(release, step.blockers, decided);
        }
        assert.fail(`${release} did not reach step 6:\n${last}`);
      }

      async function clear(
        release: string,
        blockers: Blocker[],
        decided: { curations: Map<string, string>; choices: Set<string> },
      ): Promise<void> {
        const seen = new Set<string>();
        const toAllow = new Set<string>();
        // One derogation per licence covers the product: a second, identical one is refused.
        const derogated = new Set<string>();
        for (const b of blockers) {
          const key = `${b.kind} ${b.componentKey} ${b.license} ${b.scope}`;
          if (seen.has(key)) continue;
          seen.add(key);
          switch (b.fix.action) {
            case 'curate': {
              // All versions of the component, when the same string is found.
              const to = b.fix.suggestions[0] ?? UNKNOWN;
              const from = b.license ? ['--from', b.license] : [];
              await ok(
                'decision',
                'add',
                'curation',
                '--component',
                b.componentKey!,
                ...from,
                '--to',
                to,
                ...AUTHOR,
                `package states ${b.license ?? 'nothing'}; read as ${to}`,
              );
              decided.curations.set(b.componentKey!, b.license ?? '');
              break;
            }
            case 'confirm-and':
              await ok(
                'decision',
                'add',
                'curation',
                '--confirm-and',
                '--component',
                b.componentKey!,
                '--from',
                b.license!,
                '--to',
                b.fix.suggestions[0],
                ...AUTHOR,
                'checked the package: both licences apply',
              );
              decided.curations.set(b.componentKey!, b.license!);
              break;
            case 'set-exploitation':
              await ok(
                'exploitation',
                'set',
                'juice-shop',
                release,
                '--exploitation',
                release === '11.1.2' ? 'distribution' : 'network',
                ...(b.scope ? ['--scope', b.scope] : []),
                ...(b.project ? ['--project', b.project] : []),
              );
              break;
            case 'choose-license':
              // All products, all versions of this component.
              await ok(
                'decision',
                'add',
                'choice',
                '--component',
                b.componentKey!,
                '--from',
                b.license!,
                '--to',
                b.fix.suggestions[0],
                ...AUTHOR,
                'the permissive option',
              );
              decided.choices.add(`${b.componentKey} ${b.license}`);
              break;
            case 'review-policy':
            case 'add-derogation':
              if (b.license?.startsWith('LicenseRef-')) {
                if (derogated.has(b.license)) break;
                derogated.add(b.license);
                await ok(
                  'decision',
                  'add',
                  'derogation',
                  '--product',
                  'juice-shop',
                  '--license',
                  b.license,
                  ...AUTHOR,
                  'legal accepts these unlicensed helpers for this product',
                );
              } else toAllow.add(b.license!);
              break;
            case 'set-linking':
              // npm packages are loaded at run time: the dependency is linked dynamically (issue 8 item 3).
              assert.ok(b.fix.suggestions.includes('dynamic'), b.message);
              await ok('usage', 'set', 'juice-shop', release, String(b.usageIds[0]), '--linking', 'dynamic');
              break;
            default:
              assert.fail(`no scripted answer for ${b.fix.action}: ${b.message}`);
          }
        }
        if (toAllow.size) await ok('policy', 'set', ...toAllow, '--allowed', 'always');
      }
    });
  });
}
