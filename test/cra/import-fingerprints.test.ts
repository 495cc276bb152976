// What an import computes before it writes (the stored quality results, the release plan, the
// storability verdict), pinned per document for every SBOM of the corpora and for hand-made edge
// cases: a digest per document in a golden file written by the code before the 100k-import speed-ups
// (issue 13 item 5), so any change to a stored quality result (a failing ref, a count, an order) or to
// the plan fails here. UPDATE_GOLDEN=1 rewrites it; only do so for a change of behaviour meant as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readSbom } from '../../src/sbom/read.js';
import { evaluateProfiles, QUALITY_PROFILES } from '../../src/cra/profiles/index.js';
import { isPlainWebUrl, isWebUrl } from '../../src/cra/profiles/values.js';
import { importQualityResults, importQualityResultsInSlices } from '../../src/services/import-quality.js';
import { planImport } from '../../src/compliance/release-plan.js';
import { assertStorable } from '../../src/services/storable-import.js';
import type { Sbom } from '../../src/model/index.js';
import { CORPORA, corpusFiles, needsCorpora } from '../support/corpora.js';
import { assertGolden } from '../support/golden.js';

const digest = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value) ?? 'undefined')
    .digest('hex')
    .slice(0, 20);

function storable(sbom: Sbom, project?: string): string {
  try {
    // What the store would be given changed (an over-long name shortened, a lone surrogate repaired) is said in warnings.
    const warnings = assertStorable(planImport(sbom, project));
    return warnings.length === 0 ? 'ok' : `ok with ${warnings.map((w) => `${w.code}: ${w.message}`).join('; ')}`;
  } catch (err) {
    return (err as Error).message;
  }
}

/** One line per document: quality (stored, then uncapped), plan (default, forced project), storability. */
function fingerprint(sbom: Sbom): string {
  return [
    digest(importQualityResults(sbom)),
    digest(evaluateProfiles(QUALITY_PROFILES, sbom)),
    digest(planImport(sbom)),
    digest(planImport(sbom, 'app', 'runtime')),
    storable(sbom) === 'ok' ? 'ok' : digest(storable(sbom)),
  ].join(' ');
}

const cdx = (components: unknown[], dependencies: unknown[], metadata: Record<string, unknown> = {}): string =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: {
      timestamp: '2026-11-29T00:00:00Z',
      component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' },
      ...metadata,
    },
    components,
    dependencies,
  });

const URLS = [
  'https://example.com/x',
  'http://example.com',
  'HTTPS://Example.COM/x',
  'https://999.1.1.1/x',
  'https://1.2.3.4/x',
  'https://0x7f.1/x',
  'https://a.0x1/x',
  'https://xn--a/x',
  'https://a..b/x',
  'https://a.b./x',
  'https://.a/x',
  'http://',
  'https:///x',
  'https://exa mple.com/x',
  'https://user@host.org/x',
  'https://host.org:99999/x',
  'https://host.org:8080/x',
  'https://host.org\\x',
  ' https://lead.space/x',
  'https://host.org/a b?c=d#e',
  'https://ho\nst.org/x',
  'ftp://host.org/x',
  'https:host.org/x',
  'https://[::1]/x',
  'https://host_name.org/x',
  'https://é.org/x',
  'https://host.org?q',
  'https://host.org#f',
  '',
];

/** Hand-made documents for what the corpora show little of. */
function edgeCases(): Record<string, string> {
  const urlComponents = URLS.map((url, i) => ({
    type: 'library',
    'bom-ref': `u${i}`,
    name: `u${i}`,
    version: i % 3 === 0 ? '2024-01-02T03:04:05Z' : i % 3 === 1 ? '2024-01-02 x' : `${i}.0`,
    purl: i % 2 ? `pkg:npm/u${i}@${i}.0` : `pkg:npm/%40s/u${i}@1?x=${i}`,
    hashes: i % 4 === 0 ? [{ alg: 'SHA-512', content: 'ab'.repeat(64) }] : [{ alg: 'SHA-256', content: 'a' }],
    licenses: i % 2 ? [{ expression: 'MIT OR ISC' }] : [{ license: { name: 'Some licence' } }],
    externalReferences: [
      { type: i % 2 ? 'vcs' : 'source-distribution', url, hashes: [{ alg: 'SHA-384', content: 'ff' }] },
      { type: 'distribution', url, hashes: [{ alg: 'SHA-512', content: 'cd'.repeat(64) }] },
      { type: 'website', url },
      { type: 'rfc-9116', url },
    ],
    supplier: { name: i % 5 ? 'S' : '', url: [url], contact: [{ email: i % 2 ? 'a@b.org' : 'nope' }] },
    properties: [
      { name: 'bsi:component:filename', value: i % 2 ? `u${i}.tgz` : 'dir/u.tgz' },
      { name: 'bsi:component:executable', value: i % 3 ? ' Executable ' : 'maybe' },
      { name: 'bsi:component:archive', value: 'archive' },
      ...(i % 4 === 0 ? [{ name: 'bsi:component:archive', value: 'archive' }] : []),
      { name: 'bsi:component:effectiveLicense', value: i % 2 ? 'Apache-2.0' : 'NOASSERTION' },
    ],
    scope: i % 7 === 0 ? 'excluded' : i % 7 === 1 ? 'optional' : undefined,
  }));
  urlComponents[2]!.externalReferences.push({ type: 'bom', url: 'https://example.com/other.cdx.json' } as never);
  return {
    urls: cdx(urlComponents, [
      { ref: 'root', dependsOn: ['u0', 'u1', 'u2', 'missing'] },
      { ref: 'u1', dependsOn: ['u3', 'u3', 'u1'] },
      { ref: 'u3', dependsOn: ['u1', 'u4'] },
      { ref: 'u3', dependsOn: ['u5'] },
      { ref: 'gone', dependsOn: ['u6'] },
      { ref: 'u6', dependsOn: [] },
    ]),
    nested: cdx(
      [
        {
          type: 'library',
          'bom-ref': 'a',
          name: 'a',
          version: '1',
          purl: 'pkg:npm/a@1',
          components: [
            {
              type: 'library',
              'bom-ref': 'a1',
              name: 'a1',
              version: '1',
              purl: 'pkg:npm/a1@1',
              components: [{ type: 'library', 'bom-ref': 'a11', name: 'a11', purl: 'pkg:npm/a@2' }],
            },
            { type: 'library', 'bom-ref': 'a2', name: '', version: ' ', purl: 'pkg:npm/a@1' },
          ],
        },
        { type: 'library', 'bom-ref': 'b', name: 'b', version: '1', cpe: 'cpe:2.3:a:b:b:1:*:*:*:*:*:*:*' },
        { type: 'library', 'bom-ref': 'c', name: 'c', version: '1', purl: 'not a purl' },
        { type: 'library', 'bom-ref': 'd', name: 'd', version: '1', purl: 'pkg:npm/d@1', scope: 'excluded' },
      ],
      [
        { ref: 'root', dependsOn: ['a', 'b'] },
        { ref: 'a', dependsOn: ['root'] },
        { ref: 'b', dependsOn: ['d', 'b'] },
        { ref: 'a11', dependsOn: ['c'] },
      ],
    ),
    noPrimary: cdx(
      [
        { type: 'library', 'bom-ref': 'x', name: 'x', version: '1', purl: 'pkg:pypi/x@1' },
        { type: 'library', 'bom-ref': 'y', name: 'y', purl: 'pkg:pypi/X@1' },
      ],
      [{ ref: 'x', dependsOn: ['y'] }],
      { component: undefined },
    ),
    nul: cdx([{ type: 'library', 'bom-ref': 'n', name: 'n\u0000n', version: '1' }], []),
    nulDeep: cdx(
      [{ type: 'library', 'bom-ref': 'n', name: 'n', version: '1', description: 'a\u0000b', copyright: 'c' }],
      [],
    ),
    // The primary listed twice: its direct dependencies are both lists joined.
    primaryTwice: cdx(
      [
        { type: 'library', 'bom-ref': 'a', name: 'a', purl: 'pkg:npm/a@1' },
        { type: 'library', 'bom-ref': 'b', name: 'b', version: '1', purl: 'pkg:npm/b@1' },
      ],
      [
        { ref: 'root', dependsOn: ['a'] },
        { ref: 'b', dependsOn: [] },
        { ref: 'root', dependsOn: [] },
      ],
    ),
    // More failing components than the import keeps refs of (STORED_FAILING_REFS).
    many: cdx(
      Array.from({ length: 260 }, (_, i) => ({
        type: 'library',
        'bom-ref': `m${i % 250}`,
        name: `m${i}`,
        ...(i % 3 ? {} : { version: `${i}` }),
        purl: `pkg:golang/example.org/m${i % 40}@v${i % 2}`,
        licenses: [{ expression: i % 2 ? 'MIT' : 'NOASSERTION' }],
      })),
      [{ ref: 'root', dependsOn: Array.from({ length: 50 }, (_, i) => `m${i * 3}`) }],
    ),
    long: cdx([{ type: 'library', 'bom-ref': 'l', name: 'l'.repeat(301), version: '1' }], []),
  };
}

test(
  'quality results, plans and storability of every corpus SBOM and edge case match the golden digests',
  needsCorpora,
  async () => {
    const files = [...corpusFiles('sboms'), ...corpusFiles('sbom-quality')].filter((f) =>
      /\.(json|xml|spdx|yaml|yml|jsonld|txt)$/i.test(f),
    );
    const lines: string[] = [];
    let read = 0;
    for (const file of files) {
      let sbom: Sbom;
      try {
        sbom = readSbom(readFileSync(file, 'utf8'), file).sbom;
      } catch {
        continue;
      }
      read++;
      lines.push(`${relative(CORPORA, file)} ${fingerprint(sbom)}`);
      // What an import on PostgreSQL stores, worked out in slices, is the same.
      assert.deepEqual(await importQualityResultsInSlices(sbom), importQualityResults(sbom), file);
    }
    assert.ok(read > 500, `only ${read} corpus SBOMs were read`);
    for (const [name, text] of Object.entries(edgeCases()))
      lines.push(`edge:${name} ${fingerprint(readSbom(text).sbom)}`);
    assertGolden('import-fingerprints.txt', lines.join('\n') + '\n');
  },
);

test('the edge cases exercise what they are meant to', () => {
  const cases = edgeCases();
  const urls = readSbom(cases.urls!).sbom;
  const results = evaluateProfiles(QUALITY_PROFILES, urls).flatMap((p) => p.checks);
  const check = (id: string) => results.find((c) => c.id === id)!;
  // Some URLs pass and some fail, so a broken URL test cannot hide in an all-pass or all-fail count.
  const uri = check('bsi.component.deployable-uri');
  assert.ok(uri.covered > 5 && uri.covered < uri.total, `${uri.covered}/${uri.total}`);
  assert.match(storable(readSbom(cases.nul!).sbom), /NUL/);
  assert.match(storable(readSbom(cases.nulDeep!).sbom), /NUL character \(U\+0000\) at \/components\/0\/description/);
  assert.match(storable(readSbom(cases.long!).sbom), /^ok with shortened-identifier: .*name \(301 characters\)$/);
});

test('the URL test without parsing agrees with the URL parser on generated URLs', () => {
  const parsed = (v: string): boolean => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  };
  const pieces = [
    'a',
    'z',
    '0',
    '9',
    '-',
    '.',
    'xn--',
    'x',
    '0x',
    '_',
    'A',
    '/',
    '?',
    '#',
    ':',
    '@',
    '\\',
    ' ',
    '%',
    'é',
  ];
  const hosts: string[] = [''];
  for (const p of pieces) for (const q of pieces) for (const r of ['', ...pieces]) hosts.push(p + q + r);
  let plain = 0;
  for (const scheme of ['https://', 'http://', 'HTTP://', 'ftp://', 'https:/']) {
    for (const host of hosts) {
      for (const tail of ['', '/x y', '?q', '#f', '.com', '.c0m/', '.1', ':80']) {
        const v = scheme + host + tail;
        if (isPlainWebUrl(v)) {
          plain++;
          assert.equal(
            parsed(v),
            true,
            `${JSON.stringify(v)} is taken as a URL without parsing, the parser refuses it`,
          );
        }
        assert.equal(isWebUrl(v), parsed(v), JSON.stringify(v));
      }
    }
  }
  assert.ok(plain > 1000, `only ${plain} URLs took the short way`);
});
