import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../main.js';
import { memoryIo } from '../io.js';

async function vigie(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('license parse --json: canonical and simplified forms, licences, ambiguity; exit 0', async () => {
  const r = await vigie('license', 'parse', 'mit and (apache-2.0 AND mit)', '--json');
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.out);
  assert.equal(doc.canonical, 'MIT AND Apache-2.0 AND MIT');
  assert.equal(doc.simplified, 'Apache-2.0 AND MIT');
  assert.deepEqual(doc.licenses, ['MIT', 'Apache-2.0']);
  assert.equal(doc.ambiguous, true);
  assert.deepEqual(doc.andToOrCandidates, ['Apache-2.0 OR MIT']);
  assert.equal(r.err, '');
});

test('license parse: unknown ids exit 1 with a diagnostic, syntax errors exit 2 with the position', async () => {
  const unknown = await vigie('license', 'parse', 'MIT OR Foo-1.0', '--json');
  assert.equal(unknown.code, 1);
  assert.equal(JSON.parse(unknown.out).diagnostics[0].code, 'unknown-license');

  const bad = await vigie('license', 'parse', 'MIT OR (ISC', '--json');
  assert.equal(bad.code, 2);
  const doc = JSON.parse(bad.out);
  assert.equal(doc.valid, false);
  assert.equal(doc.error.position, 11);
  assert.deepEqual(doc.error.expected, ["')'"]);

  const text = await vigie('license', 'parse', 'MIT Apache-2.0');
  assert.equal(text.code, 2);
  assert.equal(text.out, '');
  assert.match(text.err, /unexpected 'Apache-2.0' at position 4/);
  assert.match(text.err, /\n {6}\^/);
});

test('license normalize --json: input, expression, confidence, candidates; exit 1 when vague', async () => {
  const r = await vigie('license', 'normalize', 'Apache License, Version 2.0', '--json');
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.out);
  assert.deepEqual(
    [doc.input, doc.expression, doc.confidence, doc.candidates],
    ['Apache License, Version 2.0', 'Apache-2.0', 'high', ['Apache-2.0']],
  );

  const vague = await vigie('license', 'normalize', 'BSD', '--json');
  assert.equal(vague.code, 1);
  assert.equal(JSON.parse(vague.out).expression, null);
  assert.ok(JSON.parse(vague.out).candidates.includes('BSD-3-Clause'));

  const plain = await vigie('license', 'normalize', 'GPLv2+');
  assert.equal(plain.out, 'GPL-2.0-or-later\n');
  assert.match(plain.err, /confidence: high/);
});

test('nothing throws out of the CLI: missing arguments are usage errors', async () => {
  const r = await vigie('license', 'parse');
  assert.equal(r.code, 2);
  assert.match(r.err, /missing required argument/);
});
