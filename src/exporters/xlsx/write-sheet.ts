import type { Alignment, Fill, Font, Worksheet } from 'exceljs';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { Block, Goal, IchiranDocument, Item } from '../../format/document.schema.ts';
import { goalTitleText, itemCellText, numberedText } from '../../spreadsheet/cell-text.ts';
import { guard } from '../../spreadsheet/formula-guard.ts';
import {
  ACHIEVEMENT_HEADER,
  BLOCK_COLUMNS,
  blockHeading,
  COL,
  COLUMN_WIDTHS,
  DEPARTMENT_LABEL,
  FORM_TITLE,
  ITEM_HEADER,
  NUMBER_HEADER,
  ROW,
  TARGET_HEADER,
} from '../../spreadsheet/layout.ts';
import { rowHeight } from './row-height.ts';
import {
  bodyFont,
  boldFont,
  centered,
  goalFill,
  headerFill,
  numberAlignment,
  TEXT_FORMAT,
  thinBorders,
  titleFont,
  wrapTop,
} from './styles.ts';

interface CellStyle {
  font?: Partial<Font>;
  alignment?: Partial<Alignment>;
  fill?: Fill;
  border?: boolean;
}

const BLOCKS: Block[] = ['review', 'plan'];
const width = (col: number): number => COLUMN_WIDTHS[col - 1] ?? 10;

/**
 * Every cell gets a string value and the text format, so nothing written here can become a formula,
 * even when edited; text that looks like one also gets the same `'` as in CSV (formula-guard.ts).
 */
function put(ws: Worksheet, row: number, col: number, text: string, style: CellStyle = {}): void {
  const cell = ws.getCell(row, col);
  cell.value = guard(text);
  cell.numFmt = TEXT_FORMAT;
  cell.font = style.font ?? bodyFont;
  cell.alignment = style.alignment ?? wrapTop;
  if (style.fill) cell.fill = style.fill;
  if (style.border ?? true) cell.border = thinBorders;
}

function writeHeader(ws: Worksheet, doc: IchiranDocument): void {
  put(ws, ROW.title, COL.no, FORM_TITLE, { font: titleFont, alignment: centered, border: false });
  ws.mergeCells(ROW.title, COL.no, ROW.title, COL.planNote);
  ws.getRow(ROW.title).height = 28;

  const label = { font: boldFont, alignment: centered, fill: headerFill };
  put(ws, ROW.department, COL.planItem, DEPARTMENT_LABEL, label);
  put(ws, ROW.department, COL.planNote, doc.department, {
    font: boldFont,
    alignment: { ...centered, horizontal: 'left' },
  });
  ws.getRow(ROW.department).height = Math.max(22, rowHeight([[doc.department, width(COL.planNote)]]));

  put(ws, ROW.headings, COL.no, NUMBER_HEADER, label);
  put(ws, ROW.headers, COL.no, '', label);
  ws.mergeCells(ROW.headings, COL.no, ROW.headers, COL.no);
  for (const block of BLOCKS) {
    const cols = BLOCK_COLUMNS[block];
    put(ws, ROW.headings, cols.item, blockHeading(formatFiscalYear(doc[block].fiscalYear)), label);
    put(ws, ROW.headings, cols.note, '', label);
    ws.mergeCells(ROW.headings, cols.item, ROW.headings, cols.note);
    put(ws, ROW.headers, cols.item, ITEM_HEADER, label);
    put(ws, ROW.headers, cols.note, block === 'review' ? ACHIEVEMENT_HEADER : TARGET_HEADER, label);
  }
  ws.getRow(ROW.headings).height = 20;
  ws.getRow(ROW.headers).height = 20;
}

function noteOf(item: Item, block: Block): string | undefined {
  return block === 'review' ? item.achievement : item.target;
}

/** Row k of the form: review goal k beside plan goal k; returns the next free row. */
function writeGoalRow(
  ws: Worksheet,
  row: number,
  no: number,
  goals: Record<Block, Goal | undefined>,
): number {
  const lines = Math.max(goals.review?.items.length ?? 0, goals.plan?.items.length ?? 0);
  put(ws, row, COL.no, String(no), { font: boldFont, alignment: numberAlignment });
  const titleCells: Array<[string, number]> = [];
  for (const block of BLOCKS) {
    const cols = BLOCK_COLUMNS[block];
    const goal = goals[block];
    const text = goal ? goalTitleText(goal.title) : '';
    put(ws, row, cols.item, text, { font: boldFont, fill: goalFill });
    put(ws, row, cols.note, '', { fill: goalFill });
    ws.mergeCells(row, cols.item, row, cols.note);
    titleCells.push([text, width(cols.item) + width(cols.note)]);
  }
  ws.getRow(row).height = rowHeight(titleCells);

  for (let i = 0; i < lines; i += 1) {
    const r = row + 1 + i;
    put(ws, r, COL.no, '', { alignment: numberAlignment });
    const cells: Array<[string, number]> = [];
    for (const block of BLOCKS) {
      const cols = BLOCK_COLUMNS[block];
      const item = goals[block]?.items[i];
      const note = item ? noteOf(item, block) : undefined;
      const itemText = item ? itemCellText(item) : '';
      const noteText = item && note !== undefined ? numberedText(item.no, note) : '';
      put(ws, r, cols.item, itemText);
      put(ws, r, cols.note, noteText);
      cells.push([itemText, width(cols.item)], [noteText, width(cols.note)]);
    }
    ws.getRow(r).height = rowHeight(cells);
  }
  if (lines > 0) ws.mergeCells(row, COL.no, row + lines, COL.no);
  return row + 1 + lines;
}

/** One department's 一覧表 in the layout of the official form. */
export function writeSheet(ws: Worksheet, doc: IchiranDocument): void {
  ws.columns = COLUMN_WIDTHS.map((w) => ({ width: w }));
  writeHeader(ws, doc);
  const nos = [...new Set([...doc.review.goals, ...doc.plan.goals].map((g) => g.no))].sort((a, b) => a - b);
  let row: number = ROW.firstData;
  for (const no of nos) {
    const goals = {
      review: doc.review.goals.find((g) => g.no === no),
      plan: doc.plan.goals.find((g) => g.no === no),
    };
    row = writeGoalRow(ws, row, no, goals);
  }
}
