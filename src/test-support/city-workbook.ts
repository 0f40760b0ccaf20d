/**
 * Builds city-made 一覧表 workbooks in code (ExcelJS), in forms mokuhyo does not export: labels at other
 * cells, merged ranges, line breaks in cells, a second sheet holding the table, full-width years.
 * The content is the seed's goal 1 (../shared/seeds/000_e224602d88f71594), three items a side.
 */
import ExcelJS from 'exceljs';

export interface SeedItem {
  no: number;
  text: string;
  note: string;
}

export const SEED_DEPARTMENT = '市民まちづくり推進部・上田地域自治C';
export const SEED_TITLE = '地域内分権の確立に向けた地域主体の自治の推進';
const CIRCLED = ['①', '②', '③', '④', '⑤'];

/** An item or note as a clerk types it: the circled number, then each bullet on a line of its own. */
export function typed(no: number, text: string): string {
  return `${CIRCLED[no - 1]} ${text.replace(/ ・ /g, '\n・ ')}`.replace(/^(.) ・ /, '$1\n・ ');
}

export interface CityForm {
  review: SeedItem[];
  plan: SeedItem[];
}

/**
 * Form A: a cover sheet first; the table on sheet 2 starting at column B, 担当部局名 followed by a
 * full-width space, full-width years in merged headings, 番号 merged down the goal, the title in a
 * 重点目標 label cell beside it, an empty row between goals, a repeated header row.
 */
export async function labelForm(content: CityForm): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').getCell('A1').value = '令和4年度 重点目標（市民まちづくり推進部）';
  const ws = wb.addWorksheet('一覧表');
  ws.getCell('B2').value = '重点目標一覧表';
  ws.getCell('B3').value = `担当部局名\u3000${SEED_DEPARTMENT}`;
  ws.mergeCells('B3:F3');
  ws.getCell('C5').value = '【令和３年度重点目標】';
  ws.mergeCells('C5:D5');
  ws.getCell('E5').value = '【令和４年度重点目標】';
  ws.mergeCells('E5:F5');
  const header = [
    '番号',
    '具体的な重点取組項目\n（箇条書き）',
    '達成状況・達成度',
    '具体的な重点取組項目（箇条書き）',
    '期限・数値目標等',
  ];
  header.forEach((h, i) => {
    ws.getCell(6, 2 + i).value = h;
  });
  ws.getCell('B7').value = 1;
  ws.getCell('C7').value = '重点目標';
  ws.getCell('D7').value = SEED_TITLE;
  ws.getCell('E7').value = '重点目標';
  ws.getCell('F7').value = SEED_TITLE;
  const rows = Math.max(content.review.length, content.plan.length);
  for (let i = 0; i < rows; i += 1) {
    const r = 8 + i;
    const review = content.review[i];
    const plan = content.plan[i];
    if (review) {
      ws.getCell(r, 3).value = typed(review.no, review.text);
      ws.getCell(r, 4).value = typed(review.no, review.note);
    }
    if (plan) {
      ws.getCell(r, 5).value = typed(plan.no, plan.text);
      ws.getCell(r, 6).value = typed(plan.no, plan.note);
    }
  }
  ws.mergeCells(7, 2, 7 + rows, 2);
  // A page's header repeated lower down, as a department copies it to print the next page.
  header.forEach((h, i) => {
    ws.getCell(9 + rows, 2 + i).value = h;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Form B: one sheet from A1, `担当部局名：` with the name in the next cell, half-width years in plain
 * cells (平成30年度 → 令和元年度 when asked), no 番号 label, `重点目標：title` in one merged cell per side,
 * and the notes typed in a different order from the items (matched by circled number).
 */
export async function colonForm(
  content: CityForm,
  years: [string, string] = ['令和3年度', '令和4年度'],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '担当部局名：';
  ws.getCell('B1').value = SEED_DEPARTMENT;
  ws.getCell('B2').value = years[0];
  ws.getCell('D2').value = years[1];
  ['', '取組項目', '達成状況・達成度', '取組項目', '期限・数値目標等'].forEach((h, i) => {
    ws.getCell(3, 1 + i).value = h;
  });
  ws.getCell('A4').value = '１';
  ws.getCell('B4').value = `重点目標：${SEED_TITLE}`;
  ws.mergeCells('B4:C4');
  ws.getCell('D4').value = `重点目標：${SEED_TITLE}`;
  ws.mergeCells('D4:E4');
  const cell = (side: SeedItem[], col: number, pick: (i: SeedItem) => string) =>
    side
      .map((item) => typed(item.no, pick(item)))
      .forEach((v, i) => {
        ws.getCell(5 + i, col).value = v;
      });
  cell(content.review, 2, (i) => i.text);
  cell(content.plan, 4, (i) => i.text);
  // All notes of a side in one cell, last first: the circled numbers say which item each belongs to.
  ws.getCell(5, 3).value = [...content.review]
    .reverse()
    .map((i) => typed(i.no, i.note))
    .join('\n');
  ws.getCell(5, 5).value = [...content.plan]
    .reverse()
    .map((i) => typed(i.no, i.note))
    .join('\n');
  ws.mergeCells(4, 1, 4 + content.review.length, 1);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A row of the variant form: its cells by column letter (B review items … E targets), `\n` a line break. */
type VariantRow = Partial<Record<'A' | 'B' | 'C' | 'D' | 'E', string | number>>;

function longItem(no: number, what: string, side: 'item' | 'note'): string {
  const circled = String.fromCodePoint(0x2460 + no - 1);
  return side === 'item'
    ? `${circled} ${what}の取組${no - 1}として関係機関と連携し、対象となる事業の進捗を毎月確認して課題を整理する`
    : `${circled} 年度末まで 会議${no}回以上開催`;
}

/**
 * Form C, the document of the PDF fixture variant-label (pdf/fixtures/variant-label.expected.json) in
 * another city's workbook: 担当部局名：name at the right of the title row, 令和元年度/令和２年度 in
 * full-width digits; goal 1 with the title as the item cell's first paragraph, the unit `（総務課）` on
 * the line above ①, a sub-item (2) on a row of its own and notes in one merged cell in another order;
 * goal 2 a new goal with an empty review half and 重点目標 label cells; goal 3 `重点目標：title` merged
 * (the review side with the label and the title on two lines), a review item without 達成状況.
 */
export async function variantForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点目標');
  const rows: VariantRow[] = [
    { A: '重点目標一覧表', E: '担当部局名：総務部' },
    { B: '【令和元年度重点目標】', D: '【令和２年度重点目標】' },
    {
      A: '番号',
      B: '具体的な重点取組項目（箇条書き）',
      C: '達成状況・達成度',
      D: '具体的な重点取組項目（箇条書き）',
      E: '期限・数値目標等',
    },
    {
      A: 1,
      B: '重点目標 行政事務の効率化\n（総務課）\n① 文書管理の電子化',
      C: '① 電子決裁率 80%',
      D: '重点目標 行政事務のデジタル化の推進\n（総務課）\n① 電子決裁の全庁展開',
      E: '① 年度末まで 電子決裁率 95%以上',
    },
    {
      B: '(2) 紙文書の保存年限の見直し',
      C: '(2) 保存年限表を改定',
      D: '(2) 書庫の削減',
      E: '(2) 書庫 2室を廃止',
    },
    {
      B: '（情報政策室）\n② 庁内ネットワークの更新',
      C: '③ 研修を 3回開催\n② 更新工事を完了',
      D: '（情報政策室）\n② クラウドサービスの導入',
      E: '② 年度内に 5業務で導入',
    },
    { B: '③ 職員研修の実施', D: '③ 情報セキュリティ研修', E: '③ 全職員受講' },
    { A: 2, D: '重点目標', E: '窓口サービスの向上' },
    { D: '（市民課）\n① 書かない窓口の導入', E: '① 令和３年３月まで' },
    { D: '② 窓口の待ち時間の短縮', E: '② 平均待ち時間 10分以内' },
    { A: 3, B: '重点目標\n職員の働き方改革', D: '重点目標：職員の働き方改革の推進' },
    { B: '① 時間外勤務の縮減', D: '① 時間外勤務の縮減', E: '① 前年度比 10%減' },
  ];
  for (let no = 2; no <= 10; no += 1) {
    const item = longItem(no, '働き方改革', 'item');
    const note = longItem(no, '働き方改革', 'note');
    rows.push({ B: item, C: note, D: item, E: note });
  }
  rows.forEach((row, i) => {
    for (const [col, value] of Object.entries(row)) ws.getCell(`${col}${i + 1}`).value = value;
  });
  ws.mergeCells('B2:C2');
  ws.mergeCells('D2:E2');
  ws.mergeCells('A4:A7');
  ws.mergeCells('C6:C7');
  ws.mergeCells('A8:A10');
  ws.mergeCells('A11:A21');
  ws.mergeCells('B11:C11');
  ws.mergeCells('D11:E11');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
