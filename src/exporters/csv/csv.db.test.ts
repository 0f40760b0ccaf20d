import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Db } from '../../db/database.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { readSource } from '../../importer/read-source.ts';
import { createTestDb } from '../../test-support/test-db.ts';
import { loadTables } from '../export.service.ts';
import { exportCsv } from './csv.exporter.ts';
import { asObjects, parseCp932Csv, parseUtf8Csv } from './parse-csv.testkit.ts';

const seed = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const hasSeed = existsSync(seed);
const skip = !hasSeed && 'no ../shared/seeds';
let db: Db;
let document: IchiranDocument;

before(async () => {
  db = await createTestDb();
  if (!hasSeed) return;
  const source = readSource('seed.txt', readFileSync(seed));
  document = source.documents[0]!;
  await importSources(db.kysely, [source], {
    published: true,
    municipality: { code: '202037', name: '上田市' },
  });
});
after(async () => {
  await db.destroy();
});

const published = () => loadTables(db.kysely, { municipality: '202037', planYear: 2022, audience: 'public' });

function csvObjects(body: string | Uint8Array, cp932 = false): Array<Record<string, string>> {
  assert.ok(body instanceof Uint8Array);
  return asObjects(cp932 ? parseCp932Csv(body) : parseUtf8Csv(body));
}

test('seed items CSV: one row per item of the stored document, both blocks', { skip }, async () => {
  const rows = csvObjects(exportCsv(await published(), { table: 'items' }).body);
  const count = (block: 'review' | 'plan') => document[block].goals.reduce((n, g) => n + g.items.length, 0);
  assert.ok(count('review') > 10 && count('plan') > 10);
  assert.equal(rows.filter((r) => r.区分コード === 'review').length, count('review'));
  assert.equal(rows.filter((r) => r.区分コード === 'plan').length, count('plan'));
  assert.equal(rows.length, count('review') + count('plan'));
  assert.ok(
    rows.every((r) => r.担当部局名 === '市民まちづくり推進部・上田地域自治C' && r.自治体名 === '上田市'),
  );
  const review = rows.filter((r) => r.区分コード === 'review');
  assert.ok(review.every((r) => r['年度（西暦）'] === '2021' && r['年度（和暦）'] === '令和3年度'));
  // Numbering is numeric: ① is 1, and no circled number is left in a data column.
  assert.ok(rows.every((r) => /^[1-9][0-9]*$/.test(r.取組番号 ?? '')));
  const goal7 = document.plan.goals.find((g) => g.no === 7);
  assert.equal(
    rows.filter((r) => r.区分コード === 'plan' && r.重点目標番号 === '7').length,
    goal7?.items.length,
  );
});

test('seed quantities CSV: known values with units in their own column', { skip }, async () => {
  const rows = csvObjects(exportCsv(await published(), { table: 'quantities' }).body);
  const find = (value: string, unit: string) => rows.filter((r) => r.値 === value && r.単位 === unit);
  const issued = find('1067', '件');
  assert.equal(issued.length, 1);
  assert.equal(issued[0]?.区分コード, 'review');
  assert.equal(issued[0]?.数量の種別, '実績');
  assert.equal(issued[0]?.重点目標番号, '7');
  assert.equal(issued[0]?.取組番号, '1');
  const money = find('437152148', '円');
  assert.equal(money.length, 1);
  assert.match(money[0]?.原文 ?? '', /437,152,148円/);
  const share = find('70', '%');
  assert.equal(share[0]?.数量の種別, '目標');
  // Every value is a plain decimal number.
  assert.ok(rows.every((r) => /^-?[0-9]+(\.[0-9]+)?$/.test(r.値 ?? '')));
  const total = document.review.goals
    .concat(document.plan.goals)
    .flatMap((g) => g.items)
    .reduce((n, i) => n + (i.quantities?.length ?? 0), 0);
  assert.equal(rows.length, total);
});

test('seed items CSV in CP932 reads back the same as UTF-8', { skip }, async () => {
  const tables = await published();
  const utf8 = csvObjects(exportCsv(tables, { table: 'items' }).body);
  const cp932Out = exportCsv(tables, { table: 'items', encoding: 'cp932' });
  const cp932 = csvObjects(cp932Out.body, true);
  assert.deepEqual(cp932, utf8);
  assert.equal(cp932Out.notices, undefined, String(cp932Out.notices));
});
