import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warningText } from './warning-text.ts';

test('every warning the importer writes reads in Japanese; unknown ones stay as written', () => {
  const cases: Array<[string, string]> = [
    ['goal 7: target numbering ② appears twice', '重点目標7：期限・数値目標等の番号②が2回出てきます'],
    ['goal 3: plan item numbering ① appears 3 times', '重点目標3：取組項目（今年度）の番号①が3回出てきます'],
    [
      'goal 2: achievement ④ has no matching item',
      '重点目標2：達成状況・達成度の④に対応する取組項目がありません',
    ],
    [
      'goal 1: target without numbering attached to item ②',
      '重点目標1：番号のない期限・数値目標等を取組項目②のものとしました',
    ],
    [
      'goal 5: achievement without numbering has no matching item',
      '重点目標5：番号のない達成状況・達成度に対応する取組項目がありません',
    ],
    ['goal numbering jumps from 3 to 5', '重点目標の番号が3から5に飛んでいます'],
    ['goal 4: review title is missing', '重点目標4：前年度の目標名がありません'],
    ['no goals found in the table', '表に重点目標が見つかりませんでした'],
    [
      'page 1: read by OCR from page images (there is no text layer): OCR misreads characters; it is kept as a draft: check every cell against the paper before submitting',
      '1ページ目: スキャン画像から文字認識（OCR）で読み取りました。文字の読み違いがあり得るため作成中（下書き）として保存します。提出の前に、すべての欄を原本と照らしてください',
    ],
    ['page 3: goal 4: review title is missing', '3ページ目: 重点目標4：前年度の目標名がありません'],
    [
      'page 1: skipped: the page holds no part of the table (a cover, instructions or notes sheet printed with the workbook)',
      '1ページ目: このページには表がないため読み飛ばしました（表紙・記入要領など）',
    ],
    [
      'page 1: OCR unsure (73%) at plan goal 1 item ③ target: 「③年度未まで」: compare it with the paper',
      '1ページ目: 文字認識の確からしさ73%：今年度 重点目標1 取組項目③の期限・数値目標等「③年度未まで」を原本と照らしてください',
    ],
    [
      'page 2: OCR unsure (61%) at review goal 2 title: 「地域の活性化」: compare it with the paper',
      '2ページ目: 文字認識の確からしさ61%：前年度 重点目標2の目標名「地域の活性化」を原本と照らしてください',
    ],
    [
      'the text ends mid-row on line 57: 3 of the 5 columns; the file may be cut off',
      '57行目で文書が表の行の途中で終わっています（5列のうち3列目まで）。ファイルが途中で切れていないか確かめ、元のファイル全体を取り込み直してください',
    ],
    [
      'the text ends inside a paragraph on line 12 (a <p> without its </p>); the file may be cut off',
      '12行目で文書が段落（<p>）の途中で終わっています。ファイルが途中で切れていないか確かめ、元のファイル全体を取り込み直してください',
    ],
    [
      'goal 9: the text ends after the plan title on line 80, before any item; the file may be cut off',
      '重点目標9：80行目の今年度の目標名のあと、取組項目がないまま文書が終わっています。ファイルが途中で切れていないか確かめ、元のファイル全体を取り込み直してください',
    ],
    ['something new <b>', 'something new <b>'],
  ];
  for (const [message, expected] of cases) assert.equal(warningText(message), expected, message);
});
