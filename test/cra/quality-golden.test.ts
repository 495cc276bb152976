// The real SBOMs of the corpora scored against every profile; the numbers are in a golden file
// (UPDATE_GOLDEN=1 rewrites it). Each check reads "covered/total", prefixed "FAIL " when it fails.
//
// Verified by hand (2026-12-03) on two documents, independently of Vigie, with jq over the raw JSON:
// - sboms/cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.json (CycloneDX 1.2): 167 components +
//   the primary = 168 counted. `[.components[]|select(.hashes|length>0)]|length` = 167 and the primary
//   has no hashes → cisa.hash 167/168. 90 components carry publisher/supplier/author, the primary
//   none → ntia.supplier 90/168. Components (primary included) with an https/http vcs or
//   source-distribution reference: 131 → bsi.component.source-uri 131/168; with a distribution
//   reference: 115 → deployable-uri 115/168. Grouping the licence entries: 134 have an id or
//   expression (cisa.license 134/168), of which 114 are SPDX only (bsi original-license 114/168;
//   the other 20 mix in free-text names). The 167 dependency entries do not include the primary's
//   ref → ntia.dependencies fails, cisa.dependencies 167/168, and only the primary is reachable
//   (cisa.coverage 1/168). specVersion 1.2 → bsi.format and cisa.format fail.
// - sboms/spdx/examples/software/example1/spdx3.0/example1.json (SPDX 3.0.1): one software_Package
//   (described) and three software_File = 4 components. None has software_packageVersion → version
//   0/4; the files carry 3 Hash entries each, the package only a verification code → cisa.hash 3/4;
//   every element hasConcludedLicense → GPL-3.0-or-later (distribution licence 4/4) and
//   hasDeclaredLicense → GPL-3.0-or-later except ./build/hello → NOASSERTION (original licence
//   3/4); the creator Person has an email identifier → bsi.sbom.creator passes; there is no
//   dependsOn relationship → completeness not stated and dependencies listed 0/4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readSbom } from '../../src/sbom/read.js';
import {
  buildView,
  evaluateProfile,
  evaluateProfiles,
  kindOf,
  QUALITY_PROFILES,
  type ProfileResult,
} from '../../src/cra/profiles/index.js';
import { PROBES } from '../../src/cra/profiles/probes/index.js';
import type { Sbom } from '../../src/model/index.js';
import { corpus, corpusFiles, needsCorpora } from '../support/corpora.js';
import { assertGolden } from '../support/golden.js';

test('corpus SBOMs scored against every profile match the golden file', needsCorpora, () => {
  const files = [...corpusFiles('sboms/cyclonedx/bom-examples/SBOM'), ...corpusFiles('sboms/spdx/examples')];
  const out: Record<string, unknown> = {};
  for (const file of files) {
    const name = relative(corpus('sboms'), file);
    let sbom;
    try {
      sbom = readSbom(readFileSync(file, 'utf8'), file).sbom;
    } catch (err) {
      out[name] = `not read: ${(err as Error).message}`;
      continue;
    }
    const scored: Record<string, unknown> = {};
    for (const result of evaluateProfiles(QUALITY_PROFILES, sbom)) {
      const checks: Record<string, string> = {};
      for (const c of result.checks) checks[c.id] = `${c.pass ? '' : 'FAIL '}${c.covered}/${c.total}`;
      scored[result.profile] = { pass: result.pass, checks };
    }
    out[name] = scored;
  }
  assertGolden('sbom-quality-corpus.json', JSON.stringify(out, null, 1) + '\n');
});

test('the hand-verified figures hold, whatever the golden file says', needsCorpora, () => {
  const score = (path: string) => {
    const { sbom } = readSbom(readFileSync(corpus('sboms', path), 'utf8'), path);
    const out: Record<string, string> = {};
    for (const r of evaluateProfiles(QUALITY_PROFILES, sbom))
      for (const c of r.checks) out[c.id] = `${c.covered}/${c.total}`;
    return out;
  };
  const dropwizard = score('cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.json');
  assert.deepEqual(
    [
      dropwizard['cisa.hash'],
      dropwizard['ntia.supplier'],
      dropwizard['bsi.component.source-uri'],
      dropwizard['bsi.component.deployable-uri'],
      dropwizard['cisa.license'],
      dropwizard['bsi.component.original-license'],
      dropwizard['cisa.dependencies'],
      dropwizard['cisa.coverage'],
    ],
    ['167/168', '90/168', '131/168', '115/168', '134/168', '114/168', '167/168', '1/168'],
  );
  const example1 = score('spdx/examples/software/example1/spdx3.0/example1.json');
  assert.deepEqual(
    [
      example1['bsi.component.version'],
      example1['cisa.hash'],
      example1['bsi.component.distribution-license'],
      example1['bsi.component.original-license'],
      example1['bsi.sbom.creator'],
      example1['bsi.component.dependencies'],
    ],
    ['0/4', '3/4', '4/4', '3/4', '1/1', '0/4'],
  );
});

/** Every check run the plain way: each component of the view, its kind, whether the probe applies, its verdict. */
function scoredOneByOne(sbom: Sbom): ProfileResult[] {
  const view = buildView(sbom);
  return QUALITY_PROFILES.map((profile) => {
    const checks = profile.checks.map((check) => {
      const base = { id: check.id, title: check.title, clause: check.clause, level: check.level };
      const probe = PROBES[check.probe];
      if (probe.scope === 'document') {
        const verdict = probe.test(view);
        if (verdict === 'not-applicable') return { ...base, pass: true, covered: 0, total: 0, failing: [] };
        return { ...base, pass: verdict, covered: verdict ? 1 : 0, total: 1, failing: [] };
      }
      let covered = 0;
      let total = 0;
      const failing: string[] = [];
      for (const c of view.components) {
        if (check.kinds && !check.kinds.includes(kindOf(c, view))) continue;
        if (probe.appliesTo && !probe.appliesTo(c, view)) continue;
        total++;
        if (probe.test(c, view)) covered++;
        else failing.push(c.ref);
      }
      return { ...base, pass: failing.length === 0, covered, total, failing };
    });
    return { profile: profile.id, pass: checks.every((c) => c.pass || c.level !== 'required'), checks };
  });
}

/** Components of every kind (excluded, described elsewhere, a model, a dataset) beside ordinary ones. */
const MIXED_KINDS = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'app', version: '1' } },
  components: [
    {
      type: 'library',
      'bom-ref': 'a',
      name: 'a',
      version: '1.0.0',
      purl: 'pkg:npm/a@1.0.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
    { type: 'library', 'bom-ref': 'b', name: 'b', scope: 'excluded' },
    {
      type: 'library',
      'bom-ref': 'c',
      name: '',
      version: '2',
      externalReferences: [{ type: 'bom', url: 'https://example.com/c.cdx.json' }],
    },
    {
      type: 'machine-learning-model',
      'bom-ref': 'm',
      name: 'model',
      version: '3',
      purl: 'pkg:huggingface/org/model@abc',
    },
    { type: 'data', 'bom-ref': 'd', name: 'dataset', scope: 'excluded' },
    { type: 'library', 'bom-ref': 'e', name: 'e', purl: 'not a purl' },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['a', 'b', 'm'] },
    { ref: 'a', dependsOn: ['c'] },
  ],
});

test(
  'profiles scored together give what each check run alone gives; a failing limit keeps the counts',
  needsCorpora,
  () => {
    const files = [...corpusFiles('sboms/cyclonedx/bom-examples/SBOM'), ...corpusFiles('sboms/spdx/examples')];
    const documents: [string, string][] = [
      ['mixed kinds', MIXED_KINDS],
      ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
    ];
    let compared = 0;
    let limited = 0;
    for (const [name, text] of documents) {
      let sbom;
      try {
        sbom = readSbom(text, name).sbom;
      } catch {
        continue;
      }
      const together = evaluateProfiles(QUALITY_PROFILES, sbom);
      assert.deepEqual(together, scoredOneByOne(sbom), name);
      assert.deepEqual(
        QUALITY_PROFILES.map((p) => evaluateProfile(p, sbom)),
        together,
        name,
      );
      const capped = evaluateProfiles(QUALITY_PROFILES, sbom, { failingLimit: 2 });
      capped.forEach((result, i) =>
        result.checks.forEach((c, j) => {
          const whole = together[i]!.checks[j]!;
          assert.deepEqual({ ...c, failing: undefined }, { ...whole, failing: undefined }, `${name} ${c.id}`);
          assert.deepEqual(c.failing, whole.failing.slice(0, 2), `${name} ${c.id}`);
          if (whole.failing.length > 2) limited++;
        }),
      );
      compared++;
    }
    assert.ok(compared > 10, `only ${compared} documents read`);
    assert.ok(limited > 0, 'no check had more failures than the limit');
  },
);
