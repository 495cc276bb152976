import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicableUpstreamTriage, type TriageRecord } from './triage.js';

// The stored-findings side of VEX on distribution advisories: analyses recorded for the CVEs an
// RHSA or DSA names in `upstream` speak for it only when they cover every one of them.
const facts = { productId: 1, releaseId: 2, component: 'pkg:deb/debian/lib', version: '1.0-1' };
let id = 0;
const record = (cve: string, state: TriageRecord['analysis']['state']): TriageRecord => ({
  id: ++id,
  vulnerabilityId: cve,
  aliases: [],
  productId: 1,
  releaseId: 2,
  component: 'pkg:deb/debian/lib',
  version: '1.0-1',
  analysis: { state, justification: 'code_not_reachable', responses: [] },
  author: 'psirt',
  createdAt: '2026-12-04T00:00:00Z',
  origin: 'manual',
});

test('the analysis of an advisory’s one upstream CVE applies to it', () => {
  const pick = applicableUpstreamTriage([record('CVE-2099-3001', 'not_affected')], facts, ['CVE-2099-3001']);
  assert.equal(pick.kind, 'decided');
});

test('the analysis of one of several upstream CVEs does not; of all of them, agreeing, does', () => {
  const one = record('CVE-2099-3002', 'not_affected');
  const two = record('CVE-2099-3003', 'not_affected');
  const cves = ['CVE-2099-3002', 'CVE-2099-3003'];
  assert.equal(applicableUpstreamTriage([one], facts, cves).kind, 'none');
  assert.equal(applicableUpstreamTriage([one, two], facts, cves).kind, 'decided');
  assert.equal(applicableUpstreamTriage([one, record('CVE-2099-3003', 'exploitable')], facts, cves).kind, 'conflict');
});
