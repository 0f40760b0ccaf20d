/**
 * Where OCR was unsure: a paragraph of a cell (a title, an item, a note) whose words' mean
 * confidence is below UNSURE, located in the document (block, goal, item, field) so the CLI and the
 * preview can name and highlight it. The location travels in the warning's text (the interchange
 * JSON has no other place for it); parseUncertainWarning reads it back.
 */

import { splitLeadingCircled } from '../../../domain/vocabulary/numbering.ts';
import type { Block, IchiranDocument } from '../../../format/document.schema.ts';
import type { Line } from '../lines.ts';
import { joinWrapped, startsParagraph } from '../paragraph-lines.ts';
import type { TableRow } from '../table-rows.ts';

/** Mean word confidence (tesseract's 0–100) below which a paragraph is to be checked by a person. */
export const UNSURE = 80;

export interface Uncertain {
  page: number;
  column: number;
  text: string;
  confidence: number;
}

export type UncertainField = 'title' | 'text' | 'achievement' | 'target';

export interface UncertainPlace {
  page: number;
  confidence: number;
  block?: Block;
  goal?: number;
  item?: number;
  field?: UncertainField;
  text: string;
}

const confidenceOf = (run: object) =>
  'confidence' in run && typeof run.confidence === 'number' ? run.confidence : 100;

interface Paragraph {
  text: string;
  weight: number;
  sum: number;
}

function paragraphs(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of lines) {
    // Weighted by characters: one unsure ideograph among many sure ones weighs as little as it is.
    let weight = 0;
    let sum = 0;
    for (const run of line.runs) {
      const n = [...run.text].length;
      weight += n;
      sum += n * confidenceOf(run);
    }
    const last = out.at(-1);
    if (!last || startsParagraph(line.text)) out.push({ text: line.text, weight, sum });
    else {
      last.text = joinWrapped(last.text, line.text);
      last.weight += weight;
      last.sum += sum;
    }
  }
  return out;
}

/** Paragraphs of the table's cells (not the 番号 column) read with a mean confidence below UNSURE. */
export function uncertainParagraphs(rows: readonly TableRow[]): Uncertain[] {
  const out: Uncertain[] = [];
  for (const row of rows) {
    for (let column = 1; column < row.cells.length; column++) {
      for (const p of paragraphs(row.cells[column] ?? [])) {
        const confidence = p.weight === 0 ? 100 : p.sum / p.weight;
        if (confidence < UNSURE) out.push({ page: row.page, column, text: p.text, confidence });
      }
    }
  }
  return out;
}

const compact = (text: string) => text.replace(/\s+/g, '');
/** What the text reader strips from a paragraph before it becomes a title or an item. */
const key = (text: string) =>
  compact(text)
    .replace(/^重点目標[:：]?/, '')
    .replace(/^[①-⑳㉑-㊿]+/, '')
    .replace(/^[・○●◎■□◆◇※]+/, '')
    .slice(0, 24);

/** Which title, item or note of the document holds the paragraph (undefined when none does). */
export function placeOf(u: Uncertain, doc: IchiranDocument): UncertainPlace {
  const base = { page: u.page, confidence: Math.round(u.confidence), text: u.text };
  const block: Block = u.column <= 2 ? 'review' : 'plan';
  const k = key(u.text);
  if (k === '') return base;
  const note = u.column === 2 || u.column === 4;
  const numbered = splitLeadingCircled(compact(u.text))?.no;
  const field: UncertainField = note ? (block === 'review' ? 'achievement' : 'target') : 'text';
  for (const goal of doc[block].goals) {
    if (!note && compact(goal.title).includes(k)) return { ...base, block, goal: goal.no, field: 'title' };
    for (const item of goal.items) {
      if (numbered !== undefined && item.no !== numbered) continue;
      if (compact(item[field] ?? '').includes(k))
        return { ...base, block, goal: goal.no, item: item.no, field };
      // A unit line （豊殿地域自治センター） above an item becomes the item's unit.
      const unit = compact(item.unit ?? '');
      if (!note && unit !== '' && k.replace(/^[（(]|[）)]$/g, '').includes(unit.slice(0, 6))) {
        return { ...base, block, goal: goal.no, item: item.no, field: 'text' };
      }
    }
  }
  return { ...base, block };
}

/** `page 2: OCR unsure (61%) at plan goal 1 item 3 target: 「…」` */
export function uncertainWarning(u: Uncertain, doc: IchiranDocument): string {
  const p = placeOf(u, doc);
  const at =
    p.goal === undefined
      ? `${p.block ?? ''} block`.trim()
      : p.item === undefined
        ? `${p.block} goal ${p.goal} title`
        : `${p.block} goal ${p.goal} item ${p.item} ${p.field}`;
  return `page ${p.page}: OCR unsure (${p.confidence}%) at ${at}: 「${p.text}」: compare it with the paper`;
}

const pattern =
  /^page (\d+): OCR unsure \((\d+)%\) at (review|plan)(?: goal (\d+) (?:title|item (\d+) (text|achievement|target)))?(?: block)?: 「([\s\S]*)」: compare it with the paper$/;

/** The place a warning of uncertainWarning names, or undefined for any other warning. */
export function parseUncertainWarning(message: string): UncertainPlace | undefined {
  const m = pattern.exec(message);
  if (!m) return undefined;
  const goal = m[4] === undefined ? undefined : Number(m[4]);
  const item = m[5] === undefined ? undefined : Number(m[5]);
  return {
    page: Number(m[1]),
    confidence: Number(m[2]),
    block: m[3] as Block,
    ...(goal === undefined ? {} : { goal }),
    ...(item === undefined ? {} : { item }),
    ...(goal === undefined ? {} : { field: (m[6] as UncertainField | undefined) ?? 'title' }),
    text: m[7] ?? '',
  };
}
