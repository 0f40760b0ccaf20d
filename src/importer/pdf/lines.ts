/** Glyph runs → visual lines: runs on one baseline, in x order, however many fonts they came in. */
import type { Run } from './extract.ts';

export interface Line {
  runs: Run[];
  /** Baseline (points, y up), left and right edge, font size of the line's first run. */
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
}

/** Runs whose baselines differ by less than this share a line (fraction of the font size). */
const SAME_BASELINE = 0.35;
/** A gap wider than this (fraction of the font size) between two runs is a space in the text. */
const SPACE_GAP = 0.25;

/** Lines top to bottom; a line's runs left to right. */
export function groupLines(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) < SAME_BASELINE * Math.max(first.size, run.size)) {
      line.push(run);
    } else lines.push([run]);
  }
  return lines.map(makeLine);
}

export function makeLine(runs: Run[]): Line {
  const ordered = [...runs].sort((a, b) => a.x - b.x);
  const first = ordered[0];
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of ordered) {
    if (text !== '' && run.x - end > SPACE_GAP * run.size) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return {
    runs: ordered,
    y: first?.y ?? 0,
    x: first?.x ?? 0,
    right: end,
    size: first?.size ?? 0,
    text: text.replace(/\s+/g, ' ').trim(),
  };
}

/** A line cut where runs stand apart by more than `gap` × font size: the separate boxes of a form row. */
export function segments(line: Line, gap: number): Line[] {
  const out: Run[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const run of line.runs) {
    const current = out.at(-1);
    if (current && run.x - end <= gap * run.size) current.push(run);
    else out.push([run]);
    end = Math.max(end, run.x + run.width);
  }
  return out.map(makeLine);
}
