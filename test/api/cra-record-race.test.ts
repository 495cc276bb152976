// A product's CRA record is read, merged and written back: two people editing different fields at
// once must both be kept. On PostgreSQL eight concurrent PATCHes of eight information facts kept
// one, and concurrent Annex I entries overwrote each other. Both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const FACTS = [
  'manufacturerName',
  'manufacturerAddress',
  'productType',
  'intendedPurpose',
  'foreseeableMisuse',
  'supportType',
  'signatory',
  'signaturePlace',
];
const REQUIREMENTS = ['I.b', 'I.c', 'I.d', 'I.e', 'I.f', 'I.g'];

for (const target of targets()) {
  test(`concurrent CRA record edits are all kept [${target.dialect}]`, { skip: target.unavailable }, async () => {
    const api = await startApi(target);
    try {
      const officer = bearer(api.tokens['compliance-officer']);
      const product = (
        await api.app.inject({ method: 'POST', url: '/api/products', headers: officer, payload: { name: 'Router' } })
      ).json();
      const patches = await Promise.all(
        FACTS.map((fact) =>
          api.app.inject({
            method: 'PATCH',
            url: `/api/products/${product.id}/cra`,
            headers: officer,
            payload: { information: { [fact]: `the ${fact}` } },
          }),
        ),
      );
      for (const answer of patches) assert.equal(answer.statusCode, 200, answer.body);
      const puts = await Promise.all(
        REQUIREMENTS.map((requirement) =>
          api.app.inject({
            method: 'PUT',
            url: `/api/products/${product.id}/cra/annex-i/${requirement}`,
            headers: officer,
            payload: { status: 'in-progress', note: `working on ${requirement}` },
          }),
        ),
      );
      for (const answer of puts) assert.equal(answer.statusCode, 200, answer.body);

      const record = (
        await api.app.inject({ method: 'GET', url: `/api/products/${product.id}/cra`, headers: officer })
      ).json().record as { information: Record<string, string>; annexI: Record<string, { note: string | null }> };
      assert.deepEqual(
        FACTS.filter((fact) => record.information[fact] !== `the ${fact}`),
        [],
        'every fact written is kept',
      );
      assert.deepEqual(
        REQUIREMENTS.filter((r) => record.annexI[r]?.note !== `working on ${r}`),
        [],
        'every Annex I entry written is kept',
      );
      const verify = await api.app.inject({ method: 'GET', url: '/api/evidence/verify', headers: officer });
      assert.equal(verify.json().ok, true, verify.body);
    } finally {
      await api.close();
    }
  });
}
