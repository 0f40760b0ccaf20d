import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnSpec } from './columns.ts';
import { toCsv } from './csv-format.ts';
import { parseCp932Csv, parseCsv, parseUtf8Csv } from './parse-csv.testkit.ts';
import type { CsvTable } from './rows.ts';

const columns: ColumnSpec[] = [
  { name: '名前', kind: 'text', description: '', example: '' },
  { name: '値', kind: 'number', description: '', example: '' },
  { name: '比較記号', kind: 'code', description: '', example: '', values: ['>=', '='] },
];
const table = (rows: CsvTable['rows']): CsvTable => ({ columns, rows });

test('UTF-8: BOM first, one header row, CRLF after every record', () => {
  const { bytes, unencodable } = toCsv(table([['a', 1, '>=']]));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.subarray(3));
  assert.equal(text, '名前,値,比較記号\r\na,1,>=\r\n');
  assert.deepEqual(unencodable, []);
});

test('RFC 4180 quoting: commas, quotes and line breaks survive a round trip', () => {
  const tricky = ['a,b', 'say "hi"', 'line1\nline2', 'crlf\r\ninside', ' padded '];
  const { bytes } = toCsv(table(tricky.map((t) => [t, null, null])));
  const records = parseUtf8Csv(bytes);
  assert.deepEqual(
    records.slice(1).map((r) => r[0]),
    tricky,
  );
  assert.deepEqual(records[1], ['a,b', '', '']);
  assert.match(new TextDecoder().decode(bytes), /"say ""hi"""/);
});

test('numbers are written plain: no exponent, no grouping, negatives unprefixed', () => {
  const values = [246000000, 437152148, 36.3, 0.0000001, -5, 1e21];
  const { bytes } = toCsv(table(values.map((v) => ['x', v, null])));
  assert.deepEqual(
    parseUtf8Csv(bytes)
      .slice(1)
      .map((r) => r[1]),
    ['246000000', '437152148', '36.3', '0.0000001', '-5', '1000000000000000000000'],
  );
});

test('text that would start a formula gets a leading apostrophe; numbers and codes do not', () => {
  const texts = ['=SUM(A1:A9)', '+81-3-1234', '-5', '@cmd', '\t=1+1', '\rx', 'ok =1', '・箇条書き'];
  // Spreadsheets skip leading whitespace before a formula; a full-width ＝ starts none.
  const spaced = [' =1+1', ' \t=1+1', '\n=1+1', '\u3000+1', '＝1+1'];
  const rows = [...texts, ...spaced].map((t): CsvTable['rows'][number] => [t, -5, '=']);
  const records = parseUtf8Csv(toCsv(table(rows)).bytes).slice(1);
  assert.deepEqual(
    records.map((r) => r[0]),
    [
      ...["'=SUM(A1:A9)", "'+81-3-1234", "'-5", "'@cmd", "'\t=1+1", "'\rx", 'ok =1', '・箇条書き'],
      ...["' =1+1", "' \t=1+1", "'\n=1+1", "'\u3000+1", '＝1+1'],
    ],
  );
  assert.ok(records.every((r) => r[1] === '-5' && r[2] === '='));
});

test('a code cell outside its column list, or a string in a number column, is a bug, not output', () => {
  assert.throws(() => toCsv(table([['x', 1, '=HYPERLINK("x")']])), { code: 'INTERNAL' });
  assert.throws(() => toCsv(table([['x', '=1+1' as unknown as number, null]])), { code: 'INTERNAL' });
  assert.throws(() => toCsv(table([['x', 1]])), { code: 'INTERNAL' });
});

test('CP932: no BOM, Shift_JIS bytes, characters outside CP932 replaced by 〓 and reported', () => {
  const rows: CsvTable['rows'] = [
    ['①髙㈱Ⅰ～', 1, null],
    ['𠮷野家', 2, null],
    ['😀と한', 3, null],
  ];
  const { bytes, unencodable } = toCsv(table(rows), { encoding: 'cp932' });
  assert.notEqual(bytes[0], 0xef);
  // ① is 0x8740 in CP932 (NEC special characters): proof it was encoded, not replaced.
  assert.deepEqual([...bytes.subarray(bytes.indexOf(0x0a) + 1).subarray(0, 2)], [0x87, 0x40]);
  assert.deepEqual(
    parseCp932Csv(bytes).map((r) => r[0]),
    ['名前', '①髙㈱Ⅰ～', '〓野家', '〓と〓'],
  );
  assert.deepEqual(unencodable, [
    { row: 3, column: '名前', char: '𠮷' },
    { row: 4, column: '名前', char: '😀' },
    { row: 4, column: '名前', char: '한' },
  ]);
});

test('CP932: JIS look-alikes (〜 − —) become their CP932 forms silently', () => {
  const { bytes, unencodable } = toCsv(table([['5月〜6月 −3 —', 1, null]]), { encoding: 'cp932' });
  assert.deepEqual(unencodable, []);
  assert.equal(parseCp932Csv(bytes)[1]?.[0], '5月～6月 －3 ―');
});

test('the test parser itself refuses a bare LF record end', () => {
  assert.throws(() => parseCsv('a,b\n'), /bare/);
  assert.throws(() => parseCsv('a,b'), /CRLF/);
});
