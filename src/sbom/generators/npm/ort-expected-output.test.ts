// Compares our inventory of ORT's synthetic npm projects with ORT's own analyzer result for them
// (`<name>-expected-output.yml` beside each project): the same packages, the same dev/non-dev split,
// the same edges, except for the differences explained below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { corpus, needsCorpora } from '../../../../test/support/corpora.js';
import type { Component, Sbom } from '../../../model/index.js';
import { generateNpmSbom } from './generate-npm-sbom.js';

const NPM = 'lockfiles/ort-synthetic/node/npm';

interface OrtNode {
  id: string;
  dependencies?: OrtNode[];
}
interface OrtProject {
  id: string;
  scopes?: { name: string; dependencies?: OrtNode[] }[];
}

interface Case {
  expected: string;
  lockfiles: string[];
  /** Packages we list and ORT does not, with the reason. */
  onlyOurs: string[];
  /** Edges we have and ORT's tree lacks (`from -> to`). */
  extraEdges: string[];
}

// ORT ran `npm install` on Linux, which skips packages whose `os` excludes Linux (fsevents and the
// packages only it needs, lmdb's darwin build); a lockfile inventory lists every platform's optional
// packages, as the lockfile does (they are scoped `optional`). ORT also prints its dependency tree
// without the edge that closes a cycle (errlop ⇄ editions, snapdragon-node ⇄ snapdragon-util).
const CASES: Case[] = [
  {
    expected: 'babel-expected-output.yml',
    lockfiles: ['babel/package-lock.json'],
    onlyOurs: ['NPM::fsevents:1.2.13', 'NPM::bindings:1.5.0', 'NPM::file-uri-to-path:1.0.0', 'NPM::nan:2.22.0'],
    extraEdges: ['NPM::chokidar:1.7.0 -> NPM::fsevents:1.2.13'],
  },
  {
    expected: 'project-with-lockfile-expected-output.yml',
    lockfiles: ['project-with-lockfile/package-lock.json'],
    onlyOurs: ['NPM:@lmdb:lmdb-darwin-arm64:3.0.13'],
    extraEdges: [],
  },
  {
    expected: 'shrinkwrap-expected-output.yml',
    lockfiles: ['shrinkwrap/npm-shrinkwrap.json'],
    onlyOurs: [],
    extraEdges: ['NPM::errlop:1.1.1 -> NPM::editions:2.1.3'],
  },
  {
    expected: 'node-modules-expected-output.yml',
    lockfiles: ['node-modules/package-lock.json'],
    onlyOurs: [],
    extraEdges: ['NPM::errlop:1.1.1 -> NPM::editions:2.1.3'],
  },
  {
    expected: 'version-urls-expected-output.yml',
    lockfiles: ['version-urls/package-lock.json'],
    onlyOurs: [],
    extraEdges: ['NPM::snapdragon-util:1.0.6 -> NPM::snapdragon-node:1.0.6'],
  },
  {
    // ORT analyses every package.json of the folder: the workspace root with its workspaces, and the
    // separate project non-workspace/pkg3 with its own lockfile; we read both lockfiles.
    // Workspaces are ORT projects, not packages; for us they are library components. ORT also takes
    // @here/harp-fetch 0.3.6 for a project because it sits under a workspace folder
    // (packages/pkg2/node_modules), yet it is a registry package. And ORT's tree leaves out the peer
    // edge css-parser-algorithms -> css-tokenizer that the lockfile declares.
    expected: 'workspaces-expected-output.yml',
    lockfiles: ['workspaces/package-lock.json', 'workspaces/non-workspace/pkg3/package-lock.json'],
    onlyOurs: ['NPM:@scope1:pkg1:1.0.0', 'NPM::pkg2:1.0.0', 'NPM:@here:harp-fetch:0.3.6'],
    extraEdges: ['NPM:@csstools:css-parser-algorithms:4.0.0 -> NPM:@csstools:css-tokenizer:4.0.0'],
  },
];

const ortId = (c: Component) => `NPM:${c.group ?? ''}:${c.name}:${c.version ?? ''}`;

function generate(lockfile: string): Sbom {
  const path = corpus(NPM, lockfile);
  const folder = path.slice(0, path.lastIndexOf('/'));
  return generateNpmSbom({
    lockfileName: lockfile.slice(lockfile.lastIndexOf('/') + 1),
    lockfile: JSON.parse(readFileSync(path, 'utf8')),
    packageJson: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')),
  }).sbom;
}

for (const c of CASES) {
  test(`ORT ${c.expected}: same packages, dev split and edges`, needsCorpora, () => {
    const ort = parse(readFileSync(corpus(NPM, c.expected), 'utf8'));
    const projects: OrtProject[] = ort.projects ?? [ort.project];
    const ortPackages = new Set<string>((ort.packages ?? []).map((p: { id: string }) => p.id));
    const scopesOf = new Map<string, Set<string>>();
    const childrenOf = new Map<string, Set<string>>();
    const walk = (nodes: OrtNode[] | undefined, scope: string) => {
      for (const n of nodes ?? []) {
        if (!scopesOf.has(n.id)) scopesOf.set(n.id, new Set());
        scopesOf.get(n.id)!.add(scope);
        if (!childrenOf.has(n.id)) childrenOf.set(n.id, new Set());
        for (const child of n.dependencies ?? []) childrenOf.get(n.id)!.add(child.id);
        walk(n.dependencies, scope);
      }
    };
    for (const p of projects) for (const s of p.scopes ?? []) walk(s.dependencies, s.name);

    const sboms = c.lockfiles.map(generate);
    const components = sboms.flatMap((s) => s.components);
    const ours = new Set(components.map(ortId));
    assert.deepEqual(
      [...ortPackages].filter((id) => !ours.has(id)),
      [],
      'packages ORT lists and we miss',
    );
    assert.deepEqual(
      [...ours].filter((id) => !ortPackages.has(id)).sort(),
      [...c.onlyOurs].sort(),
      'packages only we list',
    );

    const extraEdges: string[] = [];
    for (const sbom of sboms) {
      const byRef = new Map(sbom.components.map((x) => [x.ref, x]));
      for (const component of sbom.components) {
        const id = ortId(component);
        const scopes = scopesOf.get(id);
        if (!scopes) continue;
        // ORT puts optional dependencies in its `dependencies` scope: only the dev split compares.
        assert.equal(component.dependencyScope === 'dev', !scopes.has('dependencies'), `${id} is dev in one tool only`);
        const ourChildren = (sbom.dependencies.find((d) => d.ref === component.ref)?.dependsOn ?? []).map((r) =>
          ortId(byRef.get(r)!),
        );
        const theirs = childrenOf.get(id)!;
        for (const child of theirs) assert.ok(ourChildren.includes(child), `ORT's edge ${id} -> ${child} is missing`);
        for (const child of ourChildren) if (!theirs.has(child)) extraEdges.push(`${id} -> ${child}`);
      }
    }
    assert.deepEqual([...new Set(extraEdges)].sort(), [...c.extraEdges].sort());
  });
}
