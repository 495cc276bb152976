// The CRA documents from a record: escaping, named missing inputs, role-dependent sets, a manifest
// that is byte-identical on a re-run and changes with any input; security.txt generation and checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  assessRecord,
  emptyRecord,
  noKnownExploitableVulnerabilities,
  sbomCoversTopLevelDependencies,
  type CraRecord,
} from '../record/index.js';
import {
  buildDocumentBundle,
  escapeHtml,
  escapeMarkdown,
  generateSecurityTxt,
  securityTxtExpiry,
  validateSecurityTxt,
  type DocumentContext,
} from './index.js';

function context(record: CraRecord, extra: Partial<DocumentContext> = {}): DocumentContext {
  return {
    productName: 'Vault',
    release: '2.1.0',
    date: '2026-12-04',
    record,
    assessment: assessRecord(record),
    sbomFile: null,
    ...extra,
  };
}

function filledRecord(): CraRecord {
  const r = emptyRecord();
  r.roleAnswers = { marketsUnderOwnName: true };
  r.category = 'password-manager';
  r.route = 'module-b-c';
  r.support = { start: '2027-01-01', endMonth: '2032-12', factors: { expectedUseTime: 'six years' } };
  r.cvd = {
    contacts: ['mailto:security@vault.example'],
    policyUrl: 'https://vault.example/cvd',
    securityTxtUrl: null,
    csafUrl: null,
    preferredLanguages: ['en', 'de'],
  };
  r.information = {
    manufacturerName: 'Vault & Co <script>alert(1)</script>',
    productType: '*Team* password manager [v2]',
  };
  return r;
}

const text = (bundle: ReturnType<typeof buildDocumentBundle>, path: string) =>
  new TextDecoder().decode(bundle.files.find((f) => f.path === path)!.content);

test('escaping: recorded text prints as text in Markdown and HTML', () => {
  assert.equal(escapeMarkdown('*Team* [v2] <b> & #1 | x_y'), '\\*Team\\* \\[v2\\] \\<b\\> &amp; \\#1 \\| x\\_y');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
  assert.equal(escapeMarkdown('1. not a list either'), '1\\. not a list either');
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  const bundle = buildDocumentBundle(context(filledRecord()));
  const html = text(bundle, 'annex-v-eu-declaration-of-conformity.html');
  assert.ok(!html.includes('<script>'), 'a script tag from the record reached the HTML');
  assert.match(html, /Vault &amp; Co &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  const md = text(bundle, 'annex-v-eu-declaration-of-conformity.md');
  assert.match(md, /Vault &amp; Co \\<script\\>alert\(1\)\\<\/script\\>/);
  assert.match(md, /\\\*Team\\\* password manager \\\[v2\\\]/);
});

test('missing inputs are named in the documents and in the manifest, never left blank', () => {
  const bundle = buildDocumentBundle(context(filledRecord()));
  const doc = text(bundle, 'annex-v-eu-declaration-of-conformity.md');
  assert.match(
    doc,
    /\*\*Postal address of the manufacturer\*\* _\\\[CRA Annex II \(1\), Annex V \(2\)\\\]_: {2}\n\*\*MISSING\*\* \(record field `information.manufacturerAddress`\)/,
  );
  assert.match(
    doc,
    /Notified body .*\n\*\*MISSING\*\* \(record field `information.notifiedBody`\)/,
    'module B+C needs the notified body (Annex V (7))',
  );
  assert.match(doc, /issued under the sole responsibility of the manufacturer/);
  assert.deepEqual(bundle.manifest.missing['annex-v-eu-declaration-of-conformity.md'], [
    'information.manufacturerAddress',
    'information.standardsApplied',
    'information.notifiedBody',
    'information.signatory',
    'information.signaturePlace',
    'information.signatureDate',
  ]);
  assert.deepEqual(bundle.manifest.missing['annex-vi-simplified-declaration.txt'], ['information.docUrl']);
  assert.match(text(bundle, 'annex-ii-user-information.md'), /End of the support period \(month\/year\).*\n12\/2032/);
  const empty = buildDocumentBundle(context(emptyRecord(), { release: null }));
  assert.match(text(empty, 'security.txt'), /^# MISSING: Contact \(record field cvd\.contacts\)/);
  assert.ok(Object.keys(empty.manifest.missing).length >= 6);
});

test('the bundle is deterministic: same inputs, same bytes; any change shows in the manifest', () => {
  const a = buildDocumentBundle(context(filledRecord()), {
    path: 'sbom/Vault-2.1.0.cdx.json',
    content: '{"bomFormat":"CycloneDX"}',
  });
  const b = buildDocumentBundle(context(filledRecord()), {
    path: 'sbom/Vault-2.1.0.cdx.json',
    content: '{"bomFormat":"CycloneDX"}',
  });
  assert.deepEqual(
    a.files.map((f) => f.path),
    b.files.map((f) => f.path),
  );
  a.files.forEach((f, i) => assert.deepEqual(f.content, b.files[i]!.content, f.path));
  const paths = a.files.map((f) => f.path);
  assert.deepEqual(paths.slice(0, -1), [...paths.slice(0, -1)].sort());
  assert.equal(paths.at(-1), 'manifest.json');
  for (const entry of a.manifest.files) {
    const file = a.files.find((f) => f.path === entry.path)!;
    assert.equal(entry.sha256, createHash('sha256').update(file.content).digest('hex'), entry.path);
  }
  const changed = filledRecord();
  changed.information.productType = 'Team password manager';
  const c = buildDocumentBundle(context(changed), {
    path: 'sbom/Vault-2.1.0.cdx.json',
    content: '{"bomFormat":"CycloneDX"}',
  });
  const differs = c.manifest.files.filter((f, i) => f.sha256 !== a.manifest.files[i]!.sha256).map((f) => f.path);
  assert.deepEqual(differs, [
    'annex-ii-user-information.html',
    'annex-ii-user-information.md',
    'annex-v-eu-declaration-of-conformity.html',
    'annex-v-eu-declaration-of-conformity.md',
    'annex-vi-simplified-declaration.txt',
  ]);
});

test('the document set follows the role: a steward gets the Art. 24 policy, no declaration of conformity', () => {
  const r = emptyRecord();
  r.roleAnswers = { marketsUnderOwnName: false, openSource: true, monetised: false, sustainsForCommercialUse: true };
  r.steward.policyElements = { secureDevelopment: 'https://foo.org/SECURITY.md' };
  r.cvd.contacts = ['https://foo.org/report'];
  const bundle = buildDocumentBundle(context(r));
  const paths = bundle.files.map((f) => f.path);
  assert.ok(paths.includes('steward-cybersecurity-policy.md'));
  assert.ok(!paths.some((p) => p.startsWith('annex-')), paths.join(', '));
  assert.match(text(bundle, 'cvd-policy.md'), /Art\. 24\(3\)/);
  assert.deepEqual(bundle.manifest.missing['steward-cybersecurity-policy.md'], [
    'steward.policyElements.vulnerabilityHandling',
    'steward.policyElements.voluntaryReporting',
    'steward.policyElements.remediation',
    'steward.policyElements.informationSharing',
    'steward.authorityContacts',
  ]);
  const distributor = emptyRecord();
  distributor.roleAnswers = { marketsUnderOwnName: false, makesAvailableUnchanged: true };
  assert.deepEqual(
    buildDocumentBundle(context(distributor)).files.map((f) => f.path),
    ['index.html', 'index.md', 'manifest.json'],
  );
});

test('security.txt: the generated file passes the validator; each rule has a failing case', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const generated = generateSecurityTxt({
    contacts: ['mailto:security@vault.example', 'https://vault.example/report'],
    expires: securityTxtExpiry('2026-12-04'),
    policyUrl: 'https://vault.example/cvd',
    preferredLanguages: ['en', 'de'],
    csafUrl: 'https://vault.example/.well-known/csaf/provider-metadata.json',
    canonicalUrl: 'https://vault.example/.well-known/security.txt',
  });
  assert.equal(securityTxtExpiry('2026-12-04'), '2027-12-03T23:59:59Z');
  const ok = validateSecurityTxt(generated, now);
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.fields['preferred-languages'], ['en, de']);

  const cases: Array<[string, RegExp, 'error' | 'warning']> = [
    ['Expires: 2027-06-01T00:00:00Z\n', /no Contact field/, 'error'],
    ['Contact: mailto:a@b.example\n', /no Expires field/, 'error'],
    ['Contact: mailto:a@b.example\nExpires: 2026-01-01T00:00:00Z\n', /in the past/, 'error'],
    ['Contact: mailto:a@b.example\nExpires: 2028-06-01T00:00:00Z\n', /more than a year ahead/, 'warning'],
    ['Contact: mailto:a@b.example\nExpires: next year\n', /not an RFC 3339 date-time/, 'error'],
    ['Contact: http://b.example/report\nExpires: 2027-06-01T00:00:00Z\n', /uses http/, 'error'],
    ['Contact: a@b.example\nExpires: 2027-06-01T00:00:00Z\n', /not a mailto:, tel: or https/, 'error'],
    [
      'Contact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\nExpires: 2027-07-01T00:00:00Z\n',
      /appears 2 times/,
      'error',
    ],
    [
      'Contact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\nPreferred-Languages: en\nPreferred-Languages: de\n',
      /appears 2 times/,
      'error',
    ],
    [
      'Contact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\nCSAF: https://b.example/csaf.json\n',
      /provider-metadata\.json/,
      'error',
    ],
    [
      'Contact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\nthis is not a field\n',
      /is not "Field: value"/,
      'error',
    ],
    [
      'Contact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\nX-Colour: red\n',
      /unknown field "X-Colour"/,
      'warning',
    ],
  ];
  for (const [body, message, severity] of cases) {
    const verdict = validateSecurityTxt(body, now);
    const hit = verdict.problems.find((p) => message.test(p.message));
    assert.ok(hit, `${JSON.stringify(body)}: ${JSON.stringify(verdict.problems)}`);
    assert.equal(hit.severity, severity);
    assert.equal(verdict.ok, severity !== 'error', JSON.stringify(body));
  }
  const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b.example\nExpires: 2027-06-01T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n`;
  const verdict = validateSecurityTxt(signed, now);
  assert.deepEqual([verdict.ok, verdict.signed, verdict.fields.contact], [true, true, ['mailto:a@b.example']]);
});

test('the Annex I matrix document prints the computed requirements with their release, blocking findings and reasons', () => {
  const release = { id: 3, number: '2.1.0' };
  const ia = noKnownExploitableVulnerabilities({
    release,
    scan: { scannedAt: '2026-12-04T08:00:00.000Z', stale: false, databaseRecords: 5 },
    findings: [
      {
        id: 9,
        vulnerability: 'CVE-2026-4242',
        aliases: [],
        component: 'pkg:npm/left-pad',
        version: '1.0.0',
        rating: 'critical',
        kev: false,
        state: null,
        conflict: false,
      },
    ],
    threshold: 'high',
  });
  const ii1 = sbomCoversTopLevelDependencies(release, []);
  const bundle = buildDocumentBundle(context(filledRecord(), { computed: [ia, ii1] }));
  const md = new TextDecoder().decode(
    bundle.files.find((f) => f.path === 'annex-i-essential-requirements.md')!.content,
  );
  assert.match(
    md,
    /I\.a \| Made available without known exploitable vulnerabilities \| not-met \(computed for release 2\.1\.0\) \| CVE-2026-4242 in pkg:npm\/left-pad \| 1 finding of release 2\.1\.0 may be exploitable/,
  );
  assert.match(
    md,
    /II\.1 \| .* \| not-met \(computed for release 2\.1\.0\) \| {2}\| no SBOM has been imported into release 2\.1\.0/,
  );
});
