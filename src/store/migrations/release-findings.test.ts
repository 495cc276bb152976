import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql } from 'kysely';
import { connectSqlite } from '../connect.js';
import { migrationProvider } from '../migrations.js';
import { createStore } from '../create-store.js';

test('migration 0010 back-fills vuln_packages.name_key so records imported before it are found by folded names', async () => {
  const db = connectSqlite(':memory:');
  try {
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
    assert.equal((await migrator.migrateTo('0008_vex_analyses')).error, undefined);
    const put = async (id: string, ecosystem: string, name: string) => {
      await sql`INSERT INTO vuln_records (record_id, source, modified, record, imported_at) VALUES (${id}, 'osv', '2024-01-01T00:00:00Z', ${JSON.stringify({ id })}, '2024-01-02T00:00:00Z')`.execute(
        db,
      );
      await sql`INSERT INTO vuln_packages (record_id, ecosystem, name) VALUES (${id}, ${ecosystem}, ${name})`.execute(
        db,
      );
    };
    await put('PYSEC-1', 'PyPI', 'Django');
    await put('GO-1', 'Go', 'github.com/Sirupsen/logrus');
    await put('DSA-1', 'Debian:12', 'OpenSSL');
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    const store = createStore({ db, dialect: 'sqlite' });
    const ids = async (ecosystem: string, names: string[]) =>
      (await store.vulnRecordsForPackages(ecosystem, names)).map((j) => (JSON.parse(j) as { id: string }).id);
    assert.deepEqual(await ids('PyPI', ['django']), ['PYSEC-1']);
    assert.deepEqual(await ids('Go', ['github.com/sirupsen/logrus']), ['GO-1']);
    assert.deepEqual(
      await ids('Debian', ['OpenSSL']),
      ['DSA-1'],
      'names of ecosystems that do not fold keep their spelling',
    );
    assert.deepEqual(await ids('Debian', ['openssl']), []);
  } finally {
    await db.destroy();
  }
});
