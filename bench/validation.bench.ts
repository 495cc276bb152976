// Release validation in memory: a synthetic release of 10k and 100k usages whose licence strings mix
// like a real Java/JS portfolio (plain ids, lists needing AND confirmation, ORs needing a choice,
// names needing a curation, context-allowed licences needing a derogation), resolved by a handful of
// reusable decisions so that all six steps and the obligations do their full work. Baseline: walk
// the same usages and parse each one's licence string once, with nothing else.
import type { BenchCase } from './case.js';
import { parseExpression } from '../src/licenses/expression/index.js';
import { builtinKnowledgeBase } from '../src/licenses/kb/index.js';
import {
  releaseObligations,
  validateRelease,
  type ReleaseSnapshot,
  type ReleaseUsage,
} from '../src/compliance/index.js';
import type { Decision } from '../src/model/decision.js';

const MIX: [string, number][] = [
  ['MIT', 55],
  ['Apache-2.0', 15],
  ['ISC', 6],
  ['BSD-3-Clause', 5],
  ['Apache-2.0 AND EPL-1.0', 5],
  ['MIT OR Apache-2.0', 4],
  ['GNU Lesser General Public License', 3],
  ['LGPL-2.1-only', 3],
  ['BSD License', 2],
  ['(MIT OR GPL-3.0-only)', 2],
];

function syntheticRelease(size: number): ReleaseSnapshot {
  const table = MIX.flatMap(([l, n]) => Array<string>(n).fill(l));
  const usages: ReleaseUsage[] = [];
  for (let i = 0; i < size; i++) {
    const name = `pkg-${i}`;
    const purl = `pkg:npm/${name}`;
    usages.push({
      component: {
        id: i + 1,
        purlType: 'npm',
        namespace: null,
        name,
        purl,
        description: null,
        homepage: null,
        language: null,
      },
      version: {
        id: i + 1,
        componentId: i + 1,
        number: '1.0.0',
        purl: `${purl}@1.0.0`,
        declaredLicense: table[(i * 7919) % table.length],
        concludedLicense: null,
        correctedLicense: null,
        copyright: null,
      },
      usage: {
        id: i + 1,
        releaseId: 1,
        versionId: i + 1,
        scope: i % 5 === 0 ? 'dev' : 'prod',
        project: `module-${i % 100}`,
        linking: null,
        modified: false,
        exploitation: null,
        chosenLicense: null,
        status: 'auto',
        addedBy: 'import',
      },
    });
  }
  const base = { author: 'bench', createdAt: '2026-01-01T00:00:00Z', explanation: '' };
  const any = {
    categoryId: null,
    productId: null,
    releaseId: null,
    scope: null,
    project: null,
    exploitation: null,
    component: null,
    version: null,
  };
  let id = 1;
  const decisions: Decision[] = [
    {
      ...base,
      id: id++,
      type: 'curation',
      kind: 'curation',
      component: null,
      version: null,
      fromExpression: 'GNU Lesser General Public License',
      toExpression: 'LGPL-2.1-only',
    },
    {
      ...base,
      id: id++,
      type: 'curation',
      kind: 'curation',
      component: null,
      version: null,
      fromExpression: 'BSD License',
      toExpression: 'BSD-3-Clause',
    },
    {
      ...base,
      id: id++,
      type: 'curation',
      kind: 'and-confirmation',
      component: null,
      version: null,
      fromExpression: 'Apache-2.0 AND EPL-1.0',
      toExpression: 'Apache-2.0 OR EPL-1.0',
    },
    { ...base, ...any, id: id++, type: 'choice', fromExpression: 'Apache-2.0 OR EPL-1.0', toExpression: 'Apache-2.0' },
    { ...base, ...any, id: id++, type: 'choice', fromExpression: 'MIT OR Apache-2.0', toExpression: 'MIT' },
    { ...base, ...any, id: id++, type: 'choice', fromExpression: 'MIT OR GPL-3.0-only', toExpression: 'MIT' },
    { ...base, ...any, id: id++, type: 'derogation', license: 'LGPL-2.1-only', linking: null },
  ];
  const always = ['MIT', 'Apache-2.0', 'ISC', 'BSD-3-Clause'];
  return {
    release: {
      id: 1,
      productId: 1,
      number: '1.0',
      shipStatus: 'in-development',
      commit: null,
      outboundLicenses: ['Apache-2.0'],
      validationStep: 0,
    },
    product: { id: 1, name: 'synthetic', description: null, owner: null, categoryIds: [], outboundLicenses: [] },
    categories: [],
    usages,
    exploitationRules: [
      { id: 1, releaseId: 1, scope: null, project: null, exploitation: 'distribution' },
      { id: 2, releaseId: 1, scope: 'dev', project: null, exploitation: 'internal' },
    ],
    decisions,
    policy: {
      entries: [
        ...always.map((license) => ({
          license,
          allowed: 'always' as const,
          reviewStatus: 'checked' as const,
          comment: null,
          categories: [],
        })),
        {
          license: 'LGPL-2.1-only',
          allowed: 'context' as const,
          reviewStatus: 'checked' as const,
          comment: null,
          categories: [],
        },
        {
          license: 'EPL-1.0',
          allowed: 'context' as const,
          reviewStatus: 'checked' as const,
          comment: null,
          categories: [],
        },
      ],
    },
    knowledgeBase: builtinKnowledgeBase(),
    // The synthetic strings are clean SPDX or curated; normaliser answers would need curations.
    settings: { acceptNormaliser: 'off' },
  };
}

export function cases(): BenchCase[] {
  return [10_000, 100_000].flatMap((size): BenchCase[] => {
    const group = `validate release ${size / 1000}k usages`;
    return [
      {
        group,
        name: 'iterate + parse each licence once (bare)',
        baseline: true,
        setup: () => syntheticRelease(size),
        run: (prepared) => {
          const s = prepared as ReleaseSnapshot;
          let valid = 0;
          for (const u of s.usages) if (parseExpression(u.version.declaredLicense ?? '').expression) valid++;
          if (valid === 0) throw new Error('nothing parsed');
          return s.usages.length;
        },
      },
      {
        group,
        name: 'validateRelease (six steps)',
        setup: () => syntheticRelease(size),
        run: (prepared) => {
          const s = prepared as ReleaseSnapshot;
          const v = validateRelease(s);
          if (v.validationStep !== 6)
            throw new Error(
              `synthetic release stopped at step ${v.validationStep}: ${v.steps.flatMap((x) => x.blockers)[0]?.message}`,
            );
          return s.usages.length;
        },
      },
      {
        group,
        name: 'validateRelease + obligations',
        setup: () => syntheticRelease(size),
        run: (prepared) => {
          const s = prepared as ReleaseSnapshot;
          const o = releaseObligations(s, validateRelease(s));
          if (o.groups.length === 0) throw new Error('no obligations');
          return s.usages.length;
        },
      },
    ];
  });
}
