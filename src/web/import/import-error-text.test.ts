import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { QUANTITY_RANGE_MESSAGE } from '../../format/quantity-range.ts';
import { INVALID_UTF8_MESSAGE } from '../../importer/decode.ts';
import { DAMAGED_WORKBOOK_MESSAGE } from '../../importer/xlsx/cells.ts';
import { importErrorText, type UploadKind, uploadKindOf } from './import-error-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('import refusals in Japanese (issue 13, defect 10)', () => {
  it('tells xlsx, JSON (after a BOM and blanks) and text apart as the reader does', () => {
    assert.equal(uploadKindOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0])), 'xlsx');
    assert.equal(uploadKindOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('\n [1]')])), 'json');
    assert.equal(uploadKindOf(utf8('重点目標一覧表')), 'text');
    assert.equal(uploadKindOf(new Uint8Array()), 'text');
    assert.equal(uploadKindOf(utf8('%PDF-1.4\n%âãÏÓ\n')), 'pdf');
  });

  const cases: Array<[string, AppError, UploadKind, RegExp]> = [
    [
      'a damaged UTF-8 byte',
      new AppError('PARSE_ERROR', `${INVALID_UTF8_MESSAGE}: line 4`, { line: 4 }),
      'text',
      /^4行目に UTF-8 として読めないバイトがあります.*UTF-8 で保存し直して/,
    ],
    [
      'a damaged workbook with sheet and cell',
      new AppError('NOT_A_DOCUMENT', `${DAMAGED_WORKBOOK_MESSAGE} (x)`, { field: '総務部', cell: 'B7' }),
      'xlsx',
      /^Excel ファイルを読み取れませんでした（シート「総務部」のセル B7）。/,
    ],
    [
      'a workbook not in the form, with sheet and row',
      new AppError('NOT_A_DOCUMENT', 'not a 一覧表 sheet: expected …', { field: '総務部', line: 4 }),
      'xlsx',
      /^Excel ファイルが一覧表の様式になっていません（シート「総務部」の4行目）。/,
    ],
    [
      'a JSON syntax error',
      new AppError('PARSE_ERROR', 'not valid JSON at line 2, column 5: x', { line: 2, column: 5 }),
      'json',
      /^JSON の書き方に誤りがあります（2行目、5文字目）。/,
    ],
    [
      'a JSON quantity out of range',
      new AppError('NOT_A_DOCUMENT', `not an interchange document: ${QUANTITY_RANGE_MESSAGE}`, {
        field: 'plan.goals[0].items[0].quantities[0].value',
      }),
      'json',
      /^数値が大きすぎるか桁数が多すぎます（plan\.goals\[0\]\.items\[0\]\.quantities\[0\]\.value）。/,
    ],
    [
      'a JSON document of the wrong shape',
      new AppError('NOT_A_DOCUMENT', 'not an interchange document: x', { field: 'department' }),
      'json',
      /^JSON の内容が交換用 JSON の形式に合いません（department）。/,
    ],
    [
      'a text line that is not a 一覧表',
      new AppError('NOT_A_DOCUMENT', 'cannot place this line', { line: 8 }),
      'text',
      /^8行目を一覧表として読み取れませんでした。/,
    ],
    [
      'a scanned PDF (issue 9)',
      new AppError('NO_TEXT_LAYER', 'the PDF has no text layer', { file: 'scan.pdf', page: 1 }),
      'pdf',
      /^この PDF には文字のデータがありません.*元の Excel ファイルから.*PDF を作り直して.*Excel ファイル（\.xlsx）をそのまま取り込んで/,
    ],
    [
      'a PDF that is not in the form, naming the page',
      new AppError('PARSE_ERROR', 'goal row: expected the row number', { file: 'a.pdf', page: 3 }),
      'pdf',
      /^PDF を一覧表として読み取れませんでした（3ページ目）。/,
    ],
    [
      'a file that is no 一覧表 at all',
      new AppError('NOT_A_DOCUMENT', 'empty'),
      'text',
      /^重点目標一覧表として/,
    ],
  ];
  for (const [what, error, kind, expected] of cases) {
    it(what, () => {
      const text = importErrorText(error, kind);
      assert.match(text, expected);
      assert.match(text, /ください。$/, 'ends saying what to do');
      assert.doesNotMatch(text, /[a-z]{4,} [a-z]{3,}/, 'no English sentence');
    });
  }
});
