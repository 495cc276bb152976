// Use restrictions of model and data licences in step 5: a table of licence × declared use → the
// restriction blockers (kind and restriction), through the same validation engine as every release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  emptySbom,
  licenseFromExpression,
  undeclaredUse,
  type Component,
  type UseDeclaration,
} from '../../src/model/index.js';
import { snapshotFromSbom, validateRelease, parsePolicyFile, PolicyFileError } from '../../src/compliance/index.js';
import type { Decision } from '../../src/model/decision.js';
import { derogation, policy } from '../compliance/fixtures.js';
import { vigie, hasStackTrace } from '../cli/run-cli.js';

const LLAMA_31 = 'LicenseRef-scancode-llama-3.1-license-2024';
const LLAMA_2 = 'LicenseRef-scancode-llama-2-license-2023';
const LLAMA_32 = 'LicenseRef-scancode-llama-3.2-license-2024';
const LLAMA_33 = 'LicenseRef-scancode-llama-3.3-license-2024';
const LLAMA_4 = 'LicenseRef-scancode-llama-4-license-2025';
const CREATIVEML = 'LicenseRef-vigie-creativeml-openrail-m';
const BLOOM = 'LicenseRef-scancode-bigscience-rail-1.0';
const GEMMA = 'LicenseRef-scancode-gemma-tou-2024-04-01';

/** A small, harmless, declared use: the baseline each row changes one fact of. */
const DECLARED: UseDeclaration = {
  commercial: true,
  fieldsOfUse: [],
  monthlyActiveUsers: 12_000,
  outputsTrainOtherModels: false,
  licenseeInEu: true,
};

function component(name: string, license: string, type: Component['type'] = 'machine-learning-model'): Component {
  return {
    ref: name,
    type,
    name,
    version: '1',
    purl: `pkg:huggingface/example/${name}@1`,
    hashes: [],
    licenses: { concluded: licenseFromExpression(license) },
    externalReferences: [],
    properties: [],
  };
}

function step5(license: string, use: UseDeclaration | undefined, decisions: Decision[] = []) {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.components.push(
    component('subject', license, license.startsWith('LicenseRef') ? 'machine-learning-model' : 'data'),
  );
  const snapshot = snapshotFromSbom(sbom, {
    exploitation: 'distribution',
    // The policy allows every licence here: only the use restrictions can block.
    policy: policy({ always: [license] }),
    decisions,
    ...(use ? { useDeclaration: use } : {}),
  });
  return validateRelease(snapshot).steps[4]!;
}

const TABLE: { license: string; use?: Partial<UseDeclaration>; undeclared?: true; blockers: string[]; why: string }[] =
  [
    {
      license: LLAMA_31,
      blockers: [],
      why: 'Llama 3.1 in a small commercial product of an EU company: nothing in the AUP or threshold is hit',
    },
    {
      license: LLAMA_31,
      use: { monthlyActiveUsers: 900_000_000 },
      blockers: ['use-restriction-conflict:user-threshold'],
      why: 'above 700 million monthly active users a licence from Meta is needed',
    },
    {
      license: LLAMA_31,
      use: { fieldsOfUse: ['military'] },
      blockers: ['use-restriction-conflict:field-of-use'],
      why: 'the acceptable use policy excludes military use',
    },
    {
      license: LLAMA_31,
      undeclared: true,
      blockers: ['use-undeclared:user-threshold', 'use-undeclared:field-of-use'],
      why: 'nothing declared: the threshold and the fields cannot be judged, so they block',
    },
    {
      license: LLAMA_31,
      use: { monthlyActiveUsers: null },
      blockers: ['use-undeclared:user-threshold'],
      why: 'one fact missing blocks only the restriction that needs it',
    },
    {
      license: LLAMA_2,
      use: { outputsTrainOtherModels: true },
      blockers: ['use-restriction-conflict:no-training-other-models'],
      why: 'Llama 2 outputs may not improve other large language models',
    },
    { license: LLAMA_31, use: { outputsTrainOtherModels: true }, blockers: [], why: 'Llama 3.1 dropped that clause' },
    {
      license: LLAMA_4,
      blockers: ['use-restriction-conflict:not-in-eu'],
      why: 'Llama 4 grants no rights to licensees established in the EU',
    },
    { license: LLAMA_4, use: { licenseeInEu: false }, blockers: [], why: 'a licensee outside the EU is not concerned' },
    {
      license: LLAMA_32,
      blockers: ['use-restriction-conflict:not-in-eu'],
      why: 'Llama 3.2: the EU exclusion covers its multimodal models, which the licence alone cannot tell apart',
    },
    { license: LLAMA_33, blockers: [], why: 'Llama 3.3 has no EU exclusion' },
    {
      license: CREATIVEML,
      use: { fieldsOfUse: ['medical-advice'] },
      blockers: ['use-restriction-conflict:field-of-use'],
      why: 'OpenRAIL-M Attachment A: no medical advice',
    },
    {
      license: BLOOM,
      use: { fieldsOfUse: ['law-enforcement', 'surveillance'] },
      blockers: ['use-restriction-conflict:field-of-use'],
      why: 'BLOOM RAIL: no law-enforcement predictions (surveillance is not in its list)',
    },
    {
      license: CREATIVEML,
      use: { fieldsOfUse: ['military'] },
      blockers: [],
      why: 'military use is not one of the RAIL fields',
    },
    {
      license: CREATIVEML,
      use: { fieldsOfUse: null },
      blockers: ['use-undeclared:field-of-use'],
      why: 'RAIL fields of use not declared',
    },
    {
      license: GEMMA,
      undeclared: true,
      blockers: [],
      why: "Gemma's prohibited uses are all unlawful or harmful: an obligation to pass on, nothing to declare",
    },
    {
      license: 'CC-BY-NC-4.0',
      blockers: ['use-restriction-conflict:non-commercial'],
      why: 'a non-commercial dataset in a commercial product',
    },
    {
      license: 'CC-BY-NC-SA-4.0',
      use: { commercial: false },
      blockers: [],
      why: 'a non-commercial product may use NC data',
    },
    {
      license: 'CC-BY-NC-ND-4.0',
      use: { commercial: null },
      blockers: ['use-undeclared:non-commercial'],
      why: 'commercial or not must be declared before NC data passes',
    },
    {
      license: 'CDLA-Permissive-2.0',
      undeclared: true,
      blockers: [],
      why: 'CDLA-Permissive-2.0 data restricts no use',
    },
    { license: 'MIT', undeclared: true, blockers: [], why: 'software licences have no use restrictions' },
  ];

for (const row of TABLE) {
  test(`${row.license} ${row.undeclared ? 'with nothing declared' : JSON.stringify(row.use ?? {})}: ${row.why}`, () => {
    const use = row.undeclared ? undefined : { ...DECLARED, ...row.use };
    const step = step5(row.license, use);
    const got = step.blockers.map(
      (b) => `${b.kind}:${b.fix.action === 'declare-use' ? b.fix.suggestions[0] : restrictionKind(b.message)}`,
    );
    assert.deepEqual(got.sort(), [...row.blockers].sort(), step.blockers.map((b) => b.message).join('\n'));
    assert.equal(step.passed, row.blockers.length === 0);
    for (const b of step.blockers) {
      assert.equal(b.step, 5);
      assert.equal(b.rule, `vigie/policy/${b.kind}`);
      assert.equal(b.license, row.license);
      assert.match(b.message, /subject@1 \(project '\(root\)', scope '[^']*', exploitation distribution\): /);
      assert.equal(b.fix.action, b.kind === 'use-undeclared' ? 'declare-use' : 'add-derogation');
    }
  });
}

// The clause each conflict cites tells which restriction it is (the message quotes it).
function restrictionKind(message: string): string {
  if (/monthly active users/.test(message) && /above/.test(message)) return 'user-threshold';
  if (/fields? of use|declares use for/.test(message)) return 'field-of-use';
  if (/NonCommercial/.test(message)) return 'non-commercial';
  if (/improve any other large language model/.test(message)) return 'no-training-other-models';
  if (/in the EU/.test(message)) return 'not-in-eu';
  return 'unknown';
}

test('a derogation for the licence accepts the restriction (the CC-BY-NC dataset in a commercial product), and says so', () => {
  const blocked = step5('CC-BY-NC-4.0', DECLARED);
  assert.equal(blocked.passed, false);
  assert.match(
    blocked.blockers[0]!.message,
    /CC-BY-NC-4.0 restricts use \(NonCommercial: .*\) and the release declares commercial use/,
  );
  const cleared = step5('CC-BY-NC-4.0', DECLARED, [
    derogation('CC-BY-NC-4.0', { component: 'pkg:huggingface/example/subject' }),
  ]);
  assert.equal(cleared.passed, true, cleared.blockers.map((b) => b.message).join('\n'));
  assert.deepEqual(cleared.notes, ['1 use restriction(s) accepted by derogations.']);
  // A derogation for another component does not.
  const other = step5('CC-BY-NC-4.0', DECLARED, [
    derogation('CC-BY-NC-4.0', { component: 'pkg:huggingface/example/other' }),
  ]);
  assert.equal(other.passed, false);
});

test('restrictions are reported beside a policy blocker, not instead of it', () => {
  const sbom = emptySbom({ id: 'cyclonedx-json', specVersion: '1.6' });
  sbom.components.push(component('llama-ft', LLAMA_31));
  const v = validateRelease(
    snapshotFromSbom(sbom, {
      exploitation: 'distribution',
      useDeclaration: { ...DECLARED, fieldsOfUse: ['critical-infrastructure'] },
    }),
  );
  assert.deepEqual(v.steps[4]!.blockers.map((b) => b.kind).sort(), ['not-reviewed', 'use-restriction-conflict']);
});

test('policy file: the use section is read, each bad field named', () => {
  const read = parsePolicyFile({
    use: { commercial: true, fields: ['medical-advice'], monthlyActiveUsers: 5000, licenseeInEu: false },
  });
  assert.deepEqual(read.use, {
    commercial: true,
    fieldsOfUse: ['medical-advice'],
    monthlyActiveUsers: 5000,
    outputsTrainOtherModels: null,
    licenseeInEu: false,
  });
  assert.equal(parsePolicyFile({}).use, undefined);
  assert.deepEqual(parsePolicyFile({ use: { fields: [] } }).use, { ...undeclaredUse(), fieldsOfUse: [] });
  const bad: [unknown, RegExp][] = [
    [{ use: { fields: ['cooking'] } }, /^use\.fields\[0\]: 'cooking' is not one of military, /],
    [{ use: { fields: 'military' } }, /^use\.fields: must be a list/],
    [{ use: { commercial: 'yes' } }, /^use\.commercial: must be true or false$/],
    [{ use: { monthlyActiveUsers: -3 } }, /^use\.monthlyActiveUsers: must be a whole number/],
    [{ use: { users: 3 } }, /^use\.users: unknown key/],
  ];
  for (const [value, message] of bad)
    assert.throws(
      () => parsePolicyFile(value),
      (e: unknown) => e instanceof PolicyFileError && message.test(e.message),
    );
});

test('vigie check on an ML-BOM shipping a Llama 3.1 fine-tune: the declared use decides', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-use-'));
  try {
    const bom = join(dir, 'assistant.cdx.json');
    writeFileSync(
      bom,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        metadata: {
          component: { type: 'application', 'bom-ref': 'app', name: 'helpdesk-assistant', version: '2.0.0' },
        },
        components: [
          {
            type: 'machine-learning-model',
            'bom-ref': 'model',
            name: 'Llama-helpdesk-8B',
            version: '1.0',
            purl: 'pkg:huggingface/example/Llama-helpdesk-8B@1.0',
            licenses: [{ expression: LLAMA_31 }],
          },
          {
            type: 'library',
            'bom-ref': 'lib',
            name: 'tokenizers',
            version: '0.20.0',
            purl: 'pkg:pypi/tokenizers@0.20.0',
            licenses: [{ license: { id: 'Apache-2.0' } }],
          },
        ],
        dependencies: [{ ref: 'app', dependsOn: ['model', 'lib'] }],
      }),
    );
    const write = (name: string, use: string) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        `outbound: [Apache-2.0]\nlicenses:\n  always: [${LLAMA_31}, Apache-2.0]\nexploitations:\n  - exploitation: distribution\nuse:\n${use}\n`,
      );
      return file;
    };
    const big = await vigie([
      'check',
      bom,
      '--policy',
      write('big.yaml', '  commercial: true\n  fields: []\n  monthlyActiveUsers: 800000000\n  licenseeInEu: false'),
      '--format',
      'json',
    ]);
    assert.equal(big.code, 1, big.stderr);
    assert.ok(!hasStackTrace(big.stderr));
    const blockers = JSON.parse(big.stdout).steps[4].blockers as { kind: string; message: string; component: string }[];
    assert.deepEqual(
      blockers.map((b) => [b.kind, b.component]),
      [['use-restriction-conflict', 'example/Llama-helpdesk-8B@1.0']],
    );
    assert.match(blockers[0]!.message, /800,000,000 monthly active users, above 700,000,000/);
    const small = await vigie([
      'check',
      bom,
      '--policy',
      write('small.yaml', '  commercial: true\n  fields: []\n  monthlyActiveUsers: 2000\n  licenseeInEu: false'),
      '--format',
      'json',
    ]);
    // Step 5 passes; step 6 still asks for the linking, which a policy file cannot give.
    const smallSteps = JSON.parse(small.stdout).steps as { passed: boolean; blockers: { kind: string }[] }[];
    assert.equal(smallSteps[4]!.passed, true, JSON.stringify(smallSteps[4]));
    assert.deepEqual(
      smallSteps[5]!.blockers.map((b) => b.kind),
      ['linking-unknown'],
    );
    const bad = await vigie(['check', bom, '--policy', write('bad.yaml', '  fields: [cooking]')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /use\.fields\[0\]: 'cooking' is not one of/);
    assert.ok(!hasStackTrace(bad.stderr));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
