// Issue 8 item 10: the NOTICE carries the copyright lines the SBOM has (CycloneDX `copyright` or
// `evidence.copyright`, in JSON and XML) or, for an npm project, the installed packages' licence files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFromSbom, validateRelease } from '../../src/compliance/index.js';
import { buildNotice, renderNoticeHtml, renderNoticeMarkdown, renderNoticeText } from '../../src/reports/index.js';
import { readNpmProject } from '../../src/io/npm-project.js';
import { generateNpmSbom } from '../../src/sbom/generators/npm/index.js';
import { readSbom } from '../../src/sbom/read.js';
import type { Sbom } from '../../src/model/index.js';
import { corpus, needsCorpora } from '../support/corpora.js';
import { policy } from './fixtures.js';

const noticeOf = (sbom: Sbom) => {
  const s = snapshotFromSbom(sbom, {
    exploitation: 'distribution',
    outboundLicenses: ['MIT'],
    policy: policy({ always: ['MIT', 'Apache-2.0'] }),
  });
  return buildNotice(s, validateRelease(s), () => undefined);
};

test('CycloneDX evidence.copyright reaches the NOTICE, one line each, from JSON and XML alike', needsCorpora, () => {
  for (const file of ['valid-evidence-1.6.json', 'valid-evidence-1.6.xml']) {
    const path = corpus('sboms/cyclonedx/conformance/1.6', file);
    const { sbom } = readSbom(readFileSync(path, 'utf8'), path);
    const findbugs = noticeOf(sbom).entries.find((e) => e.name.endsWith('findbugs-project'))!;
    assert.ok(findbugs, file);
    assert.equal(findbugs.copyright?.split('\n').length, 4, file);
    const text = renderNoticeText(noticeOf(sbom));
    assert.ok(text.includes('  Copyright (C) 2005 William Pugh\n'), file);
    assert.ok(text.includes('  Copyright 2012 Google Inc. All Rights Reserved.\n'), file);
    assert.ok(
      renderNoticeHtml(noticeOf(sbom)).includes(
        'Copyright 2012 Google Inc. All Rights Reserved.<br>Copyright (C) 2004,2005 Dave Brosius &lt;dbrosius@users.sourceforge.net&gt;',
      ),
      file,
    );
  }
});

test('an npm project: copyright lines of the installed licence files, never a file outside the package', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-npm-copyright-'));
  try {
    const lock = {
      name: 'app',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { foo: '1.0.0', bar: '2.0.0' } },
        'node_modules/foo': { version: '1.0.0', license: 'MIT' },
        'node_modules/bar': { version: '2.0.0', license: 'MIT' },
      },
    };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
    for (const [name, version] of [
      ['foo', '1.0.0'],
      ['bar', '2.0.0'],
    ]) {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version, license: 'MIT' }));
    }
    writeFileSync(
      join(dir, 'node_modules/foo/LICENSE'),
      'MIT License\n\nCopyright (c) 2019 Foo Makers <foo@example.org>\n\nPermission is hereby granted… The above copyright notice and this permission notice shall be included.\n',
    );
    // bar's licence file is a link to a file outside the package: not read.
    writeFileSync(join(dir, 'outside.txt'), 'Copyright (c) 2020 Someone Else\n');
    symlinkSync(join(dir, 'outside.txt'), join(dir, 'node_modules/bar/LICENSE'));
    const input = await readNpmProject(dir);
    assert.equal(input.installedLicenseText!('../..'), undefined);
    const { sbom } = generateNpmSbom(input);
    const byName = new Map(sbom.components.map((c) => [c.name, c]));
    assert.equal(byName.get('foo')?.copyright, 'Copyright (c) 2019 Foo Makers <foo@example.org>');
    assert.equal(byName.get('bar')?.copyright, undefined);
    const md = renderNoticeMarkdown(noticeOf(sbom));
    assert.match(
      md,
      /### foo 1\.0\.0\n\n- Licence: MIT\n- Copyright \\\(c\\\) 2019 Foo Makers &lt;foo@example\.org&gt;\n/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
