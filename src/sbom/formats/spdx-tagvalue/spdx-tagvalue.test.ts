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
  assert.equal(
    spdxTagValue.identify(read('sboms/spdx/examples/software/example1/spdx2.2/example1.spdx'))?.specVersion,
    '2.2',
  );
  assert.equal(spdxTagValue.identify('SPDXVersion: SPDX-1.2\n')?.supported, false);
  assert.equal(spdxTagValue.identify('{"spdxVersion": "SPDX-2.3"}'), undefined);
});

test('spec example 2.3: tag-value and JSON give the same packages and licences', needsCorpora, () => {
  const tv = spdxTagValue.decode({ text: read('sboms/spdx/spec-examples/v2.3/SPDXTagExample-v2.3.spdx') });
  const json = spdxJson.decode({ text: read('sboms/spdx/spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json') });
  const pick = (s: typeof tv.sbom) =>
    [...componentsByRef(s).values()]
      .map((c) => ({
        ref: c.ref,
        type: c.type,
        name: c.name,
        version: c.version,
        purl: c.purl,
        cpe: c.cpe,
        hashes: c.hashes,
        licenses: c.licenses,
        supplier: c.supplier,
        copyright: c.copyright,
      }))
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
  const { sbom, issues } = spdxTagValue.decode({
    text: read('sboms/spdx/examples/software/example1/spdx2.2/example1.spdx'),
  });
  const hello = sbom.metadata.component!;
  assert.equal(hello.ref, 'SPDXRef-Package-hello');
  assert.equal(hello.licenses.declared?.expression, 'GPL-3.0-or-later');
  assert.deepEqual(
    hello.components?.map((c) => c.name),
    ['./build/hello', './src/Makefile', './src/hello.c'],
  );
  const src = hello.components![2]!;
  assert.deepEqual(src.hashes[0], { alg: 'SHA-1', content: '20862a6d08391d07d09344029533ec644fac6b21' });
  assert.equal(src.copyright, 'Copyright Contributors to the spdx-examples project.');
  assert.deepEqual(
    sbom.metadata.tools.map((t) => t.name),
    ['github.com/spdx/tools-golang/builder', 'github.com/spdx/tools-golang/idsearcher'],
  );
  // GENERATED_FROM and BUILD_TOOL_OF are provenance, not dependencies.
  assert.deepEqual(sbom.dependencies, []);
  assert.deepEqual(issues, []);
});

test('unknown tags and stray lines are Issues with line numbers; an unclosed <text> is recovered', () => {
  const text =
    'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nFancyTag: x\nPackageName: a\nSPDXID: SPDXRef-a\nnot a tag line\n';
  const { sbom, issues } = spdxTagValue.decode({ text });
  assert.equal(sbom.components[0]?.ref, 'SPDXRef-a');
  assert.deepEqual(issues.find((i) => i.code === 'unknown-tag')?.line, 3);
  assert.deepEqual(issues.find((i) => i.code === 'unparsable-line')?.line, 6);
  assert.equal(issues.find((i) => i.code === 'missing-field' && i.field === 'downloadLocation')?.line, 4);
  const unclosed = spdxTagValue.decode({
    text: 'SPDXVersion: SPDX-2.3\nDocumentComment: <text>never\nclosed\nPackageName: b\nSPDXID: SPDXRef-b\n',
  });
  assert.equal(unclosed.sbom.metadata.comment, 'never\nclosed');
  assert.equal(unclosed.sbom.components[0]?.ref, 'SPDXRef-b');
  const broken = unclosed.issues.find((i) => i.code === 'unterminated-text');
  assert.deepEqual([broken?.severity, broken?.line, broken?.field], ['error', 2, 'DocumentComment']);
  assert.match(
    broken!.message,
    /line 2: DocumentComment opens <text> that never closes; its text is read up to line 3, before the next tag \(PackageName\)/,
  );
  assert.throws(() => spdxTagValue.decode({ text: 'hello: world\n' }), UnreadableDocumentError);
});

test(
  'a licence text pasted into an unterminated PackageCopyrightText loses no package (spec example 2.3, broken)',
  needsCorpora,
  () => {
    const original = read('sboms/spdx/spec-examples/v2.3/SPDXTagExample-v2.3.spdx');
    const licence = readFileSync(corpus('licenses/texts/licenses/Apache-2.0'), 'utf8').trimEnd();
    const intactLine = 'PackageCopyrightText: <text>Copyright 2008-2010 John Smith</text>';
    const line = original.split('\n').indexOf(intactLine) + 1;
    assert.ok(line > 0);
    // The close is lost, so the next field's <text> used to end the block; without any later
    // <text> the document was refused.
    const broken = original.replace(
      intactLine,
      `PackageCopyrightText: <text>Copyright 2008-2010 John Smith\n${licence}`,
    );
    const intact = spdxTagValue.decode({ text: original });
    const recovered = spdxTagValue.decode({ text: broken });
    const names = (s: typeof intact.sbom) => [...componentsByRef(s).values()].map((c) => c.ref).sort();
    assert.deepEqual(names(recovered.sbom), names(intact.sbom));
    const glibc = recovered.sbom.metadata.component!;
    assert.ok(glibc.copyright?.startsWith('Copyright 2008-2010 John Smith\n'));
    assert.ok(glibc.copyright?.endsWith(licence.split('\n').at(-1)!.trim()));
    assert.equal(glibc.description, intact.sbom.metadata.component!.description);
    const errors = recovered.issues.filter((i) => i.code === 'unterminated-text');
    assert.deepEqual(
      errors.map((i) => [i.line, i.field]),
      [[line, 'PackageCopyrightText']],
    );
    assert.match(errors[0]!.message, /before the next tag \(PackageSummary\)/);

    // The last <text> of the document broken: no </text> follows at all.
    const lastOpen = 'LicenseComment: <text>This is tye CyperNeko License</text>';
    const tail = spdxTagValue.decode({
      text: original.replace(lastOpen, 'LicenseComment: <text>This is tye CyperNeko License'),
    });
    assert.deepEqual(names(tail.sbom), names(intact.sbom));
    assert.equal(tail.issues.filter((i) => i.code === 'unterminated-text').length, 1);
  },
);
