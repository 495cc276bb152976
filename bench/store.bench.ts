// Store write speed: one release of 10k and 100k usages (each on its own component and version, as
// a fresh import would create them) written in one transaction through the Store, beside raw
// better-sqlite3 prepared inserts of the same rows in one transaction (the baseline). PostgreSQL
// cases run when VIGIE_BENCH_DATABASE_URL is set (each in a fresh schema).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import type { BenchCase } from './case.js';
import { openStore, type Store, type StoreOptions } from '../src/store/index.js';

interface Prepared {
  store: Store;
  releaseId: number;
  path?: string;
}

function rows(size: number) {
  return Array.from({ length: size }, (_, i) => ({
    name: `bench-component-${i}`,
    purl: `pkg:npm/bench-component-${i}`,
    version: `1.${i % 50}.0`,
    declared: i % 3 === 0 ? 'MIT' : i % 3 === 1 ? 'Apache-2.0' : 'MIT OR GPL-2.0-only',
    scope: i % 5 === 0 ? 'devDependencies' : 'dependencies',
    project: `module-${i % 10}`,
  }));
}

async function prepare(options: StoreOptions, path?: string): Promise<Prepared> {
  const store = await openStore(options);
  const product = await store.createProduct({
    name: 'Bench',
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: [],
  });
  const release = await store.createRelease({ productId: product.id, number: '1.0.0' });
  return { store, releaseId: release.id, path };
}

async function importThroughStore({ store, releaseId }: Prepared, size: number): Promise<number> {
  const data = rows(size);
  const written = await store.transaction(async (tx) => {
    const components = await tx.upsertComponents(
      data.map((r) => ({
        purlType: 'npm',
        namespace: null,
        name: r.name,
        purl: r.purl,
        description: null,
        homepage: null,
        language: null,
      })),
      'fill-missing',
    );
    const versions = await tx.upsertVersions(
      data.map((r, i) => ({
        componentId: components.records[i].id,
        number: r.version,
        purl: `${r.purl}@${r.version}`,
        declaredLicense: r.declared,
        concludedLicense: null,
        correctedLicense: null,
        copyright: null,
      })),
      'fill-missing',
    );
    return tx.insertUsages(
      data.map((r, i) => ({
        releaseId,
        versionId: versions.records[i].id,
        scope: r.scope,
        project: r.project,
        linking: null,
        modified: null,
        exploitation: null,
        chosenLicense: null,
        status: 'auto',
        addedBy: 'import',
      })),
    );
  });
  await store.close();
  return written;
}

/** The same rows with bare prepared statements in one transaction: what SQLite itself costs. */
function importRaw(path: string, releaseId: number, size: number): number {
  const data = rows(size);
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const component = db.prepare(
    'INSERT INTO components (identity_key, purl_type, name, purl) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const version = db.prepare(
    'INSERT INTO versions (component_id, number, purl, declared_license) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const usage = db.prepare(
    'INSERT INTO usages (release_id, version_id, scope, project, status, added_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const r of data) {
      const c = component.get(r.purl, 'npm', r.name, r.purl) as { id: number };
      const v = version.get(c.id, r.version, `${r.purl}@${r.version}`, r.declared) as { id: number };
      usage.run(releaseId, v.id, r.scope, r.project, 'auto', 'import');
    }
  })();
  db.close();
  return size;
}

function sqlitePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'vigie-bench-')), 'bench.db');
}

export function cases(): BenchCase[] {
  const out: BenchCase[] = [];
  for (const size of [10_000, 100_000]) {
    const group = `store import ${size / 1000}k usages`;
    out.push(
      {
        group,
        name: 'better-sqlite3 prepared inserts (bare)',
        baseline: true,
        setup: async () => {
          const path = sqlitePath();
          const p = await prepare({ sqlitePath: path }, path);
          await p.store.close();
          return p;
        },
        run: (p) => importRaw((p as Prepared).path!, (p as Prepared).releaseId, size),
      },
      {
        group,
        name: 'Vigie store, SQLite',
        setup: () => prepare({ sqlitePath: sqlitePath() }),
        run: (p) => importThroughStore(p as Prepared, size),
      },
    );
    const url = process.env.VIGIE_BENCH_DATABASE_URL;
    if (url)
      out.push({
        group,
        name: 'Vigie store, PostgreSQL',
        setup: () => prepare({ databaseUrl: url, schema: `bench_${randomBytes(6).toString('hex')}` }),
        run: (p) => importThroughStore(p as Prepared, size),
      });
  }
  return out;
}
