// The lazy command table: every entry loads a module that registers exactly the command it names,
// with the summary `vigie --help` shows before loading it; help lists every command; only the
// command asked for is registered in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { buildProgram, registerEntry, requestedCommand } from '../../src/cli/program.js';
import { memoryIo } from '../../src/cli/io.js';
import { vigie } from './run-cli.js';

const ctx = { io: memoryIo(), setExit: () => {} };

test('each table entry registers the command it names, with the same summary', async () => {
  const names = COMMANDS.map((e) => e.name);
  assert.equal(new Set(names).size, names.length, 'a name appears twice in the table');
  for (const entry of COMMANDS) {
    const program = new Command('vigie');
    await registerEntry(program, ctx, entry);
    assert.deepEqual(
      program.commands.map((c) => c.name()),
      [entry.name],
      `${entry.name}: registers other top-level commands`,
    );
    assert.equal(
      program.commands[0].description(),
      entry.summary,
      `${entry.name}: summary differs from the module's description`,
    );
    assert.ok(
      program.commands[0].commands.length > 0 ||
        program.commands[0].registeredArguments.length > 0 ||
        entry.name === 'serve' ||
        entry.name === 'worker',
      `${entry.name}: registers nothing to run`,
    );
  }
});

test('only the requested command is registered in full', async () => {
  const program = await buildProgram(ctx, ['sbom', 'inspect', 'x.json']);
  const sbom = program.commands.find((c) => c.name() === 'sbom')!;
  const product = program.commands.find((c) => c.name() === 'product')!;
  assert.ok(sbom.commands.some((c) => c.name() === 'inspect'));
  assert.equal(product.commands.length, 0);
});

test('the requested command is the first word that is not an option; help X asks for X', () => {
  assert.equal(requestedCommand(['--version']), undefined);
  assert.equal(requestedCommand(['license', 'normalize', 'Apache 2']), 'license');
  assert.equal(requestedCommand(['help', 'decision']), 'decision');
  assert.equal(requestedCommand(['--help']), undefined);
});

test('vigie --help lists every command of the table; --version prints the package version', async () => {
  const help = await vigie(['--help']);
  assert.equal(help.code, 0);
  for (const e of COMMANDS)
    assert.match(help.stdout, new RegExp(`^\\s+${e.name}\\b`, 'm'), `${e.name} missing from --help`);
  const version = await vigie(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
});

test('an unknown command is a usage error with a suggestion; help of a subcommand works', async () => {
  const bad = await vigie(['prodct', 'list']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown command 'prodct'[\s\S]*product/);
  const help = await vigie(['help', 'sbom']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /inspect/);
});

test('category (its own module now) and product share one store', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-table-'));
  try {
    const db = join(dir, 'v.db');
    assert.equal((await vigie(['category', 'create', 'Web', '--outbound', 'MIT', '--db', db])).code, 0);
    assert.equal((await vigie(['product', 'create', 'Shop', '--category', 'Web', '--db', db])).code, 0);
    const list = await vigie(['category', 'list', '--json', '--db', db]);
    assert.deepEqual(
      (JSON.parse(list.stdout) as { name: string }[]).map((c) => c.name),
      ['Web'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
