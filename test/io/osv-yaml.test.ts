// OSV YAML advisories (PyPA writes them) are read with js-yaml for speed; a document with anchors and
// aliases goes to the yaml library instead, whose alias limit refuses exponential expansion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOsvSources, type OsvSourceItem } from '../../src/io/osv-files.js';

async function read(files: Record<string, string>): Promise<OsvSourceItem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-osv-yaml-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out: OsvSourceItem[] = [];
    for await (const item of readOsvSources([dir], dir)) out.push(item);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PLAIN = `id: PYSEC-2099-1
modified: 2024-01-02T03:04:05.123456Z
aliases:
- CVE-2099-1
affected:
- package:
    name: Demo_Pkg
    ecosystem: PyPI
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: 1.10
  versions:
  - '1.0'
`;

test('plain YAML: timestamps stay strings (core schema), numbers stay numbers as YAML 1.2 reads them', async () => {
  const [item] = await read({ 'a.yaml': PLAIN });
  assert.ok(item && 'value' in item);
  const v = item.value as {
    modified: unknown;
    affected: { ranges: { events: Record<string, unknown>[] }[]; versions: unknown[] }[];
  };
  assert.equal(v.modified, '2024-01-02T03:04:05.123456Z');
  assert.deepEqual(v.affected[0]!.ranges[0]!.events, [{ introduced: '0' }, { fixed: 1.1 }]);
  assert.deepEqual(v.affected[0]!.versions, ['1.0']);
});

test('anchors and aliases read the same values; an alias bomb is refused, not expanded', async () => {
  const withAlias =
    PLAIN.replace('  ranges:\n', '  ranges: &r\n') + '- package:\n    name: other\n    ecosystem: PyPI\n  ranges: *r\n';
  const [item] = await read({ 'a.yaml': withAlias });
  assert.ok(item && 'value' in item);
  const affected = (item.value as { affected: { ranges: unknown }[] }).affected;
  assert.deepEqual(affected[1]!.ranges, affected[0]!.ranges);
  let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 1; i < 10; i++)
    bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
      .fill(`*${String.fromCharCode(96 + i)}`)
      .join(',')}]\n`;
  const [refused] = await read({ 'bomb.yaml': bomb });
  assert.ok(refused && 'problem' in refused, 'refused');
  assert.match(refused.problem, /^not valid YAML: .*alias/i);
});

test('invalid YAML names the file and says why', async () => {
  const [item] = await read({ 'bad.yml': 'id: [unclosed\n' });
  assert.ok(item && 'problem' in item);
  assert.match(item.problem, /^not valid YAML: /);
  assert.match(item.where, /bad\.yml$/);
});
