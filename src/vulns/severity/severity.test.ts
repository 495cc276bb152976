import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, corpusFiles, needsCorpora } from '../../../test/support/corpora.js';
import { parseEpss, parseKev, scoreCvss, type CvssScore } from './index.js';

function score(vector: string): CvssScore {
  const r = scoreCvss(vector);
  assert.ok(!('error' in r), `${vector}: ${'error' in r ? r.error : ''}`);
  return r;
}

describe('CVSS base scores', () => {
  test('v2.0: the worked examples of the FIRST CVSS v2 guide (§3.3)', () => {
    // CVE-2002-0392 (Apache chunked encoding), CVE-2003-0818 (Windows ASN.1), CVE-2003-0062 (NOD32).
    assert.equal(score('AV:N/AC:L/Au:N/C:N/I:N/A:C').baseScore, 7.8);
    assert.equal(score('AV:N/AC:L/Au:N/C:C/I:C/A:C').baseScore, 10);
    assert.equal(score('AV:L/AC:H/Au:N/C:C/I:C/A:C').baseScore, 6.2);
    assert.equal(score('AV:L/AC:H/Au:N/C:C/I:C/A:C').rating, 'medium');
  });

  test('v3.x: examples of FIRST "CVSS v3.1: Examples"', () => {
    const examples: [string, string, number, string][] = [
      ['CVE-2013-1937 phpMyAdmin reflected XSS', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
      ['CVE-2013-0375 MySQL stored SQL injection', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4, 'medium'],
      ['CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1, 'low'],
      ['CVE-2012-1516 VMware guest to host escape', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'critical'],
      ['CVE-2009-0783 Apache Tomcat XML parser', 'CVSS:3.0/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2, 'medium'],
      ['CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'],
      ['CVE-2014-6271 GNU Bash Shellshock', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
      ['CVE-2013-6014 Juniper proxy ARP', 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:N/I:H/A:N', 7.4, 'high'],
    ];
    for (const [name, vector, base, rating] of examples) {
      assert.deepEqual([name, score(vector).baseScore, score(vector).rating], [name, base, rating]);
    }
  });

  test("v4.0: base scores of FIRST's reference calculator (the macro-vector lookup)", () => {
    assert.equal(score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').baseScore, 9.3);
    assert.equal(score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H').baseScore, 10);
    assert.equal(score('CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').baseScore, 8.5);
    assert.equal(score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N').rating, 'high');
    assert.equal(score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N').rating, 'none');
  });

  test('every vector/score pair in the CSAF examples agrees', needsCorpora, () => {
    let pairs = 0;
    const visit = (x: unknown): void => {
      if (typeof x !== 'object' || x === null) return;
      const o = x as { vectorString?: unknown; baseScore?: unknown };
      if (typeof o.vectorString === 'string' && typeof o.baseScore === 'number') {
        pairs++;
        assert.equal(score(o.vectorString).baseScore, o.baseScore, o.vectorString);
      }
      for (const v of Object.values(x)) visit(v);
    };
    for (const f of corpusFiles('vulns/csaf/examples', (p) => p.endsWith('.json')))
      visit(JSON.parse(readFileSync(f, 'utf8')));
    assert.ok(pairs >= 15, `${pairs} pairs`);
  });

  test('incomplete or invented vectors are refused with the reason', () => {
    assert.deepEqual(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'), {
      error: 'CVSS 3.1 vector "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H": base metric A missing',
    });
    assert.match(
      (scoreCvss('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H') as { error: string }).error,
      /AV cannot be "Q"/,
    );
    assert.match(
      (scoreCvss('CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H') as { error: string }).error,
      /appears twice/,
    );
    assert.match((scoreCvss('CVSS:9.0/AV:N') as { error: string }).error, /not supported/);
    assert.match((scoreCvss('hello') as { error: string }).error, /unknown metric/);
  });
});

describe('EPSS', () => {
  test('reads the model header, scores and percentiles; names bad lines', () => {
    const file = parseEpss(
      '#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\r\nCVE-1999-0001,0.0114,0.8\nnot-a-cve,0.1,0.2\nCVE-2020-0001,1.5,0.3\n',
    );
    assert.equal(file.modelVersion, 'v2025.03.14');
    assert.equal(file.scoreDate, '2025-08-25T12:55:00Z');
    assert.deepEqual(file.scores.get('CVE-2021-44228'), { epss: 0.94358, percentile: 0.99957 });
    assert.equal(file.scores.size, 2);
    assert.deepEqual(file.problems, [
      'line 5: "not-a-cve" is not a CVE id',
      'line 6: CVE-2020-0001: epss and percentile must be numbers between 0 and 1',
    ]);
  });

  test('a file that is not EPSS says so', () => {
    assert.deepEqual(parseEpss('name,value\nx,1\n').problems, [
      'line 1: expected the header "cve,epss,percentile", found "name,value"',
    ]);
    assert.deepEqual(parseEpss('').problems, ['no "cve,epss,percentile" header: not an EPSS score file']);
  });
});

describe('KEV', () => {
  test('the CISA catalogue in the corpora reads whole, with dates and the ransomware flag', needsCorpora, () => {
    const kev = parseKev(JSON.parse(readFileSync(corpus('vulns/kev/known_exploited_vulnerabilities.json'), 'utf8')));
    assert.ok(!('error' in kev));
    assert.equal(kev.catalogVersion, '2025.08.25');
    assert.equal(kev.entries.size, 1404);
    assert.deepEqual(kev.problems, []);
    assert.equal([...kev.entries.values()].filter((e) => e.knownRansomwareCampaignUse).length, 293);
    const log4shell = kev.entries.get('CVE-2021-44228');
    assert.equal(log4shell?.product, 'Log4j2');
    assert.equal(log4shell?.dateAdded, '2021-12-10');
    assert.equal(log4shell?.knownRansomwareCampaignUse, true);
  });

  test('entries that cannot be read are named, the rest kept', () => {
    const kev = parseKev({
      vulnerabilities: [
        { cveID: 'CVE-2024-0001', dateAdded: '2024-01-02', knownRansomwareCampaignUse: 'Unknown' },
        { cveID: 'nope', dateAdded: '2024-01-02', knownRansomwareCampaignUse: 'Unknown' },
        { cveID: 'CVE-2024-0002', dateAdded: 'yesterday', knownRansomwareCampaignUse: 'Known' },
      ],
    });
    assert.ok(!('error' in kev));
    assert.deepEqual([...kev.entries.keys()], ['CVE-2024-0001']);
    assert.deepEqual(kev.problems, [
      'vulnerabilities[1]: cveID "nope" is not a CVE id',
      'vulnerabilities[2] (CVE-2024-0002): dateAdded is not YYYY-MM-DD',
    ]);
    assert.deepEqual(parseKev([1, 2]), { error: 'not a CISA KEV catalogue: no "vulnerabilities" array' });
  });
});
