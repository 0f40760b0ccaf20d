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
