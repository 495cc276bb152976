import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, needsCorpora } from '../../../test/support/corpora.js';
import { eventKind, eventValue, recordIds, type OsvRecord } from './record.js';

test('eventKind and eventValue read the single key of an event', () => {
  assert.deepEqual(
    [{ introduced: '0' }, { fixed: '1.2.3' }, { last_affected: '2.0' }, { limit: 'abc' }].map((e) => [
      eventKind(e),
      eventValue(e),
    ]),
    [
      ['introduced', '0'],
      ['fixed', '1.2.3'],
      ['last_affected', '2.0'],
      ['limit', 'abc'],
    ],
  );
});

test('recordIds puts the id first and drops repeated aliases', () => {
  assert.deepEqual(recordIds({ id: 'GO-1', aliases: ['CVE-1', 'GHSA-x', 'CVE-1', 'GO-1'] }), [
    'GO-1',
    'CVE-1',
    'GHSA-x',
  ]);
  assert.deepEqual(recordIds({ id: 'RUSTSEC-1', aliases: null }), ['RUSTSEC-1']);
});

test('a real Go vulndb record reads as an OsvRecord', needsCorpora, () => {
  const record = JSON.parse(readFileSync(corpus('vulns/osv/go/GO-2020-0001.json'), 'utf8')) as OsvRecord;
  assert.equal(record.id, 'GO-2020-0001');
  const range = record.affected?.[0]?.ranges?.[0];
  assert.equal(range?.type, 'SEMVER');
  assert.deepEqual(range?.events.map(eventKind), ['introduced', 'fixed']);
});
