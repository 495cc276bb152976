// Opens an RPM database (rpmdb.sqlite, RPM ≥ 4.16) read-only and returns its package header blobs;
// decoding the headers is the pure extractor's job (src/sbom/generators/os/rpm-header.ts).
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { InputError } from './input-error.js';

// The SQLite driver is required only when an image holds an RPM database.
const requireDriver = createRequire(import.meta.url);

export function readRpmDatabase(file: string): Uint8Array[] {
  let db: Database.Database | undefined;
  try {
    const Driver = requireDriver('better-sqlite3') as typeof Database;
    db = new Driver(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT blob FROM Packages').raw().all() as [Uint8Array][];
    return rows.map(([blob]) => blob);
  } catch (err) {
    throw new InputError(`${file} is not an RPM sqlite database (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db?.close();
  }
}
