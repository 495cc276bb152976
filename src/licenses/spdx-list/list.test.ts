import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora, whenCorpora } from '../../../test/support/corpora.js';
import {
  SPDX_LIST_VERSION,
  allExceptions,
  allLicenses,
  isDeprecated,
  lookupException,
  lookupLicense,
} from './index.js';
import { licenseText, exceptionText } from '../../io/license-texts.js';

const listJson = whenCorpora(() =>
  JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx.json'), 'utf8')),
);
const exceptionJson = whenCorpora(() =>
  JSON.parse(readFileSync(corpus('licenses', 'spdx-list', 'licenses_spdx_exception.json'), 'utf8')),
);

test('the generated list holds every licence of the SPDX list JSON with its flags and version', needsCorpora, () => {
  assert.equal(SPDX_LIST_VERSION, listJson.licenseListVersion);
  assert.equal(allLicenses().length, listJson.licenses.length);
  for (const l of listJson.licenses) {
    const ours = lookupLicense(l.licenseId.toUpperCase());
    assert.ok(ours, l.licenseId);
    assert.equal(ours.id, l.licenseId);
    assert.equal(ours.name, l.name);
    assert.equal(ours.osiApproved, !!l.isOsiApproved, l.licenseId);
    assert.equal(ours.fsfLibre, !!l.isFsfLibre, l.licenseId);
    assert.equal(ours.deprecated, !!l.isDeprecatedLicenseId, l.licenseId);
  }
  assert.equal(allExceptions().length, exceptionJson.exceptions.length);
  for (const e of exceptionJson.exceptions) {
    assert.equal(lookupException(e.licenseExceptionId.toLowerCase())?.id, e.licenseExceptionId);
    assert.equal(isDeprecated(e.licenseExceptionId), !!e.isDeprecatedLicenseId);
  }
});

test('lookups are case-insensitive and tell deprecated ids apart', () => {
  assert.equal(lookupLicense('apache-2.0')?.id, 'Apache-2.0');
  assert.equal(lookupLicense('gpl-2.0-or-later')?.name, 'GNU General Public License v2.0 or later');
  assert.equal(lookupLicense('NotALicence'), undefined);
  assert.equal(isDeprecated('GPL-2.0'), true);
  assert.equal(isDeprecated('GPL-2.0-only'), false);
  assert.equal(lookupException('classpath-exception-2.0')?.id, 'Classpath-exception-2.0');
});

test('licence texts are read from data/licenses/texts and equal the corpora copies', needsCorpora, () => {
  const mit = licenseText('mit');
  assert.equal(mit, readFileSync(corpus('licenses', 'texts', 'licenses', 'MIT'), 'utf8'));
  assert.match(licenseText('Apache-2.0')!, /Apache License/);
  assert.equal(
    exceptionText('LLVM-exception'),
    readFileSync(corpus('licenses', 'texts', 'exceptions', 'LLVM-exception'), 'utf8'),
  );
  assert.equal(licenseText('../../package.json'), undefined);
  assert.equal(licenseText('NotALicence'), undefined);
});
