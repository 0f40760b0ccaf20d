/**
 * The printed form's fixed words, put back where OCR lost or bent them: the reader keys on them
 * (【令和N年度重点目標】, the 重点目標 label before a title), and a misread label would break the
 * table's structure rather than one cell. Only the form's own vocabulary is repaired, never content.
 */

import { circledValue, toCircled } from '../../../domain/vocabulary/numbering.ts';
import type { Columns } from '../geometry.ts';
import { columnOf } from '../geometry.ts';
import { groupLines } from '../lines.ts';
import { startsParagraph } from '../paragraph-lines.ts';
import type { OcrRun } from './tsv.ts';

/** A year heading whose last word OCR bent (重点目禁, 重貞目標…): 2 of its 4 ideographs suffice. */
const yearHeading = /^【\s*((?:令和|平成)\s*(?:[0-9０-９]{1,2}|元)\s*年\s*度)\s*([^【】]{2,6})】$/;
function looksLikeGoalWord(text: string): boolean {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length <= 5 && [...'重点目標'].filter((c) => chars.includes(c)).length >= 2;
}

/** The table's column headings as the form prints them. */
const COLUMN_LABELS = ['具体的な重点取組項目（箇条書き）', '達成状況・達成度', '期限・数値目標等'];

function distance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** A cell that reads as a column heading with a character or two misread → the heading. */
function columnLabel(text: string): string | undefined {
  const chars = [...text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')];
  return COLUMN_LABELS.find((l) => distance(chars, [...l]) <= Math.floor([...l].length / 5));
}

/** Bars and brackets tesseract reads into the ruling lines and label boxes before an item's number. */
const strayLead = /^[|｜丨』」\]]+(?=[①-⑳㉑-㊿])/;
const startOf = (run: OcrRun) => run.x + Math.min(run.width, run.size) / 2;

/** 【令和3年度重点目禁】 read as several words (a centred heading may reach into the next column) → one run. */
function yearHeadings(runs: OcrRun[]): OcrRun[] {
  const out: OcrRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const first = runs[i];
    if (!first) continue;
    if (first.text.startsWith('【')) {
      let joined = '';
      for (let j = i; j < Math.min(runs.length, i + 16); j++) {
        joined += runs[j]?.text ?? '';
        if (!joined.includes('】')) continue;
        const heading = yearHeading.exec(joined.replace(/\s+/g, ''));
        const last = runs[j];
        if (heading && looksLikeGoalWord(heading[2] ?? '') && last) {
          out.push({
            ...first,
            text: `【${(heading[1] ?? '').replace(/\s+/g, '')}重点目標】`,
            width: last.x + last.width - first.x,
            // The form's own word, known: nothing for a person to check.
            confidence: 100,
          });
          i = j;
        }
        break;
      }
      if (out.at(-1)?.x === first.x) continue;
    }
    out.push(first);
  }
  return out;
}

/**
 * ② read as ⑫ (the ring's edge taken for a 1): an item number of 10 or more where the column's
 * next number, plus ten, was expected is that next number.
 */
function itemNumber(run: OcrRun, last: Map<number, number>, column: number): OcrRun {
  const lead = [...run.text][0] ?? '';
  const no = circledValue(lead);
  if (no === undefined) return run;
  const expected = (last.get(column) ?? 0) + 1;
  const fixed = no >= 10 && no - 10 === expected ? expected : no;
  last.set(column, fixed);
  return fixed === no ? run : { ...run, text: toCircled(fixed) + run.text.slice(lead.length) };
}

export function repairForm(runs: readonly OcrRun[], columns: Columns): OcrRun[] {
  const out: OcrRun[] = [];
  const lastItem = new Map<number, number>();
  for (const line of groupLines(runs)) {
    const lineRuns = yearHeadings(
      (line.runs as OcrRun[]).map((r) => ({ ...r, text: r.text.replace(strayLead, '') })),
    );
    // 番号 holds numbers only: anything else there is the label or a smudge.
    const cells = new Map<number, OcrRun[]>();
    for (const run of lineRuns) {
      const c = columnOf(columns, startOf(run));
      if (c === 0 && !/^[0-9０-９]{1,3}$/.test(run.text)) continue;
      cells.set(c, [...(cells.get(c) ?? []), run]);
    }
    const numbered = (cells.get(0)?.length ?? 0) > 0;
    if (numbered) lastItem.clear();
    for (const [c, cellRuns] of cells) {
      const lead = cellRuns[0];
      if (lead && c > 0) cellRuns[0] = itemNumber(lead, lastItem, c);
    }
    for (const [c, cellRuns] of cells) {
      const text = groupLines(cellRuns)
        .map((l) => l.text)
        .join(' ');
      const first = cellRuns[0];
      const label = columnLabel(text);
      if (label && first) {
        const last = cellRuns.at(-1) ?? first;
        out.push({ ...first, text: label, width: last.x + last.width - first.x, confidence: 100 });
        continue;
      }
      // The goal's number stands on its title row; the boxed 重点目標 label there is often lost.
      if (numbered && (c === 1 || c === 3) && first && !/^重点目標/.test(text) && !startsParagraph(text)) {
        out.push({
          ...first,
          text: '重点目標',
          x: first.x - 0.45 * first.size,
          width: 0.05 * first.size,
          confidence: 100,
        });
      }
      out.push(...cellRuns);
    }
  }
  return out;
}
