import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { asObjects, parseUtf8Csv } from '../../exporters/csv/parse-csv.testkit.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../../web/app.tsx';
import { DEMO_LOCAL_GOV_CODE } from './local-gov-code.ts';

let db: TestDb;

before(async () => {
  db = await createTestDb(undefined, { demo: true });
});
after(async () => {
  await db.destroy();
});

const codeOf = async (code: string) =>
  (
    await db.kysely
      .selectFrom('municipality')
      .select('local_gov_code')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).local_gov_code;

test('the demo city carries its unreal code, and open data shows it in 自治体コード', async () => {
  assert.equal(await codeOf('minatodai'), DEMO_LOCAL_GOV_CODE);
  const app = createApp(db.kysely);
  const catalog = await (await app.request('/open-data')).text();
  const path = catalog.match(/\/open-data\/minatodai\/\d{4}\/items\.csv/)?.[0];
  assert.ok(path, 'the catalog links the city file');
  const res = await app.request(path);
  assert.equal(res.status, 200);
  const rows = asObjects(parseUtf8Csv(new Uint8Array(await res.arrayBuffer())));
  assert.ok(rows.length > 10);
  assert.ok(rows.every((r) => r.自治体コード === DEMO_LOCAL_GOV_CODE));
  assert.ok(catalog.includes('全国地方公共団体コード'), 'the column dictionary says what the code is');
});

test('an import names the code (CLI --local-gov-code); a wrong check digit or a taken code changes nothing', async () => {
  const doc = makeDocument({ department: '総務部', planYear: 2024 });
  const refused = async (localGovCode: string, code: string) =>
    assert.rejects(
      importSources(db.kysely, [sourceOf(doc)], {
        municipality: { code: 'ueda', name: '上田市' },
        localGovCode,
      }),
      (e: unknown) => e instanceof AppError && e.code === code,
    );
  await refused('202038', 'INVALID_INPUT');
  await refused(DEMO_LOCAL_GOV_CODE, 'CONFLICT');
  const stored = await db.kysely.selectFrom('municipality').select('id').where('code', '=', 'ueda').execute();
  assert.equal(stored.length, 0, 'the refused import stored nothing, not even the city');
  await importSources(db.kysely, [sourceOf(doc)], {
    municipality: { code: 'ueda', name: '上田市' },
    localGovCode: '202037',
  });
  assert.equal(await codeOf('ueda'), '202037');
});
