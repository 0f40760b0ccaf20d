import { circledValue, toCircled } from '../domain/vocabulary/numbering.ts';
import { GOAL_LABEL } from './layout.ts';

/**
 * How item, note and title texts appear in a cell, and how they are read back. The form breaks a
 * line before each bullet (・ ○ …) and sub-item ((1) （2）), which the stored text holds as a single
 * space. The break is written as " \n" (the space stays), so reading drops a newline that follows a
 * space and the text comes back unchanged. A newline a person types (Alt+Enter) has no space before
 * it and is kept.
 */
const BREAK_BEFORE = / (?=[・○●◎◇■□※]|[(（][0-9０-９]{1,2}[)）])/u;
const ONLY_NUMBERING = /^[(（][0-9０-９]{1,2}[)）]$/u;
const INSERTED_BREAK = / \r?\n/g;

/** Same rule as the web page (src/views/text-lines.tsx): `(1) ○…` stays on one line. */
export function withLineBreaks(text: string): string {
  const lines: string[] = [];
  for (const part of text.split(BREAK_BEFORE)) {
    const last = lines.length - 1;
    if (last >= 0 && ONLY_NUMBERING.test(lines[last] ?? '')) lines[last] = `${lines[last]} ${part}`;
    else lines.push(part);
  }
  return lines.join(' \n');
}

export function withoutLineBreaks(cell: string): string {
  return cell.replace(INSERTED_BREAK, ' ');
}

/** `① text` (the number, one space, the text); `①` alone for an empty text. */
export function numberedText(no: number, text: string): string {
  return text === '' ? toCircled(no) : `${toCircled(no)} ${withLineBreaks(text)}`;
}

const PLAIN_NUMBER = /^\((\d+)\)/;

/** The item number a cell starts with (`①`, or `(51)` past ㊿) and the text after it. */
export function splitNumbered(cell: string): { no: number | undefined; text: string } {
  const circled = circledValue(cell.charAt(0));
  const plain = circled === undefined ? PLAIN_NUMBER.exec(cell) : null;
  const length = circled !== undefined ? 1 : (plain?.[0].length ?? 0);
  const no = circled ?? (plain ? Number(plain[1]) : undefined);
  const rest = cell.slice(length);
  const text = length > 0 && rest.startsWith(' ') ? rest.slice(1) : rest;
  return { no, text: withoutLineBreaks(text) };
}

/** `（北部地域自治センター）` on a line of its own above the numbered item, as on the form. */
export function itemCellText(item: { no: number; unit?: string | undefined; text: string }): string {
  const body = numberedText(item.no, item.text);
  return item.unit === undefined ? body : `（${item.unit}）\n${body}`;
}

const UNIT_LINE = /^（([^\n]+)）\n/u;

export function parseItemCell(cell: string): { no: number | undefined; unit?: string; text: string } {
  const unit = UNIT_LINE.exec(cell);
  const numbered = splitNumbered(unit ? cell.slice(unit[0].length) : cell);
  return unit?.[1] === undefined ? numbered : { ...numbered, unit: unit[1] };
}

const TITLE_SEPARATOR = '　';

/** `重点目標　<title>`; the label alone for a goal whose title is empty. */
export function goalTitleText(title: string): string {
  return title === '' ? GOAL_LABEL : `${GOAL_LABEL}${TITLE_SEPARATOR}${title}`;
}

/** The title after the label, or undefined when the cell does not start with 重点目標. */
export function parseGoalTitle(cell: string): string | undefined {
  if (!cell.startsWith(GOAL_LABEL)) return undefined;
  const rest = cell.slice(GOAL_LABEL.length);
  return /^[ 　]/u.test(rest) ? rest.slice(1) : rest;
}
