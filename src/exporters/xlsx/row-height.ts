import { BODY_SIZE } from './styles.ts';

/**
 * Neither Excel nor ExcelJS sizes rows to wrapped text reliably (Excel never does for merged cells),
 * so rows get a height estimated from the text: the form must print without clipped lines.
 */
const DIGIT_PX = 7; // the workbook's default font (Calibri 11) measures column widths
const POINT_PX = 96 / 72;
const FULL_WIDTH_PX = BODY_SIZE * POINT_PX;
const HALF_WIDTH_PX = FULL_WIDTH_PX * 0.55;
// BIZ UDPゴシック's ascent + descent is exactly 1 em; Excel rounds lines up to whole pixels.
const LINE_PT = BODY_SIZE * 1.1;
const PADDING_PT = 4;
const MAX_ROW_PT = 409; // Excel's limit

// Full-width: CJK, kana, full-width forms, circled numbers and the like.
const WIDE =
  /[\u1100-\u115f\u2460-\u24ff\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function textPx(line: string): number {
  let px = 0;
  for (const char of line) px += WIDE.test(char) ? FULL_WIDTH_PX : HALF_WIDTH_PX;
  return px;
}

/** Lines a text needs in a column `width` characters wide (Excel's unit), with a little slack. */
export function linesNeeded(text: string, width: number, scale = 1): number {
  const usable = width * DIGIT_PX + 5 - 8; // cell padding on both sides
  return text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil((textPx(line) * scale * 1.08) / usable)), 0);
}

/** Row height in points for cells given as [text, width of the (merged) cell]. */
export function rowHeight(cells: Array<[string, number]>, scale = 1): number {
  const lines = Math.max(
    1,
    ...cells.map(([text, width]) => (text === '' ? 1 : linesNeeded(text, width, scale))),
  );
  return Math.min(MAX_ROW_PT, Math.ceil(lines * LINE_PT * scale + PADDING_PT));
}
