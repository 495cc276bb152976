// `vigie check` in-process on real corpus SBOMs and an npm project: exit codes, outputs, bad policies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { REPO_ROOT, corpus, needsCorpora } from '../support/corpora.js';
import { DROPWIZARD } from './fixtures.js';

const EXAMPLE = join(REPO_ROOT, 'docs/examples/policy.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'vigie-check-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const PERMISSIVE = file(
  'permissive.json',
  JSON.stringify({
    licenses: { always: ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause'] },
    exploitations: [{ exploitation: 'distribution' }],
  }),
);

async function check(...args: string[]) {
  const io = memoryIo(tmp);
  const code = await run(['check', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('dropwizard with the documented example policy is compliant (exit 0)', needsCorpora, async () => {
  const r = await check(corpus(DROPWIZARD), '--policy', EXAMPLE);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /validation step 6\/6 — compliant/);
});

test(
  "normalised licences: a curation each, or the policy file's acceptNormaliser setting (issue 8 item 6)",
  needsCorpora,
  async () => {
    const base = { licenses: { always: ['EPL-2.0'] }, exploitations: [{ exploitation: 'distribution' }] };
    const step1 = async (policy: object) => {
      const r = await check(
        corpus(DROPWIZARD),
        '--policy',
        file('normaliser.json', JSON.stringify(policy)),
        '--format',
        'json',
      );
      const doc = JSON.parse(r.out);
      return {
        doc,
        epl: doc.steps[0].blockers.filter((b: { license: string }) => b.license === 'Eclipse Public License v2.0'),
      };
    };
    const off = await step1(base);
    assert.equal(off.epl.length, 4, 'four JUnit 5 jars say "Eclipse Public License v2.0"');
    assert.deepEqual(off.epl[0].fix.proposal, {
      type: 'curation',
      fromExpression: 'Eclipse Public License v2.0',
      toExpression: 'EPL-2.0',
      confidence: 'high',
      notes: off.epl[0].fix.proposal.notes,
    });
    assert.deepEqual(off.doc.settings, { acceptNormaliser: 'off' });
    const curated = await step1({ ...base, curations: [{ from: 'Eclipse Public License v2.0', to: 'EPL-2.0' }] });
    assert.equal(curated.epl.length, 0);
    const high = await step1({ ...base, settings: { acceptNormaliser: 'high' } });
    assert.equal(high.epl.length, 0);
    assert.deepEqual(high.doc.settings, { acceptNormaliser: 'high' });
    const exact = await step1({ ...base, settings: { acceptNormaliser: 'exact' } });
    assert.equal(exact.epl.length, 4, 'a high-confidence answer is not exact');
  },
);

test('violations exit 1; JSON lists them with the fix', needsCorpora, async () => {
  const r = await check(corpus(DROPWIZARD), '--policy', PERMISSIVE, '--format', 'json');
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.out);
  assert.equal(doc.compliant, false);
  assert.equal(doc.steps.length, 6);
  assert.ok(doc.steps[0].blockers.every((b: { fix: { action: string } }) => b.fix.action === 'curate'));
});

test('--format junit parses as XML with six test cases', needsCorpora, async () => {
  const r = await check(corpus(DROPWIZARD), '--policy', PERMISSIVE, '--format', 'junit');
  assert.equal(r.code, 1);
  assert.equal(XMLValidator.validate(r.out), true);
  const doc = new XMLParser().parse(r.out);
  assert.equal(doc.testsuites.testsuite.testcase.length, 6);
});

test('--format sarif -o writes a log that validates against the SARIF 2.1.0 schema', needsCorpora, async () => {
  for (const [policy, expected] of [
    [PERMISSIVE, 1],
    [EXAMPLE, 0],
  ] as const) {
    const out = join(tmp, `out-${expected}.sarif`);
    const r = await check(corpus(DROPWIZARD), '--policy', policy, '--format', 'sarif', '-o', out);
    assert.equal(r.code, expected);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(validateJsonSchema('sarif', '2.1.0', log), []);
    assert.equal(log.runs[0].results.length === 0, expected === 0);
  }
});

test('an npm project folder is inventoried from its lockfile and checked', needsCorpora, async () => {
  const dir = corpus('lockfiles/cdxgen/data/package-json/v2');
  const r = await check(dir, '--policy', PERMISSIVE, '--format', 'json');
  assert.ok(r.code === 0 || r.code === 1, r.err);
  const doc = JSON.parse(r.out);
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages).filter((k) => k !== '').length;
  assert.ok(
    doc.usages.length > 0 && doc.usages.length <= packages,
    `${doc.usages.length} usages for ${packages} lockfile packages`,
  );
  // dev dependencies get their own (project, scope), covered by the blank rule.
  assert.ok(doc.steps[2].passed);
});

test('bad input exits 2 with one line naming the file, field and problem', needsCorpora, async () => {
  const cases: [string[], RegExp][] = [
    [['--policy', file('typo.yaml', 'licences:\n  always: [MIT]\n')], /typo\.yaml: licences: unknown key/],
    [
      ['--policy', file('bad-choice.yaml', 'choices:\n  - from: MIT OR ISC\n    to: "MIT OR"\n')],
      /bad-choice\.yaml: choices\[0\]\.to: 'MIT OR' is not a valid SPDX expression/,
    ],
    [
      ['--policy', file('bad-status.yaml', 'licenses:\n  sometimes: [MIT]\n')],
      /bad-status\.yaml: licenses\.sometimes: unknown status/,
    ],
    [
      ['--policy', file('bad-exploitation.json', '{"exploitations":[{"scope":"dev","exploitation":"shipped"}]}')],
      /bad-exploitation\.json: exploitations\[0\]\.exploitation: 'shipped' is not one of/,
    ],
    [
      ['--policy', file('bad-setting.yaml', 'settings:\n  acceptNormaliser: medium\n')],
      /bad-setting\.yaml: settings\.acceptNormaliser: 'medium' is not one of off, exact, high/,
    ],
    [
      ['--policy', file('unknown-setting.yaml', 'settings:\n  trustEverything: true\n')],
      /unknown-setting\.yaml: settings\.trustEverything: unknown setting/,
    ],
    [['--policy', file('not-yaml.yaml', 'licenses: [unclosed\n')], /not-yaml\.yaml: not valid YAML/],
    [['--policy', join(tmp, 'missing.yaml')], /missing\.yaml: cannot read policy file/],
    [['--policy', PERMISSIVE, '--format', 'pdf'], /--format: "pdf" is not one of/],
    [['--policy', PERMISSIVE, '--exploitation', 'sold'], /--exploitation: "sold" is not one of/],
  ];
  for (const [args, message] of cases) {
    const r = await check(corpus(DROPWIZARD), ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, message);
  }
  const missing = await check(join(tmp, 'nope.json'), '--policy', PERMISSIVE);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.json does not exist/);
});

const DEFAULT_POLICY = join(REPO_ROOT, 'data/policies/default.yaml');
const sbomWith = (name: string, projectLicense: string | undefined, componentLicenses: string[]) =>
  file(
    name,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: {
        component: {
          type: 'application',
          'bom-ref': 'app',
          name: 'app',
          version: '1.0.0',
          ...(projectLicense && { licenses: [{ license: { id: projectLicense } }] }),
        },
      },
      components: componentLicenses.map((id, i) => ({
        type: 'library',
        'bom-ref': `c${i}`,
        name: `c${i}`,
        version: '1.0.0',
        purl: `pkg:npm/c${i}@1.0.0`,
        licenses: [{ license: { id } }],
      })),
    }),
  );

test('without --policy: the built-in default policy, said on stderr; outbound from the primary component', async () => {
  const permissive = await check(sbomWith('permissive.cdx.json', 'Apache-2.0', ['MIT', 'ISC']));
  assert.equal(permissive.code, 0, permissive.out);
  assert.match(
    permissive.err,
    /no --policy given: using the built-in default policy \(data\/policies\/default\.yaml\)/,
  );
  assert.match(permissive.err, /outbound licence taken from the primary component: Apache-2\.0/);
  // The default allows copyleft only in an approved context: GPL blocks step 5.
  const gpl = await check(sbomWith('gpl.cdx.json', 'Apache-2.0', ['MIT', 'GPL-3.0-only']), '--format', 'json');
  assert.equal(gpl.code, 1);
  const doc = JSON.parse(gpl.out);
  assert.equal(doc.validationStep, 4);
  // The same as naming the shipped file and the outbound licence.
  const explicit = await check(
    join(tmp, 'gpl.cdx.json'),
    '--policy',
    DEFAULT_POLICY,
    '--outbound',
    'Apache-2.0',
    '--format',
    'json',
  );
  assert.deepEqual(JSON.parse(explicit.out).steps, doc.steps);
  assert.doesNotMatch(explicit.err, /built-in/);
  // No declared licence: nothing is assumed, step 6 asks for one.
  const unlicensed = await check(sbomWith('unlicensed.cdx.json', undefined, ['MIT']), '--format', 'json');
  assert.equal(unlicensed.code, 1);
  assert.deepEqual(
    JSON.parse(unlicensed.out).steps[5].blockers.map((b: { kind: string }) => b.kind),
    ['no-outbound-license'],
  );
});

test(
  'without --policy on the Dropwizard SBOM: checked against the built-in policy (exit 1, no longer a usage error)',
  needsCorpora,
  async () => {
    const r = await check(corpus(DROPWIZARD), '--format', 'json');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /built-in default policy/);
    assert.equal(JSON.parse(r.out).steps.length, 6);
  },
);

test("the missing outbound licence's fix names a command that exists, with a product name as one shell word", async () => {
  const sbom = file(
    'spaced.cdx.json',
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', 'bom-ref': 'app', name: "Joe's Main App", version: '1.0.0' } },
      components: [
        { type: 'library', 'bom-ref': 'lib', name: 'lib', version: '1', licenses: [{ license: { id: 'MIT' } }] },
      ],
    }),
  );
  const r = await check(sbom, '--policy', PERMISSIVE, '--format', 'json');
  const [blocker] = JSON.parse(r.out).steps[5].blockers;
  assert.equal(blocker.kind, 'no-outbound-license');
  const command = /`vigie release (\S+) (.+?) 1\.0\.0 --outbound <spdx>`/.exec(blocker.fix.hint);
  assert.ok(command, blocker.fix.hint);
  assert.equal(command[2], `'Joe'\\''s Main App'`);
  const help = memoryIo(tmp);
  assert.equal(await run(['release', command[1]!, '--help'], help), 0);
  assert.match(help.out.join(''), /^Usage: vigie release update .*--outbound <expressions>/s);
  assert.match(blocker.fix.hint, /`vigie check … --outbound <spdx>`/);
});
