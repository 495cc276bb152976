import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockingReason,
  noKnownExploitableVulnerabilities,
  sbomCoversTopLevelDependencies,
  type ComputedFindingInput,
} from './annex-i-computed.js';
import type { ProfileResult } from '../profiles/profile.js';

const finding = (over: Partial<ComputedFindingInput>): ComputedFindingInput => ({
  id: 1,
  vulnerability: 'CVE-2026-1',
  aliases: [],
  component: 'pkg:npm/a',
  version: '1.0.0',
  rating: 'medium',
  kev: false,
  state: null,
  conflict: false,
  ...over,
});
const release = { id: 7, number: '2.0' };
const scan = { scannedAt: '2026-12-04T08:00:00.000Z', stale: false, databaseRecords: 10 };

test('a finding blocks Part I (a) when KEV-listed, analysed exploitable, unscored or at the threshold, unless an analysis settles it', () => {
  assert.equal(blockingReason(finding({ rating: 'medium' }), 'high'), null);
  assert.match(blockingReason(finding({ rating: 'high' }), 'high')!, /^rated high \(threshold high\); not triaged$/);
  assert.match(blockingReason(finding({ rating: 'medium' }), 'medium')!, /rated medium/);
  assert.match(
    blockingReason(finding({ rating: 'low', kev: true }), 'critical')!,
    /^listed in CISA KEV \(known exploited\); not triaged$/,
  );
  assert.match(
    blockingReason(finding({ rating: 'low', state: 'exploitable' }), 'critical')!,
    /^analysed as exploitable; analysis exploitable$/,
  );
  assert.match(blockingReason(finding({ rating: 'unknown' }), 'critical')!, /no known severity/);
  assert.match(blockingReason(finding({ rating: 'critical', conflict: true }), 'high')!, /analyses conflict$/);
  assert.match(blockingReason(finding({ rating: 'critical', state: 'in_triage' }), 'high')!, /analysis in_triage$/);
  for (const state of ['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree']) {
    assert.equal(blockingReason(finding({ rating: 'critical', kev: true, state }), 'low'), null, state);
  }
});

test('Part I (a): not evaluated without release, scan or database; met with no blocking finding; not met naming the findings, KEV first', () => {
  assert.equal(
    noKnownExploitableVulnerabilities({ release: null, scan: null, findings: [], threshold: 'high' }).status,
    'not-evaluated',
  );
  assert.match(
    noKnownExploitableVulnerabilities({ release, scan: null, findings: [], threshold: 'high' }).reasons[0]!,
    /has not been scanned/,
  );
  assert.match(
    noKnownExploitableVulnerabilities({
      release,
      scan: { ...scan, databaseRecords: 0 },
      findings: [],
      threshold: 'high',
    }).reasons[0]!,
    /empty vulnerability database/,
  );

  const met = noKnownExploitableVulnerabilities({
    release,
    scan,
    findings: [finding({ rating: 'low' })],
    threshold: 'high',
  });
  assert.equal(met.status, 'met');
  assert.match(met.reasons[0]!, /none of the 1 findings of release 2\.0 is known exploitable/);
  assert.equal(
    noKnownExploitableVulnerabilities({ release, scan: { ...scan, stale: true }, findings: [], threshold: 'high' })
      .status,
    'not-evaluated',
    'a stale scan proves nothing',
  );

  const notMet = noKnownExploitableVulnerabilities({
    release,
    scan: { ...scan, stale: true },
    findings: [
      finding({ id: 1, vulnerability: 'CVE-2026-1', rating: 'critical' }),
      finding({ id: 2, vulnerability: 'CVE-2026-2', rating: 'low', kev: true }),
      finding({ id: 3, vulnerability: 'CVE-2026-3', rating: 'critical', state: 'not_affected' }),
    ],
    threshold: 'high',
  });
  assert.equal(notMet.status, 'not-met');
  assert.deepEqual(
    notMet.findings.map((f) => [f.id, f.vulnerability]),
    [
      [2, 'CVE-2026-2'],
      [1, 'CVE-2026-1'],
    ],
  );
  assert.match(
    notMet.reasons[0]!,
    /2 findings of release 2\.0 may be exploitable and are not settled.*CRA Annex I Part I \(2\)\(a\)/,
  );
  assert.match(notMet.reasons.at(-1)!, /stale/);
});

const result = (pass: boolean): ProfileResult => ({
  profile: 'cra-annex-i',
  pass,
  checks: [
    {
      id: 'cra.format',
      title: 'Commonly used, machine-readable format',
      clause: 'CRA Annex I Part II(1)',
      level: 'required',
      pass: true,
      covered: 1,
      total: 1,
      failing: [],
    },
    {
      id: 'cra.top-level-identified',
      title: 'Top-level dependencies identified',
      clause: 'CRA Annex I Part II(1)',
      level: 'required',
      pass,
      covered: pass ? 3 : 2,
      total: 3,
      failing: pass ? [] : ['lib-b'],
    },
  ],
});

test('Part II (1): met when every current document passes; not met naming the failing check and components; not evaluated without a stored result', () => {
  assert.equal(sbomCoversTopLevelDependencies(null, []).status, 'not-evaluated');
  assert.match(sbomCoversTopLevelDependencies(release, []).reasons[0]!, /no SBOM has been imported into release 2\.0/);
  assert.equal(
    sbomCoversTopLevelDependencies(release, [{ importId: 1, document: 'a.json', result: result(true) }]).status,
    'met',
  );
  const failing = sbomCoversTopLevelDependencies(release, [
    { importId: 1, document: 'a.json', result: result(true) },
    { importId: 2, document: 'b.json', result: result(false) },
  ]);
  assert.equal(failing.status, 'not-met');
  assert.deepEqual(
    failing.failingChecks.map((f) => [f.importId, f.check, f.failing]),
    [[2, 'cra.top-level-identified', ['lib-b']]],
  );
  assert.match(
    failing.reasons[0]!,
    /cra\.top-level-identified "Top-level dependencies identified" in b\.json \(2\/3\)/,
  );
  const old = sbomCoversTopLevelDependencies(release, [{ importId: 1, document: 'old.json', result: null }]);
  assert.equal(old.status, 'not-evaluated');
  assert.match(old.reasons[0]!, /no stored quality result for old\.json/);
});
