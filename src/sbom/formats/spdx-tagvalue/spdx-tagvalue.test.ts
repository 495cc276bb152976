import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';
import { componentsByRef } from '../../graph.js';
import { UnreadableDocumentError } from '../../format.js';
import { spdxJson } from '../spdx-json/index.js';
import { spdxTagValue } from './index.js';

const read = (p: string) => readFileSync(corpus(p), 'utf8');

test('identify: tag-value SPDX 2.x only', needsCorpora, () => {
  assert.equal(spdxTagValue.identify(read('sboms/spdx/examples/software/example1/spdx2.2/example1.spdx'))?.specVersion, '2.2');
  assert.equal(spdxTagValue.identify('SPDXVersion: SPDX-1.2\n')?.supported, false);
  assert.equal(spdxTagValue.identify('{"spdxVersion": "SPDX-2.3"}'), undefined);
});

test('spec example 2.3: tag-value and JSON give the same packages and licences', needsCorpora, () => {
  const tv = spdxTagValue.decode({ text: read('sboms/spdx/spec-examples/v2.3/SPDXTagExample-v2.3.spdx') });
  const json = spdxJson.decode({ text: read('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json') });
  const pick = (s: typeof tv.sbom) =>
    [...componentsByRef(s).values()]
      .map((c) => ({ ref: c.ref, type: c.type, name: c.name, version: c.version, purl: c.purl, cpe: c.cpe, hashes: c.hashes, licenses: c.licenses, supplier: c.supplier, copyright: c.copyright }))
      .sort((a, b) => a.ref.localeCompare(b.ref));
  assert.deepEqual(pick(tv.sbom), pick(json.sbom));
  assert.equal(tv.sbom.metadata.component?.ref, 'SPDXRef-Package');
  // Multi-line <text> values are kept verbatim.
  assert.equal(
    tv.sbom.metadata.properties.find((p) => p.name === 'spdx:creatorComment')?.value,
    'This package has been shipped in source and binary form.\nThe binaries were created with gcc 4.5.1 and expect to link to\ncompatible system run time libraries.',
  );
});

test('example1: files that follow the package belong to it; hand-checked values', needsCorpora, () => {
  const { sbom, issues } = spdxTagValue.decode({ text: read('sboms/spdx/examples/software/example1/spdx2.2/example1.spdx') });
  const hello = sbom.metadata.component!;
  assert.equal(hello.ref, 'SPDXRef-Package-hello');
  assert.equal(hello.licenses.declared?.expression, 'GPL-3.0-or-later');
  assert.deepEqual(hello.components?.map((c) => c.name), ['./build/hello', './src/Makefile', './src/hello.c']);
  const src = hello.components![2]!;
  assert.deepEqual(src.hashes[0], { alg: 'SHA-1', content: '20862a6d08391d07d09344029533ec644fac6b21' });
  assert.equal(src.copyright, 'Copyright Contributors to the spdx-examples project.');
  assert.deepEqual(sbom.metadata.tools.map((t) => t.name), ['github.com/spdx/tools-golang/builder', 'github.com/spdx/tools-golang/idsearcher']);
  // GENERATED_FROM and BUILD_TOOL_OF are provenance, not dependencies.
  assert.deepEqual(sbom.dependencies, []);
  assert.deepEqual(issues, []);
});

test('unknown tags and stray lines are Issues with line numbers; an unclosed <text> is unreadable', () => {
  const text = 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nFancyTag: x\nPackageName: a\nSPDXID: SPDXRef-a\nnot a tag line\n';
  const { sbom, issues } = spdxTagValue.decode({ text });
  assert.equal(sbom.components[0]?.ref, 'SPDXRef-a');
  assert.deepEqual(issues.find((i) => i.code === 'unknown-tag')?.line, 3);
  assert.deepEqual(issues.find((i) => i.code === 'unparsable-line')?.line, 6);
  assert.equal(issues.find((i) => i.code === 'missing-field' && i.field === 'downloadLocation')?.line, 4);
  assert.throws(
    () => spdxTagValue.decode({ text: 'SPDXVersion: SPDX-2.3\nDocumentComment: <text>never\nclosed\n' }),
    (e: unknown) => e instanceof UnreadableDocumentError && e.line === 2,
  );
  assert.throws(() => spdxTagValue.decode({ text: 'hello: world\n' }), UnreadableDocumentError);
});
