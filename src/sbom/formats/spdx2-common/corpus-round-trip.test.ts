import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpusFiles, needsCorpora } from '../../../../test/support/corpora.js';
import type { Component, Sbom } from '../../../model/index.js';
import { validateJsonSchema } from '../../../schemas/index.js';
import { UnreadableDocumentError, type SbomFormat } from '../../format.js';
import { spdxJson } from '../spdx-json/index.js';
import { spdxTagValue } from '../spdx-tagvalue/index.js';
import { spdxYaml } from '../spdx-yaml/index.js';

const FORMATS = [spdxJson, spdxYaml, spdxTagValue];

/** Every SPDX 2 document of the corpora, whatever its syntax (RDF/XML and SPDX 3 are not ours). */
const documents = [
  ...corpusFiles('sboms/spdx', (p) => /\.(spdx|json|ya?ml)$/.test(p)),
  ...corpusFiles('sbom-quality/sbomqs-testdata', (p) => /\.(spdx|json|ya?ml)$/.test(p)),
]
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  .map((d) => ({ ...d, format: FORMATS.find((f) => f.identify(d.text.slice(0, 65536))?.supported) }))
  .filter((d): d is { path: string; text: string; format: SbomFormat } => d.format !== undefined);

/** The one corpus file that is not well-formed: the spec's 2.2 YAML has unescaped quotes at line 322. */
const KNOWN_BROKEN = new Map([['SPDXYAMLExample-2.2.spdx.yaml', 322]]);

const noStatement = (raw: string | undefined) => (raw === undefined || raw === 'NOASSERTION' ? 'NOASSERTION' : raw);

function allWithParents(sbom: Sbom): { c: Component; parent?: string }[] {
  const out: { c: Component; parent?: string }[] = [];
  const visit = (list: Component[] | undefined, parent?: string) => {
    for (const c of list ?? []) {
      out.push({ c, ...(parent ? { parent } : {}) });
      visit(c.components, c.ref);
    }
  };
  visit(sbom.metadata.component ? [sbom.metadata.component] : []);
  visit(sbom.components);
  return out;
}

/** What a round trip must keep: refs, names, versions, purls, hashes, licences, nesting and edges. */
function essentials(sbom: Sbom) {
  return {
    primary: sbom.metadata.component?.ref,
    components: allWithParents(sbom)
      .map(({ c, parent }) => ({
        ref: c.ref,
        name: c.name,
        version: c.version,
        purl: c.purl,
        parent,
        hashes: c.hashes.map((h) => `${h.alg}:${h.content}`).sort(),
        declared: noStatement(c.licenses.declared?.raw),
        concluded: noStatement(c.licenses.concluded?.raw),
      }))
      .sort((a, b) => a.ref.localeCompare(b.ref)),
    edges: sbom.dependencies.flatMap((d) => d.dependsOn.map((to) => `${d.ref} -> ${to}`)).sort(),
  };
}

test('the corpora hold SPDX 2 documents in all three syntaxes', needsCorpora, () => {
  const count = (id: string) => documents.filter((d) => d.format.id === id).length;
  assert.ok(count('spdx-json') >= 50, `json: ${count('spdx-json')}`);
  assert.ok(count('spdx-tagvalue') >= 14, `tag-value: ${count('spdx-tagvalue')}`);
  assert.equal(count('spdx-yaml'), 2);
});

for (const { path, text, format } of documents) {
  const name = path.split('/').slice(-3).join('/');
  const brokenAt = KNOWN_BROKEN.get(path.split('/').at(-1)!);
  test(`${format.id}: ${name} decodes and round-trips through SPDX 2.3 JSON and tag-value`, () => {
    if (brokenAt) {
      assert.throws(
        () => format.decode({ text }),
        (e: unknown) => e instanceof UnreadableDocumentError && e.line === brokenAt,
      );
      return;
    }
    const decoded = format.decode({ text, name });
    const expected = essentials(decoded.sbom);
    const options = { serialNumber: 'https://example.org/spdxdocs/round-trip', timestamp: '2024-05-01T12:00:00Z' };

    const json = spdxJson.encode!(decoded.sbom, '2.3', options);
    const violations = validateJsonSchema('spdx-json', '2.3', JSON.parse(json.text));
    assert.deepEqual(violations, [], `schema violations in the JSON written for ${name}`);
    assert.deepEqual(essentials(spdxJson.decode({ text: json.text }).sbom), expected);
    assert.equal(spdxJson.encode!(decoded.sbom, '2.3', options).text, json.text, 'JSON output is deterministic');

    const tagValue = spdxTagValue.encode!(decoded.sbom, '2.3', options);
    const back = spdxTagValue.decode({ text: tagValue.text });
    assert.deepEqual(essentials(back.sbom), expected);
    assert.deepEqual(
      back.issues.filter((i) => i.severity !== 'info'),
      [],
      'our own tag-value reads back without problems',
    );
  });
}
