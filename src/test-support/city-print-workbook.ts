/**
 * City workbooks laid out for printing, as a department keeps them: A4 landscape, the head and column
 * headings as print titles (repeated on every printed page), a form number and page numbers in the
 * page header and footer, the column widths of a real department file, wrapped cells with line
 * breaks, 番号 merged down a goal. LibreOffice prints them to the PDF fixtures of the PDF reader
 * (src/importer/pdf/fixtures/make-libreoffice-fixtures.ts); the content is the document given.
 */
import ExcelJS from 'exceljs';
import { toCircled } from '../domain/vocabulary/numbering.ts';
import type { Goal, IchiranDocument, Item } from '../format/document.schema.ts';

const FONT = { name: 'ＭＳ 明朝', size: 11 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** 番号, items, achievements, items, targets: the widths (in characters) of a department's own file. */
const WIDTHS = [4.5, 40, 30, 40, 30];
const HEADINGS = [
  '番号',
  '具体的な重点取組項目\n（箇条書き）',
  '達成状況・達成度',
  '具体的な重点取組項目\n（箇条書き）',
  '期限・数値目標等',
];

/** A text as a clerk types it: the circled number, then each bullet and sub-item on a line of its own. */
export function typedCell(no: number, text: string): string {
  const lines = text.split(/ (?=・ |\([0-9]+\) )/);
  const [first = '', ...rest] = lines;
  // `① ・ …`: a note that starts with a bullet keeps the number on a line of its own.
  const head = /^(?:・|\([0-9]+\))/.test(first) ? `${toCircled(no)}\n${first}` : `${toCircled(no)} ${first}`;
  return [head, ...rest].join('\n');
}

function printSetup(ws: ExcelJS.Worksheet, titleRows: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
  ws.headerFooter = { oddHeader: '&L（様式１）', oddFooter: '&C&P / &N' };
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function cell(ws: ExcelJS.Worksheet, row: number, col: number, value: string | number, border = true) {
  const c = ws.getCell(row, col);
  c.value = value;
  c.font = FONT;
  c.alignment = { wrapText: true, vertical: 'top' };
  if (border) c.border = THIN;
  return c;
}

/**
 * Row heights as Excel stores them in a department's file (LibreOffice prints what is stored): enough
 * lines for the longest cell of the row, a full-width character 11 pt wide, a column width of 1
 * about 5.25 pt.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, from: number): void {
  const charWidth = (ch: string) => (/[\u0020-\u00ff\uff61-\uff9f]/.test(ch) ? 6 : 11);
  for (let r = from; r <= ws.rowCount; r++) {
    let lines = 1;
    ws.getRow(r).eachCell((c, col) => {
      if (c.isMerged && c.master !== c) return;
      const room = (WIDTHS[col - 1] ?? 10) * 5.25 - 6;
      const count = String(c.value ?? '')
        .split('\n')
        .reduce(
          (n, line) => n + Math.max(1, Math.ceil([...line].reduce((w, ch) => w + charWidth(ch), 0) / room)),
          0,
        );
      lines = Math.max(lines, count);
    });
    ws.getRow(r).height = lines * 15 + 4;
  }
}

function headings(ws: ExcelJS.Worksheet, row: number): void {
  HEADINGS.forEach((h, i) => {
    const c = cell(ws, row, i + 1, h);
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
}

const goalPairs = (doc: IchiranDocument) => {
  const count = Math.max(doc.review.goals.length, doc.plan.goals.length);
  return Array.from({ length: count }, (_, i) => ({ review: doc.review.goals[i], plan: doc.plan.goals[i] }));
};
const itemText = (item: Item | undefined) => (item ? typedCell(item.no, item.text) : '');
const noteText = (item: Item | undefined) => {
  const note = item?.achievement ?? item?.target;
  return item && note !== undefined ? typedCell(item.no, note) : '';
};

/**
 * Form S: 担当部局名 boxed at the left (full-width space), 【令和N年度重点目標】 headings, column
 * headings only in the print titles, a `重点目標：title` row per goal merged over each block's two
 * columns, one row per item, 番号 merged down the goal and centred in it.
 */
export async function printFormLeft(doc: IchiranDocument, years: [string, string]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点目標一覧表');
  printSetup(ws, '1:4');
  const title = cell(ws, 1, 1, '重点目標一覧表', false);
  title.font = { ...FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells('A1:E1');
  cell(ws, 2, 1, `担当部局名\u3000${doc.department}`);
  ws.mergeCells('A2:B2');
  cell(ws, 3, 2, `【${years[0]}重点目標】`).alignment = { horizontal: 'center' };
  ws.mergeCells('B3:C3');
  cell(ws, 3, 4, `【${years[1]}重点目標】`).alignment = { horizontal: 'center' };
  ws.mergeCells('D3:E3');
  headings(ws, 4);
  let row = 5;
  for (const { review, plan } of goalPairs(doc)) {
    const first = row;
    const no = review?.no ?? plan?.no ?? 0;
    // Centred in the merged cell, as a department's file has it: printed beside a middle row of the goal.
    cell(ws, row, 1, no).alignment = { vertical: 'middle', horizontal: 'center' };
    const titled = (goal: Goal | undefined, col: number) => {
      cell(ws, row, col, goal ? `重点目標：${goal.title}` : '');
      ws.mergeCells(row, col, row, col + 1);
    };
    titled(review, 2);
    titled(plan, 4);
    row += 1;
    const count = Math.max(review?.items.length ?? 0, plan?.items.length ?? 0);
    for (let i = 0; i < count; i++, row++) {
      cell(ws, row, 2, itemText(review?.items[i]));
      cell(ws, row, 3, noteText(review?.items[i]));
      cell(ws, row, 4, itemText(plan?.items[i]));
      cell(ws, row, 5, noteText(plan?.items[i]));
    }
    ws.mergeCells(first, 1, row - 1, 1);
  }
  fitRowHeights(ws, 4);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Form K: the title at the left, `担当部局名：` and the name boxed at the right, years as plain
 * headings (平成30年度, 令和元年度), the column headings repeated under every goal as well as in
 * the print titles, the goal's title as the first line of its first item cell (`重点目標　title`),
 * 番号 on the goal's first row only.
 */
export async function printFormRight(doc: IchiranDocument, years: [string, string]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧表');
  printSetup(ws, '1:3');
  const title = cell(ws, 1, 1, '重点目標一覧表', false);
  title.font = { ...FONT, size: 14, bold: true };
  ws.mergeCells('A1:C1');
  cell(ws, 1, 4, '担当部局名：').alignment = { horizontal: 'right', vertical: 'middle' };
  cell(ws, 1, 5, doc.department).alignment = { vertical: 'middle' };
  cell(ws, 2, 2, years[0]).alignment = { horizontal: 'center' };
  ws.mergeCells('B2:C2');
  cell(ws, 2, 4, years[1]).alignment = { horizontal: 'center' };
  ws.mergeCells('D2:E2');
  headings(ws, 3);
  let row = 4;
  for (const [g, { review, plan }] of goalPairs(doc).entries()) {
    if (g > 0) headings(ws, row++);
    const count = Math.max(review?.items.length ?? 0, plan?.items.length ?? 0);
    for (let i = 0; i < count; i++, row++) {
      const titled = (goal: Goal | undefined, text: string) =>
        i === 0 && goal ? `重点目標\u3000${goal.title}\n${text}` : text;
      cell(ws, row, 1, i === 0 ? (review?.no ?? plan?.no ?? 0) : '').alignment = {
        vertical: 'top',
        horizontal: 'center',
      };
      cell(ws, row, 2, titled(review, itemText(review?.items[i])));
      cell(ws, row, 3, noteText(review?.items[i]));
      cell(ws, row, 4, titled(plan, itemText(plan?.items[i])));
      cell(ws, row, 5, noteText(plan?.items[i]));
    }
  }
  fitRowHeights(ws, 3);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Form T: the borders a department draws by hand. `担当部局名：name` unboxed at the left, full-width
 * years, column headings only in the print titles with a double line under them, dotted and hair
 * lines between items, a medium line round the table, the title typed in the item column without a
 * merge (it runs over the empty notes cell), 番号 on the goal's first row only and no line across
 * the 番号 column inside a goal.
 */
export async function printFormStyled(doc: IchiranDocument, years: [string, string]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('R2');
  printSetup(ws, '1:4');
  const title = cell(ws, 1, 1, '重点目標一覧表', false);
  title.font = { ...FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells('A1:E1');
  cell(ws, 2, 1, `担当部局名：${doc.department}`, false).alignment = { wrapText: false };
  cell(ws, 3, 2, `【${years[0]}重点目標】`).alignment = { horizontal: 'center' };
  ws.mergeCells('B3:C3');
  cell(ws, 3, 4, `【${years[1]}重点目標】`).alignment = { horizontal: 'center' };
  ws.mergeCells('D3:E3');
  headings(ws, 4);
  for (let c = 1; c <= 5; c++) {
    ws.getCell(4, c).border = { ...THIN, bottom: { style: 'double' } };
  }
  let row = 5;
  const between: Partial<ExcelJS.Borders> = {
    left: { style: 'thin' },
    right: { style: 'thin' },
    top: { style: 'hair' },
    bottom: { style: 'dotted' },
  };
  for (const { review, plan } of goalPairs(doc)) {
    const first = row;
    const count = Math.max(review?.items.length ?? 0, plan?.items.length ?? 0);
    const titled = (goal: Goal | undefined, col: number) => {
      cell(ws, row, col, goal ? `重点目標：${goal.title}` : '', false).alignment = { wrapText: false };
      ws.getCell(row, col).border = { left: { style: 'thin' }, top: { style: 'thin' } };
      ws.getCell(row, col + 1).border = { right: { style: 'thin' }, top: { style: 'thin' } };
    };
    titled(review, 2);
    titled(plan, 4);
    row += 1;
    for (let i = 0; i < count; i++, row++) {
      cell(ws, row, 2, itemText(review?.items[i])).border = between;
      cell(ws, row, 3, noteText(review?.items[i])).border = between;
      cell(ws, row, 4, itemText(plan?.items[i])).border = between;
      cell(ws, row, 5, noteText(plan?.items[i])).border = between;
    }
    for (let r = first; r < row; r++) {
      const no = cell(ws, r, 1, r === first ? (review?.no ?? plan?.no ?? 0) : '');
      no.alignment = { vertical: 'top', horizontal: 'center' };
      no.border = {
        left: { style: 'medium' },
        right: { style: 'thin' },
        top: r === first ? { style: 'thin' } : {},
      };
      const last = ws.getCell(r, 5);
      last.border = { ...last.border, right: { style: 'medium' } };
    }
  }
  for (let c = 1; c <= 5; c++) {
    const bottom = ws.getCell(row - 1, c);
    bottom.border = { ...bottom.border, bottom: { style: 'medium' } };
  }
  fitRowHeights(ws, 4);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
