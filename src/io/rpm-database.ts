// Opens an RPM database (rpmdb.sqlite, RPM ≥ 4.16) read-only and returns its package header blobs;
// decoding the headers is the pure extractor's job (src/sbom/generators/os/rpm-header.ts).
import Database from 'better-sqlite3';
import { InputError } from './input-error.js';

export function readRpmDatabase(file: string): Uint8Array[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT blob FROM Packages').raw().all() as [Uint8Array][];
    return rows.map(([blob]) => blob);
  } catch (err) {
    throw new InputError(`${file} is not an RPM sqlite database (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db?.close();
  }
}
