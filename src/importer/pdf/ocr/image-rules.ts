/**
 * The ruling lines of a scanned table, found in the page image: long straight runs of dark pixels.
 * With them the positional reader finds rows and merged cells as it does from a PDF's drawn rules.
 * A page scanned askew breaks its lines into short runs: no rules, and the reader falls back to
 * columns from where text lines start.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Rule } from '../extract.ts';

/** Darker than this (0–255 luminance) is ink. */
const INK = 160;
/** A run of ink at least this long (points) is a rule, not a stroke of a glyph. */
const MIN_RULE = 25;
/** Shorter vertical runs count where a long rule stands too: a column's border in a low row. */
const MIN_SHORT_RULE = 6;
/** Gaps up to this many pixels inside a run (anti-aliasing, compression noise) do not end it. */
const GAP = 2;

interface Segment {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink along one axis: `ink(i, j)` reads pixel j of row (or column) i. */
function runs(count: number, length: number, ink: (i: number, j: number) => boolean, min: number) {
  const out: Segment[][] = [];
  for (let i = 0; i < count; i++) {
    const found: Segment[] = [];
    let start = -1;
    let last = -1;
    for (let j = 0; j <= length; j++) {
      if (j < length && ink(i, j)) {
        if (start < 0) start = j;
        last = j;
      } else if (start >= 0 && j - last > GAP) {
        if (last - start + 1 >= min) found.push({ at: i, from: start, to: last + 1 });
        start = -1;
      }
    }
    out.push(found);
  }
  return out;
}

/** Runs on neighbouring rows that overlap are one line of some thickness: one segment at its middle. */
function merge(perRow: Segment[][]): Segment[] {
  const done: Segment[] = [];
  let open: Array<Segment & { first: number; last: number }> = [];
  for (const row of perRow) {
    const next: typeof open = [];
    for (const s of row) {
      const joined = open.find((o) => o.last === s.at - 1 && o.from < s.to && s.from < o.to);
      if (joined) {
        joined.last = s.at;
        joined.from = Math.min(joined.from, s.from);
        joined.to = Math.max(joined.to, s.to);
        if (!next.includes(joined)) next.push(joined);
      } else next.push({ ...s, first: s.at, last: s.at });
    }
    for (const o of open)
      if (!next.includes(o)) done.push({ at: (o.first + o.last) / 2, from: o.from, to: o.to });
    open = next;
  }
  for (const o of open) done.push({ at: (o.first + o.last) / 2, from: o.from, to: o.to });
  return done;
}

/** `scale`: pixels per point; rules come back in page points (y up), as extract.ts draws them. */
export async function rulesFromImage(png: Buffer, scale: number): Promise<Rule[]> {
  const image = await loadImage(png);
  const { width, height } = image;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, width, height);
  const dark = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const lum =
      0.299 * (data[p * 4] ?? 255) + 0.587 * (data[p * 4 + 1] ?? 255) + 0.114 * (data[p * 4 + 2] ?? 255);
    dark[p] = lum < INK ? 1 : 0;
  }
  const min = MIN_RULE * scale;
  const pageHeight = height / scale;
  const horizontal = merge(runs(height, width, (y, x) => dark[y * width + x] === 1, min));
  const verticals = merge(runs(width, height, (x, y) => dark[y * width + x] === 1, MIN_SHORT_RULE * scale));
  const long = verticals.filter((s) => s.to - s.from >= min);
  const vertical = verticals.filter((s) => long.some((l) => Math.abs(l.at - s.at) <= 2.5 * scale));
  return [
    ...horizontal.map(
      (s): Rule => ({ dir: 'h', at: pageHeight - s.at / scale, from: s.from / scale, to: s.to / scale }),
    ),
    ...vertical.map(
      (s): Rule => ({
        dir: 'v',
        at: s.at / scale,
        from: pageHeight - s.to / scale,
        to: pageHeight - s.from / scale,
      }),
    ),
  ];
}
