// Report renderers on real releases: JUnit parses, SARIF validates against the SARIF 2.1.0 schema,
// NOTICE carries each licence text once, CSV quotes per RFC 4180, exports validate as CycloneDX/SPDX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { releaseObligations, snapshotFromSbom, validateRelease } from '../../src/compliance/index.js';
import {
  buildNotice,
  encodeRelease,
  renderJunit,
  renderNoticeHtml,
  renderNoticeMarkdown,
  renderNoticeText,
  renderObligationsJson,
  renderObligationsMarkdown,
  renderReleaseBomCsv,
  renderSarif,
} from '../../src/reports/index.js';
import { validateJsonSchema } from '../../src/schemas/index.js';
import { licenseText } from '../../src/io/license-texts.js';
import { CERN, DROPWIZARD, choice, corpusSbom, curation, policy } from './fixtures.js';
import { needsCorpora } from '../support/corpora.js';

const PERMISSIVE = policy({ always: ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause'] });
const failing = () => {
  const s = snapshotFromSbom(corpusSbom(DROPWIZARD), { outboundLicenses: ['Apache-2.0'] });
  return { s, v: validateRelease(s) };
};
const passing = () => {
  const s = snapshotFromSbom(corpusSbom(CERN), {
    outboundLicenses: ['MIT'],
    policy: PERMISSIVE,
    exploitation: 'distribution',
  });
  return { s, v: validateRelease(s) };
};

test('JUnit: one test case per step, failures list the blockers, the XML parses', needsCorpora, () => {
  for (const { s, v } of [failing(), passing()]) {
    const xml = renderJunit(v, `${s.product.name} ${s.release.number}`);
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase;
    assert.equal(cases.length, 6);
    const failed = cases.filter((c: { failure?: unknown }) => c.failure !== undefined).length;
    assert.equal(failed, v.steps.filter((x) => !x.passed).length);
    assert.equal(Number(doc.testsuites['@_failures']), failed);
  }
  const { v } = failing();
  const xml = renderJunit(v, 'dropwizard');
  // The recorded setting that decides whether normaliser answers pass is shown (issue 8 item 6).
  assert.ok(xml.includes('<property name="acceptNormaliser" value="off"/>'));
  // Every step-1 blocker's component is named in the failure text.
  for (const b of v.steps[0].blockers) assert.ok(xml.includes(b.component!), b.component!);
});

test(
  'SARIF: one result per blocker, validates against the SARIF 2.1.0 schema; a broken log does not',
  needsCorpora,
  () => {
    const { v } = failing();
    const log = JSON.parse(renderSarif(v, { artifactUri: 'sboms/dropwizard/bom.json', toolVersion: '0.1.0' }));
    assert.deepEqual(validateJsonSchema('sarif', '2.1.0', log), []);
    const results = log.runs[0].results;
    assert.equal(results.length, v.blockerCount);
    assert.equal(log.runs[0].properties.acceptNormaliser, 'off');
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id),
      [
        'vigie/valid-spdx',
        'vigie/confirm-and',
        'vigie/exploitation',
        'vigie/license-choice',
        'vigie/policy',
        'vigie/compatibility',
      ],
    );
    const h2 = results.find(
      (r: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) =>
        r.locations[0].logicalLocations[0].fullyQualifiedName === 'pkg:maven/com.h2database/h2@1.4.197?type=jar',
    );
    assert.ok(h2, 'the h2 blocker points at its purl');
    assert.equal(
      h2.ruleId,
      'vigie/valid-spdx',
      'h2 "MPL 2.0 or EPL 1.0" waits for a curation of the normaliser\'s answer',
    );
    assert.equal(h2.locations[0].physicalLocation.artifactLocation.uri, 'sboms/dropwizard/bom.json');
    // The validator can fail: a result without its message, a run without its tool.
    delete log.runs[0].results[0].message;
    delete log.runs[0].tool;
    const violations = validateJsonSchema('sarif', '2.1.0', log)!;
    assert.ok(violations.some((x) => x.message.includes('tool')));
    assert.ok(violations.some((x) => x.message.includes('message')));
  },
);

test('NOTICE: every component listed, each licence text once, HTML escaped', needsCorpora, () => {
  const { s, v } = passing();
  // A copyright holder with markup in its name must come out as text.
  s.usages[0].version.copyright = 'Copyright (c) <Acme & "Sons">';
  const notice = buildNotice(s, v, licenseText);
  const mitUsers = s.usages.filter((u) => u.version.declaredLicense === 'MIT').length;
  assert.ok(mitUsers > 20);
  assert.deepEqual(
    notice.texts.map((t) => t.id),
    ['Apache-2.0', 'BSD-2-Clause', 'ISC', 'MIT'],
  );
  assert.ok(notice.texts.every((t) => t.text && t.text.length > 100));
  const mitText = licenseText('MIT')!;
  const firstLine = mitText
    .split('\n')
    .find((l) => l.trim().length > 20)!
    .trim();
  for (const out of [renderNoticeText(notice), renderNoticeMarkdown(notice)]) {
    assert.equal(out.split(firstLine).length - 1, 1, 'MIT text appears once');
    for (const u of s.usages) assert.ok(out.includes(u.component.name), u.component.name);
  }
  const html = renderNoticeHtml(notice);
  assert.ok(html.includes('Copyright (c) &lt;Acme &amp; &quot;Sons&quot;&gt;'));
  assert.ok(!html.includes('<Acme'));
  assert.equal(
    XMLValidator.validate(
      html.replace('<!DOCTYPE html>', '').replace(/<meta charset="utf-8">/, '<meta charset="utf-8"/>'),
    ),
    true,
    'well-formed markup',
  );
});

/** A small RFC 4180 reader, enough to check the writer's quoting. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('release BOM CSV: one row per usage, fields with commas, quotes and line breaks survive', needsCorpora, () => {
  const { s, v } = failing();
  s.usages[0].version.copyright = 'Copyright "Foo", Inc.\nAll rights reserved';
  const csv = renderReleaseBomCsv(s, v);
  const rows = readCsv(csv);
  assert.equal(rows.length, s.usages.length + 1);
  assert.ok(rows.every((r) => r.length === rows[0].length));
  const header = rows[0];
  const copyright = rows.find((r) => r[header.indexOf('copyright')].startsWith('Copyright "Foo"'))!;
  assert.equal(copyright[header.indexOf('copyright')], 'Copyright "Foo", Inc.\nAll rights reserved');
  // The licence in its four stages (issue 8 item 6): as found, normalised, curated, effective.
  const cell = (r: string[], column: string) => {
    assert.ok(header.includes(column), column);
    return r[header.indexOf(column)];
  };
  const h2 = rows.find((r) => r[0] === 'com.h2database/h2')!;
  assert.equal(cell(h2, 'declared_as_found'), 'MPL 2.0 or EPL 1.0');
  assert.equal(cell(h2, 'normalised'), 'MPL-2.0 OR EPL-1.0');
  assert.equal(cell(h2, 'normaliser_confidence'), 'high');
  assert.equal(cell(h2, 'curated'), '');
  assert.equal(cell(h2, 'effective'), '');
  assert.equal(cell(h2, 'accept_normaliser'), 'off');
  assert.equal(cell(h2, 'blocked_at_step'), '1', 'a normalised licence waits for a curation');
  // Once curated and chosen, every stage is filled.
  s.decisions.push(curation('MPL 2.0 or EPL 1.0', 'MPL-2.0 OR EPL-1.0'), choice('MPL-2.0 OR EPL-1.0', 'EPL-1.0'));
  s.exploitationRules.push({
    id: 1,
    releaseId: s.release.id,
    scope: null,
    project: null,
    exploitation: 'distribution',
  });
  const after = readCsv(renderReleaseBomCsv(s, validateRelease(s))).find((r) => r[0] === 'com.h2database/h2')!;
  assert.equal(cell(after, 'declared_as_found'), 'MPL 2.0 or EPL 1.0');
  assert.equal(cell(after, 'normalised'), 'MPL-2.0 OR EPL-1.0');
  assert.equal(cell(after, 'curated'), 'MPL-2.0 OR EPL-1.0');
  assert.equal(cell(after, 'effective'), 'EPL-1.0');
  assert.match(cell(after, 'license_origin'), /curation #\d+/);
  const jetty = rows.find((r) => r[0] === 'org.eclipse.jetty/jetty-server')!;
  // jetty's strings are SPDX as written: the normalised column is their canonical form, exact.
  assert.equal(cell(jetty, 'normalised'), 'Apache-2.0 AND EPL-1.0');
  assert.equal(cell(jetty, 'normaliser_confidence'), 'exact');
});

test('obligations render as JSON and Markdown', needsCorpora, () => {
  const { s, v } = passing();
  const o = releaseObligations(s, v);
  const json = JSON.parse(renderObligationsJson(o));
  assert.equal(json.groups.length, o.groups.length);
  const md = renderObligationsMarkdown(o, 'cern');
  for (const g of o.groups) assert.ok(md.includes(`## ${g.name}`));
});

test(
  'the release exports as CycloneDX 1.6 and SPDX 2.3 with concluded and effective licences, schema-valid',
  needsCorpora,
  () => {
    const { s, v } = passing();
    const options = {
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      timestamp: '2026-01-01T00:00:00Z',
    };
    const cdx = JSON.parse(encodeRelease(s, v, 'cyclonedx-json', '1.6', options).text);
    assert.deepEqual(validateJsonSchema('cyclonedx-json', '1.6', cdx), []);
    assert.equal(cdx.components.length, s.usages.length);
    const spdx = JSON.parse(
      encodeRelease(s, v, 'spdx-json', '2.3', { ...options, serialNumber: 'https://vigie.example/spdx/cern-1' }).text,
    );
    assert.deepEqual(validateJsonSchema('spdx-json', '2.3', spdx), []);
    const debug = spdx.packages.find((p: { name: string }) => p.name === 'debug');
    assert.equal(debug.licenseConcluded, 'MIT');
    assert.ok(
      JSON.stringify(spdx.annotations ?? debug.annotations ?? []).includes('MIT'),
      'effective licence annotated',
    );
  },
);

test(
  'NOTICE follows the exploitation: internal-use components are left out with their reason, their licence texts too (issue 8 item 10)',
  needsCorpora,
  () => {
    const { s } = passing();
    // One component moved to a dev-tools scope that the release only uses internally.
    const tool = s.usages.find((u) => u.version.declaredLicense === 'BSD-2-Clause')!;
    assert.equal(
      s.usages.filter((u) => u.version.declaredLicense === 'BSD-2-Clause').length,
      1,
      'the only BSD-2-Clause component',
    );
    tool.usage.scope = 'dev-tools';
    s.exploitationRules.push({
      id: 99,
      releaseId: s.release.id,
      scope: 'dev-tools',
      project: null,
      exploitation: 'internal',
    });
    const v = validateRelease(s);
    assert.equal(v.validationStep, 6);
    const notice = buildNotice(s, v, licenseText);
    assert.equal(notice.entries.length, s.usages.length - 1);
    assert.ok(
      !notice.entries.some(
        (e) => e.component === `${tool.component.name}@${tool.version.number}` || e.name === tool.component.name,
      ),
    );
    assert.deepEqual(notice.leftOut, [
      { component: `${tool.component.name}@${tool.version.number}`, reason: 'internal use only: not distributed' },
    ]);
    assert.deepEqual(
      notice.texts.map((t) => t.id),
      ['Apache-2.0', 'ISC', 'MIT'],
      'no BSD-2-Clause text for a component not shipped',
    );
    assert.ok(!renderNoticeText(notice).includes(`${tool.component.name} ${tool.version.number}`));
    // The obligations of the internal usage are those of internal use; the core actions nobody triggers are apart.
    const o = releaseObligations(s, v);
    const md = renderObligationsMarkdown(o, 'cern');
    assert.ok(o.coreActions.length > 0);
    assert.match(md, /## Core actions no usage triggers/);
    for (const a of o.coreActions) assert.ok(!md.includes(`## ${a.name}`), `${a.name} is not listed as an obligation`);
  },
);
