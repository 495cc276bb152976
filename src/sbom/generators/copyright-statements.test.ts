import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../test/support/corpora.js';
import { copyrightStatements } from './copyright-statements.js';

test("copyright statements: the holders' lines, not the licence body nor a template", () => {
  const bsd = [
    'BSD 3-Clause License',
    '',
    'Copyright (c) 2013-2019, Jane Doe <jane@example.org>',
    'Copyright 2020   ACME  Corp.',
    '© 2021 Société Générale',
    'All rights reserved.',
    'Redistribution and use in source and binary forms, with or without modification, are permitted:',
    '1. Redistributions of source code must retain the above copyright notice, this list of conditions.',
    'Copyright notice and this permission notice shall be included in all copies.',
    'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"',
    'COPYRIGHT HOLDER BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR',
    'Copyright (c) <year> <copyright holders>',
    'Copyright',
    'Copyright (c) 2013-2019, Jane Doe <jane@example.org>',
  ].join('\r\n');
  assert.deepEqual(copyrightStatements(bsd), [
    'Copyright (c) 2013-2019, Jane Doe <jane@example.org>',
    'Copyright 2020 ACME Corp.',
    '© 2021 Société Générale',
  ]);
  // The licence texts Vigie ships are templates: no statement in them.
  for (const id of ['MIT', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', 'Apache-2.0', 'GPL-2.0-only']) {
    assert.deepEqual(
      copyrightStatements(readFileSync(join(REPO_ROOT, 'data/licenses/texts/licenses', id), 'utf8')),
      [],
      id,
    );
  }
});
