// Hostile and broken inputs end with exit code 2 and one clear line on stderr: never a stack trace,
// never unbounded memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { vigie, hasStackTrace } from './run-cli.js';

let dir: string;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components><component type="library"><name>&lol4;</name></component></components></bom>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components><component type="library"><name>&xxe;</name><version>1</version></component></components></bom>`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-bad-input-'));
  const files: Record<string, string | Buffer> = {
    'truncated.json': '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "a"',
    // Cut before its specVersion: a syntax error, not a CycloneDX 'without a specVersion'.
    'truncated-head.json': '{"bomFormat": "CycloneDX",',
    'trailing-comma.json': '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n}\n',
    'malformed.xml': '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6">\n<components>\n</bom>\n',
    'bomb.xml': BILLION_LAUGHS,
    'xxe.xml': XXE,
    'future.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '2.0', components: [] }),
    'unknown.json': JSON.stringify({ hello: 'world' }),
    'garbage.bin': Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00]),
    'latin1.txt': Buffer.from([0x53, 0x50, 0x44, 0x58, 0xe9, 0xe8, 0x0a]),
    'empty.json': '',
    'plain.txt': 'just some words, not an SBOM\n',
    'lockfile.json': JSON.stringify({ name: 'x', lockfileVersion: 3, packages: {} }),
    'zeros.json.gz': gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  // A 1 GB file that takes no disk space: the size check must refuse it before reading anything.
  const fd = openSync(join(dir, 'huge.json'), 'w');
  ftruncateSync(fd, 1024 * 1024 * 1024);
  closeSync(fd);
  mkdirSync(join(dir, 'a-directory'));
  mkdirSync(join(dir, 'empty-folder'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const CASES: { file: string; args?: string[]; expect: RegExp }[] = [
  { file: 'truncated.json', expect: /is not valid JSON at line 1, column 77/ },
  { file: 'trailing-comma.json', expect: /is not valid JSON at line 4, column 1/ },
  // The file is named once: 'vigie: <path> is not valid JSON …', not '<path>: <path> is …'.
  { file: 'truncated-head.json', expect: /^vigie: [^:]*truncated-head\.json is not valid JSON at line 1, column \d+/ },
  { file: 'malformed.xml', expect: /(malformed|invalid|not well-formed|unclosed|closing tag|expected).*line/i },
  { file: 'bomb.xml', expect: /DOCTYPE|entit/i },
  { file: 'xxe.xml', expect: /DOCTYPE|entit/i },
  { file: 'future.json', expect: /CycloneDX 2\.0 .*not supported/ },
  { file: 'unknown.json', expect: /not an SBOM format I know/ },
  { file: 'garbage.bin', expect: /binary data/ },
  { file: 'latin1.txt', expect: /not valid UTF-8/ },
  { file: 'empty.json', expect: /is empty/ },
  { file: 'plain.txt', expect: /not an SBOM format I know/ },
  { file: 'lockfile.json', expect: /npm lockfile.*sbom generate/ },
  { file: 'huge.json', expect: /1\.0 GiB, over the 512\.0 MiB input limit/ },
  { file: 'zeros.json.gz', args: ['--max-size', '1MiB'], expect: /decompresses to more than 1\.0 MiB/ },
  { file: 'does-not-exist.json', expect: /no such file/ },
  { file: 'a-directory', expect: /is a directory/ },
];

for (const c of CASES) {
  for (const command of ['inspect', 'validate']) {
    test(`sbom ${command} ${c.file}: exit 2 with one clear line`, async () => {
      const r = await vigie(['sbom', command, join(dir, c.file), ...(c.args ?? [])]);
      assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.match(r.stderr, c.expect);
      assert.ok(!hasStackTrace(r.stderr));
    });
  }
}

test('usage errors: unknown command, missing argument, unknown output format', async () => {
  assert.equal((await vigie(['frobnicate'])).code, 2);
  assert.equal((await vigie(['sbom', 'inspect'])).code, 2);
  const r = await vigie(['sbom', 'convert', join(dir, 'future.json'), '--to', 'cyclonedx-json@9.9']);
  assert.equal(r.code, 2);
});

test('a wrong --to is refused before the input is read', async () => {
  // Named first, whatever the input: no long read or walk ends in this refusal, and a missing input
  // or a folder without a lockfile is not what the message talks about.
  for (const args of [
    ['sbom', 'convert', join(dir, 'no-such-file.json'), '--to', 'cyclonedx-json@9.9'],
    ['sbom', 'generate', join(dir, 'empty-folder'), '--to', 'csv'],
  ]) {
    const r = await vigie(args);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^vigie: (CycloneDX JSON 9\.9 is not an output Vigie writes|unknown output format "csv")/);
  }
});

test('a malformed knowledge base or policy file is reported with its line, on one line', async () => {
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{\n  "objects": [1, 2,]\n}\n');
  for (const args of [
    ['kb', 'import', broken],
    ['check', join(dir, 'future.json'), '--policy', broken],
  ]) {
    const r = await vigie(args);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /broken\.json is not valid JSON at line 2, column 20/);
  }
});

test('sbom inspect exits 1 on an SBOM with reading errors (wrong JSON types), 0 on a clean one', async () => {
  const wrong = join(dir, 'wrong-types.spdx.json');
  writeFileSync(
    wrong,
    JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'x', packages: 'not-a-list' }),
  );
  const inspect = await vigie(['sbom', 'inspect', wrong]);
  assert.equal(inspect.code, 1, inspect.stderr);
  assert.match(inspect.stdout, /[1-9]\d* errors/);
  const validate = await vigie(['sbom', 'validate', wrong]);
  assert.equal(validate.code, 1);
  assert.match(validate.stdout, /packages: expected a list, found a string/);
  const clean = join(dir, 'clean.cdx.json');
  writeFileSync(
    clean,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', name: 'a', version: '1' }],
    }),
  );
  assert.equal((await vigie(['sbom', 'inspect', clean, '--json'])).code, 0);
});
