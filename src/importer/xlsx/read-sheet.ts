import type { Worksheet } from 'exceljs';
import type { Block, Goal, IchiranDocument, ImportWarning, Item } from '../../format/document.schema.ts';
import { quantitiesOf } from '../../quantities/fill.ts';
import { parseGoalTitle, parseItemCell, splitNumbered } from '../../spreadsheet/cell-text.ts';
import { BLOCK_COLUMNS, COL, ROW } from '../../spreadsheet/layout.ts';
import { notADocument, ownsValue, textAt } from './cells.ts';
import { readHeader } from './read-header.ts';

const BLOCKS: Block[] = ['review', 'plan'];
type RowGoals = Record<Block, Goal | undefined>;

/** One worksheet in the form `writeSheet` writes → the document it shows. */
export function readSheet(ws: Worksheet, warnings: ImportWarning[]): IchiranDocument {
  const header = readHeader(ws);
  const goals: Record<Block, Goal[]> = { review: [], plan: [] };
  let current: RowGoals | undefined;
  for (let row: number = ROW.firstData; row <= ws.rowCount; row += 1) {
    const numberCell = ws.getCell(row, COL.no);
    const number = textAt(ws, row, COL.no).trim();
    if (ownsValue(numberCell) && number !== '') {
      current = readGoalRow(ws, row, number);
      for (const block of BLOCKS) {
        const goal = current[block];
        if (goal) goals[block].push(goal);
      }
    } else {
      readItemRow(ws, row, current);
    }
  }
  return {
    department: header.department,
    review: { fiscalYear: header.reviewYear, goals: goals.review },
    plan: { fiscalYear: header.planYear, goals: goals.plan },
    warnings,
  };
}

/** The row that starts goal row k: its number and the 重点目標 title of each side (either may be empty). */
function readGoalRow(ws: Worksheet, row: number, number: string): RowGoals {
  if (!/^[0-9]+$/.test(number) || Number(number) < 1) {
    throw notADocument(ws.name, row, `番号 must be a number 1, 2, 3…, found "${number}"`);
  }
  const no = Number(number);
  const goalOf = (block: Block): Goal | undefined => {
    const cell = textAt(ws, row, BLOCK_COLUMNS[block].item);
    if (cell === '') return undefined;
    const title = parseGoalTitle(cell);
    if (title === undefined) {
      throw notADocument(
        ws.name,
        row,
        `goal row ${no} must start with 重点目標, found "${cell.slice(0, 20)}"`,
      );
    }
    return { no, title, items: [] };
  };
  return { review: goalOf('review'), plan: goalOf('plan') };
}

function readItemRow(ws: Worksheet, row: number, current: RowGoals | undefined): void {
  for (const block of BLOCKS) {
    const cols = BLOCK_COLUMNS[block];
    const itemCell = textAt(ws, row, cols.item);
    const noteCell = textAt(ws, row, cols.note);
    if (itemCell === '' && noteCell === '') continue;
    const goal = current?.[block];
    if (!goal) {
      throw notADocument(
        ws.name,
        row,
        `an item with no 重点目標 above it (${block === 'review' ? '前年度' : '当年度'})`,
      );
    }
    goal.items.push(readItem(itemCell, noteCell, block, goal.items.length + 1));
  }
}

function readItem(itemCell: string, noteCell: string, block: Block, position: number): Item {
  const parsed = parseItemCell(itemCell);
  const note = noteCell === '' ? undefined : splitNumbered(noteCell);
  const item: Item = { no: parsed.no ?? note?.no ?? position, text: parsed.text };
  if (parsed.unit !== undefined) item.unit = parsed.unit;
  if (note !== undefined) {
    if (block === 'review') item.achievement = note.text;
    else item.target = note.text;
  }
  item.quantities = quantitiesOf(note?.text, block === 'review' ? 'actual' : 'target');
  return item;
}
