/**
 * Whether a write failed on a unique key, on either dialect: another writer (a second API process, a
 * worker, a parallel request) stored the same name between a service's check and its insert.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // PostgreSQL's SQLSTATE unique_violation; better-sqlite3's extended result codes.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Whether a write failed on a foreign key: what it refers to (a release, a product) was deleted by
 * another request between the service's check and its write. For the caller, that thing is not found.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // PostgreSQL's SQLSTATE foreign_key_violation; better-sqlite3's extended result code.
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
