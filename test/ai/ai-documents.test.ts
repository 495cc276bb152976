// The AI Act documents from a hand-written ML-BOM: every Annex XII item and every template section
// is present, with what the SBOM answers and the missing inputs named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpora.js';
import { vigie, hasStackTrace } from '../cli/run-cli.js';
import { cyclonedxJson } from '../../src/sbom/formats/cyclonedx-json/index.js';
import { annexXii } from '../../src/ai/annex-xii.js';
import { modelView, selectModel } from '../../src/ai/model-view.js';
import { trainingSummary } from '../../src/ai/training-summary.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/ai/router-mlbom.cdx.json');
const sbom = cyclonedxJson.decode({ text: readFileSync(FIXTURE, 'utf8') }).sbom;
const view = modelView(sbom, selectModel(sbom));

test('the model view follows the lineage: two training sets, one test set, the base model, the framework', () => {
  assert.equal(view.model.name, 'ticket-router');
  assert.deepEqual(
    view.lineage['trained-on'].map((c) => c.name),
    ['support-tickets-2025', 'amazon_polarity'],
  );
  assert.deepEqual(
    view.lineage['tested-on'].map((c) => c.name),
    ['holdout-2025'],
  );
  assert.deepEqual(
    view.lineage['fine-tuned-from'].map((c) => c.name),
    ['bert-base-cased'],
  );
  assert.deepEqual(
    view.dependencies.map((c) => c.name),
    ['transformers'],
  );
});

test('Annex XII: each item answered from its field, the missing ones named', () => {
  const doc = annexXii(view);
  const byId = new Map(doc.items.map((i) => [i.id, i]));
  assert.deepEqual(
    [...byId.keys()],
    ['1(a)', '1(b)', '1(c)', '1(d)', '1(e)', '1(f)', '1(g)', '1(h)', '2(a)', '2(b)', '2(c)'],
  );
  assert.ok(byId.get('1(a)')!.answers.includes('task: text-classification'));
  assert.deepEqual(byId.get('1(b)')!.answers, ['policy: https://support.example.org/router/acceptable-use-policy']);
  assert.ok(byId.get('1(f)')!.answers.includes('parameters: 109,483,778'));
  assert.deepEqual(byId.get('1(h)')!.answers, ['Apache-2.0']);
  assert.ok(byId.get('2(b)')!.answers.includes('context window: 512 tokens'));
  // The test set says nothing about where its data comes from: 2(c) is not answered.
  assert.equal(byId.get('2(c)')!.present, false);
  assert.match(byId.get('2(c)')!.answers.join('\n'), /no provenance for: holdout-2025/);
  assert.deepEqual(doc.missing, ['2(c)']);
});

test('training summary: every template section, datasets sorted by origin, missing inputs named', () => {
  const doc = trainingSummary(view, { updated: '2026-12-03', summaryVersion: '1' });
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    ['0', '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3'],
  );
  const s = new Map(doc.sections.map((x) => [x.id, x]));
  assert.ok(s.get('1.1')!.lines.includes('provider: Example Support Ltd'));
  assert.ok(s.get('1.2')!.lines.includes('builds on: bert-base-cased'));
  assert.deepEqual(s.get('1.3')!.lines.slice(0, 2), ['text: 1M<n<10M + 1M<n<10M', 'languages: en']);
  assert.match(s.get('2.1')!.lines[0]!, /^amazon_polarity, licence Apache-2.0.*inferred from its availability/);
  assert.match(s.get('2.2')!.lines[0]!, /^support-tickets-2025, licence Proprietary/);
  assert.deepEqual(s.get('2.3')!.lines, ['none recorded in the SBOM']);
  assert.deepEqual(doc.missing, [
    '1.2: date placed on the market',
    '1.3: knowledge cut-off',
    '3: measures to respect text-and-data-mining opt-outs (Art. 53(1)(c))',
    '3: measures to remove illegal content',
  ]);
});

test('vigie ai summary and annex-xii: Markdown and one JSON document, exit 1 while inputs are missing', async () => {
  const md = await vigie(['ai', 'summary', FIXTURE, '--updated', '2026-12-03']);
  assert.equal(md.code, 1);
  assert.match(md.stdout, /^# Public summary of training content: ticket-router@1\.2\.0/);
  assert.match(md.stdout, /## 2\.3 Data crawled and scraped/);
  assert.match(md.stderr, /5 items missing/);
  const json = await vigie(['ai', 'annex-xii', FIXTURE, '--format', 'json']);
  assert.equal(JSON.parse(json.stdout).missing[0], '2(c)');
  const complete = await vigie([
    'ai',
    'summary',
    FIXTURE,
    '--updated',
    '2026-12-03',
    '--summary-version',
    '1',
    '--placed-on-market',
    '2026-01-15',
    '--knowledge-cutoff',
    '2025-06',
    '--tdm-measures',
    'robots.txt honoured',
    '--illegal-content-measures',
    'blocklists',
    '--format',
    'json',
  ]);
  assert.equal(complete.code, 0, complete.stderr);
  assert.deepEqual(JSON.parse(complete.stdout).missing, []);
});

test('vigie ai: an SBOM without a model, or an unknown --model, is one clear line and exit 2', async () => {
  const noModel = await vigie(['ai', 'summary', join(REPO_ROOT, 'data/demo/laravel-7.12.0.cdx.json')]);
  const wrong = await vigie(['ai', 'annex-xii', FIXTURE, '--model', 'nope']);
  for (const r of [noModel, wrong]) {
    assert.equal(r.code, 2);
    assert.equal(hasStackTrace(r.stderr), false);
  }
  assert.match(noModel.stderr, /has no machine-learning-model component/);
  assert.match(wrong.stderr, /no model "nope" in the document \(models: ticket-router, bert-base-cased\)/);
});

test('model-card strings are escaped in the Markdown', async () => {
  const hostile = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  hostile.metadata.component.modelCard.considerations.useCases = [
    '<img src=x onerror=alert(1)> [click](javascript:alert(1))',
  ];
  const doc = annexXii(
    modelView(
      cyclonedxJson.decode({ text: JSON.stringify(hostile) }).sbom,
      selectModel(cyclonedxJson.decode({ text: JSON.stringify(hostile) }).sbom),
    ),
  );
  const { renderAnnexXiiMarkdown } = await import('../../src/reports/ai-documents.js');
  const md = renderAnnexXiiMarkdown(doc);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /\]\(javascript:/);
});
