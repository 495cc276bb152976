// Parse + normalise the unique declared-licence strings found in the corpora's SBOMs and lockfiles
// and in the npm packages installed here, with Vigie's parser/normaliser beside spdx-expression-parse
// (+ spdx-correct when it rejects a string) measured in the same run. items = strings processed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.js';
import { parseExpression } from '../src/licenses/expression/index.js';
import { normalizeLicense } from '../src/licenses/normalize/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = process.env.CORPORA_DIR ?? resolve(REPO, '..', 'shared', 'corpora');
const ROUNDS = 200;

export interface DeclaredLicense {
  /** A string, or a package.json-style array of strings. */
  value: string | string[];
  /** How many times it was seen. */
  count: number;
  /** Where it was first seen (a path relative to the corpora or the repo). */
  source: string;
}

/**
 * Every distinct declared-licence value of the corpora's CycloneDX and SPDX JSON documents, npm
 * lockfiles, and the package.json files of the packages installed in node_modules.
 */
export function declaredLicenseStrings(): DeclaredLicense[] {
  const seen = new Map<string, DeclaredLicense>();
  const add = (value: unknown, source: string) => {
    let v: string | string[] | undefined;
    if (typeof value === 'string') v = value;
    else if (Array.isArray(value)) {
      const parts = value
        .map((x) => (typeof x === 'string' ? x : typeof x?.type === 'string' ? x.type : undefined))
        .filter((x): x is string => !!x);
      v = parts.length === 1 ? parts[0] : parts.length ? parts : undefined;
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      v = (value as { type: string }).type;
    }
    if (v === undefined || v === '') return;
    const key = JSON.stringify(v);
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { value: v, count: 1, source });
  };
  for (const folder of ['sboms', 'lockfiles', 'sbom-quality', 'ort']) {
    const root = join(CORPORA, folder);
    if (!existsSync(root)) continue;
    for (const file of walk(root, (p) => p.endsWith('.json'))) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue; // not strict JSON (the corpora keep a few on purpose)
      }
      collectFromDocument(doc, file.slice(CORPORA.length + 1), add);
    }
  }
  const modules = join(REPO, 'node_modules');
  for (const dir of readdirSync(modules)) {
    const dirs = dir.startsWith('@') ? readdirSync(join(modules, dir)).map((d) => join(dir, d)) : [dir];
    for (const d of dirs) {
      const pkg = join(modules, d, 'package.json');
      if (!existsSync(pkg)) continue;
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { license?: unknown; licenses?: unknown };
        add(json.license ?? json.licenses, `node_modules/${d}/package.json`);
      } catch {
        continue;
      }
    }
  }
  return [...seen.values()];
}

function collectFromDocument(doc: unknown, source: string, add: (v: unknown, source: string) => void): void {
  if (!doc || typeof doc !== 'object') return;
  const d = doc as Record<string, unknown>;
  if (d.bomFormat === 'CycloneDX') return cyclonedxLicenses(d, source, add);
  if (typeof d.spdxVersion === 'string') {
    for (const p of (d.packages as Array<Record<string, unknown>> | undefined) ?? []) {
      add(p.licenseDeclared, source);
      add(p.licenseConcluded, source);
    }
    return;
  }
  if (d.lockfileVersion !== undefined && d.packages && typeof d.packages === 'object') {
    for (const p of Object.values(d.packages as Record<string, Record<string, unknown>>))
      if (p) add(p.license ?? p.licenses, source);
  }
}

function cyclonedxLicenses(node: unknown, source: string, add: (v: unknown, source: string) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => cyclonedxLicenses(n, source, add));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'licenses' && Array.isArray(v)) {
      for (const e of v as Array<Record<string, unknown>>) {
        if (typeof e?.expression === 'string') add(e.expression, source);
        const l = e?.license as Record<string, unknown> | undefined;
        if (l) add(l.id ?? l.name, source);
      }
    } else cyclonedxLicenses(v, source, add);
  }
}

function walk(dir: string, keep: (p: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

const require = createRequire(import.meta.url);

export function cases(): BenchCase[] {
  const group = 'licence strings (unique, real)';
  const inputs = () => declaredLicenseStrings().map((d) => d.value);
  return [
    {
      group,
      name: 'spdx-expression-parse (+ spdx-correct on failure)',
      baseline: true,
      setup: () => ({ strings: inputs(), parse: require('spdx-expression-parse'), correct: require('spdx-correct') }),
      run: (prepared) => {
        const { strings, parse, correct } = prepared as {
          strings: Array<string | string[]>;
          parse: (s: string) => unknown;
          correct: (s: string) => string | null;
        };
        let n = 0;
        for (let r = 0; r < ROUNDS; r++) {
          for (const value of strings) {
            for (const s of Array.isArray(value) ? value : [value]) {
              try {
                parse(s);
              } catch {
                const fixed = correct(s);
                if (fixed) {
                  try {
                    parse(fixed);
                  } catch {
                    /* spdx-correct's answer is not always parseable */
                  }
                }
              }
            }
            n++;
          }
        }
        return n;
      },
    },
    {
      group,
      name: 'vigie parseExpression',
      setup: () => {
        parseExpression('MIT');
        return inputs().flatMap((v) => (Array.isArray(v) ? v : [v]));
      },
      run: (prepared) => {
        const strings = prepared as string[];
        let n = 0;
        for (let r = 0; r < ROUNDS; r++)
          for (const s of strings) {
            parseExpression(s);
            n++;
          }
        return n;
      },
    },
    {
      group,
      name: 'vigie normalizeLicense',
      setup: () => {
        const strings = inputs();
        normalizeLicense('warm up the lookup tables');
        return strings;
      },
      run: (prepared) => {
        const strings = prepared as Array<string | string[]>;
        let n = 0;
        for (let r = 0; r < ROUNDS; r++)
          for (const s of strings) {
            normalizeLicense(s);
            n++;
          }
        return n;
      },
    },
  ];
}
