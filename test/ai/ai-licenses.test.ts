// Model and dataset licences in the knowledge base: a table of licence × use context → the compliance
// actions it triggers, checked against what each licence says (our summary in src/licenses/kb/ai-licenses.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinKnowledgeBase, findLicense, obligationsOfLicense } from '../../src/licenses/kb/index.js';
import { triggerObligations, type UsageContext } from '../../src/licenses/obligations/trigger.js';
import { hubLicenseExpression } from '../../src/ai/hub-licenses.js';

const kb = builtinKnowledgeBase();
const actions = (license: string, context: UsageContext) =>
  triggerObligations(context, obligationsOfLicense(kb, license), kb.actions)
    .actions.map((a) => a.name)
    .sort();

const SHIPPED_MODIFIED: UsageContext = { exploitation: 'distribution', modification: 'modified' };
const SHIPPED_AS_IS: UsageContext = { exploitation: 'distribution', modification: 'unmodified' };
const INTERNAL: UsageContext = { exploitation: 'internal', modification: 'unmodified' };

const TABLE: { license: string; context: UsageContext; includes: string[]; excludes?: string[]; why: string }[] = [
  {
    license: 'LicenseRef-scancode-llama-3.1-license-2024',
    context: SHIPPED_MODIFIED,
    includes: [
      'Name derivatives with the licensor prefix',
      'Ship licence texts and copyright notices',
      'Display the licensor attribution',
      'Reproduce the NOTICE file',
      'Use only for permitted purposes',
      'Obtain a separate licence above the user threshold',
    ],
    why: 'a fine-tuned Llama 3.1 shipped to customers: named "Llama…", licence copy, Notice line, "Built with Llama", AUP, 700M MAU',
  },
  {
    license: 'LicenseRef-scancode-llama-3.1-license-2024',
    context: SHIPPED_AS_IS,
    includes: ['Display the licensor attribution'],
    excludes: ['Name derivatives with the licensor prefix'],
    why: 'the naming rule is for derivatives only',
  },
  {
    license: 'LicenseRef-scancode-llama-2-license-2023',
    context: INTERNAL,
    includes: ['Use only for permitted purposes', 'Obtain a separate licence above the user threshold'],
    excludes: ['Display the licensor attribution', 'Name derivatives with the licensor prefix'],
    why: 'internal use of Llama 2: the use restrictions still bind, nothing is distributed',
  },
  {
    license: 'LicenseRef-vigie-creativeml-openrail-m',
    context: SHIPPED_MODIFIED,
    includes: ['Pass the use restrictions on to recipients', 'Use only for permitted purposes', 'State changes made'],
    why: 'OpenRAIL-M: the use restrictions travel with every derivative',
  },
  {
    license: 'LicenseRef-scancode-gemma-tou-2024-04-01',
    context: SHIPPED_AS_IS,
    includes: ['Pass the use restrictions on to recipients', 'Ship licence texts and copyright notices'],
    excludes: ['State changes made'],
    why: 'Gemma shipped unchanged: terms and prohibited-use policy passed on, no change notices',
  },
  {
    license: 'CC-BY-NC-4.0',
    context: SHIPPED_AS_IS,
    includes: ['No commercial use', 'Credit the author of the work'],
    why: "a non-commercial dataset: the DON'T applies to every use",
  },
  {
    license: 'CC-BY-ND-4.0',
    context: SHIPPED_MODIFIED,
    includes: ['Do not share adapted material'],
    why: 'a no-derivatives dataset fine-tuned into a derivative that is shared',
  },
  {
    license: 'CDLA-Permissive-2.0',
    context: SHIPPED_MODIFIED,
    includes: ['Ship licence texts and copyright notices'],
    excludes: [
      'License derived work under the same terms',
      'Use only for permitted purposes',
      'Pass the use restrictions on to recipients',
    ],
    why: 'CDLA-Permissive-2.0 data adds nothing to the model but the licence text when the data is shared',
  },
  {
    license: 'ODbL-1.0',
    context: SHIPPED_MODIFIED,
    includes: ['License derived work under the same terms'],
    why: 'share-alike on an adapted database',
  },
  {
    license: 'C-UDA-1.0',
    context: INTERNAL,
    includes: ['Use only for permitted purposes'],
    why: 'computational use only, even internally',
  },
];

for (const row of TABLE) {
  test(`${row.license}, ${row.context.exploitation}/${row.context.modification}: ${row.why}`, () => {
    const got = actions(row.license, row.context);
    for (const a of row.includes) assert.ok(got.includes(a), `${a} expected; got ${got.join(', ')}`);
    for (const a of row.excludes ?? []) assert.ok(!got.includes(a), `${a} not expected`);
  });
}

test('model licences are known, not FOSS, and carry their use-restriction flag', () => {
  for (const id of [
    'LicenseRef-vigie-openrail',
    'LicenseRef-scancode-bigscience-rail-1.0',
    'LicenseRef-vigie-llama-3-community',
    'LicenseRef-scancode-llama-4-license-2025',
    'LicenseRef-scancode-gemma-tou-2025-03-24',
  ]) {
    const facts = findLicense(kb, id);
    assert.ok(facts, id);
    assert.equal(facts.foss, 'no', id);
    assert.equal(facts.ethicalClause, true, `${id}: use restrictions`);
    assert.ok(facts.url?.startsWith('https://'), id);
  }
  assert.notEqual(findLicense(kb, 'CDLA-Permissive-2.0')?.foss, 'no');
});

test('every hub licence tag that maps to an id maps to one the knowledge base knows', () => {
  for (const tag of [
    'apache-2.0',
    'mit',
    'openrail',
    'openrail++',
    'creativeml-openrail-m',
    'bigscience-bloom-rail-1.0',
    'bigcode-openrail-m',
    'llama2',
    'llama3',
    'llama3.1',
    'llama3.2',
    'llama3.3',
    'llama4',
    'gemma',
    'cc-by-nc-4.0',
    'cdla-permissive-2.0',
    'odbl',
    'odc-by',
    'pddl',
    'c-uda',
  ]) {
    const id = hubLicenseExpression(tag);
    assert.ok(id, tag);
    assert.ok(findLicense(kb, id), `${tag} → ${id}`);
  }
  assert.equal(hubLicenseExpression('other'), undefined);
});
