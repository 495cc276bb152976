// A release's whole path through the product: import a CycloneDX SBOM of 10k and 100k components into a
// release (decode, dedup into the portfolio, usages, original kept, one transaction), then run the six
// validation steps from the store. Baseline in the same run: decoding the same document only (its bytes
// to text, then readSbom). Both start from the file's bytes, as `vigie import` and the API's upload hand
// them to the import (ADR 49); the document is read from disk before the clock starts.
// SQLite always; PostgreSQL at VIGIE_BENCH_DATABASE_URL, else VIGIE_TEST_DATABASE_URL (the tests' server, see
// scripts/start-postgres.sh), each case in a fresh schema made before the clock starts and dropped after it (a new store
// runs every migration, which no import pays; the note gives its time); without either the PostgreSQL rows say so
// instead of vanishing from the table. Goal (issue 13 item 5): 100k within 3× of decode on SQLite, 4× on
// PostgreSQL, peak RSS under 1.5 GB. Each case runs three rounds and reports its median (bench/run.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { BenchCase } from './case.js';
import { syntheticCycloneDx } from './synthetic-cyclonedx.js';
import { readSbom } from '../src/sbom/read.js';
import { bytesToText } from '../src/io/read-document.js';
import { openStore, type Store, type StoreOptions } from '../src/store/index.js';
import {
  createProduct,
  createRelease,
  importDocument,
  releaseValidation,
  setExploitationRule,
} from '../src/services/index.js';

/**
 * Rounds per case: one run of a 100k import swings by up to 40% on a shared virtual machine (and
 * so does the decode it is compared with); the median of three, run round by round, holds steadier.
 */
const ROUNDS = 3;

const cacheDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '.bench');

function syntheticBytes(size: number): Buffer {
  const path = join(cacheDir, `synthetic-cyclonedx-${size}.json`);
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, syntheticCycloneDx(size));
  }
  return readFileSync(path);
}

function storeOptions(dialect: 'sqlite' | 'postgres'): StoreOptions {
  if (dialect === 'sqlite') return { sqlitePath: join(mkdtempSync(join(tmpdir(), 'vigie-bench-')), 'bench.db') };
  return { databaseUrl: postgresUrl(), schema: `bench_${randomBytes(4).toString('hex')}` };
}

function postgresUrl(): string | undefined {
  return process.env.VIGIE_BENCH_DATABASE_URL || process.env.VIGIE_TEST_DATABASE_URL || undefined;
}

interface PreparedImport {
  bytes: Buffer;
  store: Store;
  releaseId: number;
  /** Seconds it took to open the fresh store (a new database or schema: every migration). */
  openSeconds: number;
  /** The case's own PostgreSQL schema, dropped when it is done. */
  schema?: string;
}

/**
 * After a PostgreSQL case, outside the timing: its schema is dropped and the server checkpoints, so
 * that the next case (the next round's decode or SQLite import) does not run beside the server
 * writing a 100k-component import to disk. Without it, four runs in a row each had one SQLite round
 * of 10.4–11.7 s beside rounds of 8.3–8.9 s; the next run, with it, had none. Schemas no longer
 * pile up in the server either. A role that may not checkpoint skips it.
 */
async function settlePostgres(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await client.end();
  }
}

/**
 * The import and the release's validation run into a release of a store that exists, as a user's
 * import meets them. The fresh store (a new SQLite file, a new PostgreSQL schema: every migration,
 * 0.6–0.8 s on PostgreSQL, which no import pays) is made before the timing and said in the note.
 */
function importAndValidate(size: number, dialect: 'sqlite' | 'postgres'): BenchCase {
  return {
    group: `import+validate ${size / 1000}k`,
    name: `vigie import + six steps (${dialect})`,
    rounds: ROUNDS,
    setup: async (): Promise<PreparedImport> => {
      if (dialect === 'postgres' && !postgresUrl())
        throw new Error(
          'no PostgreSQL: set VIGIE_BENCH_DATABASE_URL (eval "$(scripts/start-postgres.sh start)" gives one)',
        );
      const bytes = syntheticBytes(size);
      const options = storeOptions(dialect);
      const started = performance.now();
      const store = await openStore(options);
      const openSeconds = (performance.now() - started) / 1000;
      const product = await createProduct(store, { name: 'Bench' });
      const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
      await setExploitationRule(store, release.id, { scope: null, project: null, exploitation: 'distribution' });
      return { bytes, store, releaseId: release.id, openSeconds, schema: options.schema };
    },
    run: async (prepared) => {
      const { bytes, store, releaseId } = prepared as PreparedImport;
      const outcome = await importDocument(store, releaseId, {
        content: bytes,
        fileName: 'bench.cdx.json',
        mode: 'replace',
        policy: 'fill-missing',
        author: 'bench',
      });
      // The import records the release's validation run; reading it back checks it is there.
      const validation = await releaseValidation(store, releaseId);
      if (validation.run?.reason !== 'import') throw new Error('the import recorded no validation run');
      if (validation.steps.length !== 6) throw new Error('validation did not report six steps');
      return outcome.counts.usagesInserted;
    },
    after: async (prepared) => {
      const { store, openSeconds, schema } = prepared as PreparedImport;
      await store.close();
      if (schema) await settlePostgres(schema);
      return `fresh store opened before the timing in ${openSeconds.toFixed(2)} s`;
    },
  };
}

export function cases(): BenchCase[] {
  const list: BenchCase[] = [];
  for (const size of [10_000, 100_000]) {
    list.push({
      group: `import+validate ${size / 1000}k`,
      name: 'decode only (bytes → text → readSbom)',
      baseline: true,
      rounds: ROUNDS,
      setup: () => syntheticBytes(size),
      run: (bytes) => readSbom(bytesToText(bytes as Buffer, 'bench.cdx.json')).sbom.components.length,
    });
    list.push(importAndValidate(size, 'sqlite'));
    list.push(importAndValidate(size, 'postgres'));
  }
  return list;
}
