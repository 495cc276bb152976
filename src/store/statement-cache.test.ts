import { test } from 'node:test';
import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

function database() {
  const connection = new Sqlite(':memory:');
  connection.exec('CREATE TABLE t (id integer primary key, name text)');
  connection.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
  return connection;
}

test('the same SQL text reuses one prepared statement; its results stay right with new parameters', () => {
  const db = withStatementCache(database());
  const first = db.prepare('SELECT name FROM t WHERE id = ?');
  const second = db.prepare('SELECT name FROM t WHERE id = ?');
  assert.equal(first, second);
  assert.deepEqual(first.all([1]), [{ name: 'a' }]);
  assert.deepEqual(second.all([3]), [{ name: 'c' }]);
  assert.notEqual(db.prepare('SELECT name FROM t WHERE id > ?'), first);
  db.close();
});

test('the cache holds at most its capacity, dropping the least recently used text', () => {
  const db = withStatementCache(database(), { capacity: 2, maxSqlLength: 4096 });
  const one = db.prepare('SELECT 1');
  db.prepare('SELECT 2');
  assert.equal(db.prepare('SELECT 1'), one, 'touched: now the most recent');
  db.prepare('SELECT 3');
  assert.equal(db.cachedStatements, 2);
  assert.equal(db.prepare('SELECT 1'), one, 'SELECT 1 stayed; SELECT 2 was dropped');
  db.close();
});

test('long statements (bulk writes) are not kept', () => {
  const db = withStatementCache(database(), { capacity: 10, maxSqlLength: 40 });
  const sql = `SELECT name FROM t WHERE id IN (${Array.from({ length: 30 }, (_, i) => i).join(', ')})`;
  assert.notEqual(db.prepare(sql), db.prepare(sql));
  assert.equal(db.cachedStatements, 0);
  db.close();
});

test('a statement still iterating is not handed out again', () => {
  const db = withStatementCache(database());
  const sql = 'SELECT name FROM t ORDER BY id';
  const streaming = db.prepare(sql);
  const rows = streaming.iterate([]);
  assert.deepEqual(rows.next().value, { name: 'a' });
  const other = db.prepare(sql);
  assert.notEqual(other, streaming);
  assert.deepEqual(other.all([]), [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  assert.deepEqual([...rows], [{ name: 'b' }, { name: 'c' }]);
  assert.equal(db.prepare(sql), streaming, 'free again once the iteration ended');
  db.close();
});
