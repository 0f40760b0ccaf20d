import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEncoding } from './download.ts';
import { contentDisposition, downloadName, openDataUrls } from './open-data.urls.ts';

test('file URLs name code, plan year, department id and file; CP932 is a query', () => {
  assert.equal(
    openDataUrls.file({ code: 'minatodai', planYear: 2025, file: 'items.csv' }),
    '/open-data/minatodai/2025/items.csv',
  );
  assert.equal(
    openDataUrls.file({
      code: '上田市',
      planYear: 2022,
      departmentId: 7,
      file: 'quantities.csv',
      encoding: 'cp932',
    }),
    '/open-data/%E4%B8%8A%E7%94%B0%E5%B8%82/2022/7/quantities.csv?encoding=cp932',
  );
  assert.equal(
    openDataUrls.file({ code: 'a/b', planYear: 2022, file: 'tables.json', encoding: 'utf8' }),
    '/open-data/a%2Fb/2022/tables.json',
  );
});

test('download names are Japanese, and safe on every file system', () => {
  const ref = {
    code: 'x',
    planYear: 2022,
    departmentId: 3,
    file: 'items.csv' as const,
    encoding: 'cp932' as const,
  };
  assert.equal(
    downloadName(ref, '上田市', '市民まちづくり推進部・上田地域自治C'),
    '上田市_市民まちづくり推進部・上田地域自治C_令和4年度_重点取組項目_SJIS.csv',
  );
  assert.equal(
    downloadName({ ...ref, file: 'tables.json', encoding: undefined }, 'A/B:市', undefined),
    'A_B_市_令和4年度_重点目標一覧表.json',
  );
  assert.equal(downloadName(ref, '市\n', '"部"*?<>|\\'), '市___部________令和4年度_重点取組項目_SJIS.csv');
});

test('Content-Disposition: ASCII fallback plus an RFC 8187 UTF-8 name with no raw attr-char breakers', () => {
  const ref = { code: '上田市', planYear: 2022, departmentId: 3, file: 'items.csv' as const };
  const header = contentDisposition(ref, "部(A)*'s.csv");
  assert.equal(
    header,
    `attachment; filename="open-data-2022-3-items.csv"; filename*=UTF-8''%E9%83%A8%28A%29%2A%27s.csv`,
  );
  assert.equal(decodeURIComponent(header.split("UTF-8''")[1] ?? ''), "部(A)*'s.csv");
  assert.match(
    contentDisposition({ ...ref, code: 'minatodai', encoding: 'cp932' }, 'a.csv'),
    /filename="minatodai-2022-3-items-sjis\.csv"/,
  );
});

test('?encoding= accepts UTF-8 and CP932 spellings; JSON is UTF-8 only', () => {
  assert.equal(parseEncoding(undefined, 'items.csv'), 'utf8');
  assert.equal(parseEncoding('UTF-8', 'items.csv'), 'utf8');
  for (const name of ['cp932', 'Shift_JIS', 'sjis', 'Windows-31J'])
    assert.equal(parseEncoding(name, 'quantities.csv'), 'cp932');
  assert.throws(() => parseEncoding('latin1', 'items.csv'), { code: 'INVALID_INPUT' });
  assert.throws(() => parseEncoding('cp932', 'tables.json'), { code: 'INVALID_INPUT' });
  assert.equal(parseEncoding('utf8', 'tables.json'), 'utf8');
});
