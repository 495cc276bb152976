/**
 * Kysely's SQLite driver prepares every statement anew, and preparing costs as much as running the
 * small queries a request makes (issue 13 item 6, the API load bench: about a third of the store's
 * time per list request). This wraps the connection so that the same SQL text reuses its prepared
 * statement. Bounded: at most `capacity` statements, the least recently used dropped first, and
 * only texts up to `maxSqlLength` characters (bulk statements with thousands of parameters are
 * one-offs and would only hold memory). A statement still iterating (a streamed query) is never
 * handed out twice: a fresh one is prepared for the second caller.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Database as Connection, Statement } from 'better-sqlite3';

export interface StatementCacheLimits {
  capacity: number;
  maxSqlLength: number;
}

export const DEFAULT_STATEMENT_CACHE: StatementCacheLimits = { capacity: 200, maxSqlLength: 4096 };

export interface CachingDatabase extends SqliteDatabase {
  /** Statements held now (tests: the cache stays bounded). */
  readonly cachedStatements: number;
}

export function withStatementCache(
  connection: Connection,
  limits: StatementCacheLimits = DEFAULT_STATEMENT_CACHE,
): CachingDatabase {
  const statements = new Map<string, Statement>();
  return {
    close() {
      statements.clear();
      connection.close();
    },
    prepare(sql: string): SqliteStatement {
      if (sql.length > limits.maxSqlLength) return connection.prepare(sql);
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-inserting keeps the Map in least-recently-used order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > limits.capacity) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
    get cachedStatements() {
      return statements.size;
    },
  };
}
