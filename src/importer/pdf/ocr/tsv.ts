/**
 * tesseract's TSV (word boxes in pixels, y down) → the glyph runs the text-layer reader works on
 * (points, y up, baseline left). Each word becomes a run; the positional reader then groups runs
 * into lines and cells exactly as for a PDF's text layer, joining Japanese words without spaces.
 */
import type { Run } from '../extract.ts';

/** A run read by OCR: the word's confidence (0–100) travels with it to the cell it lands in. */
export interface OcrRun extends Run {
  confidence: number;
}

interface Word {
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

function words(tsv: string): Word[] {
  const out: Word[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    // level 5 is a word; its text is the 12th field (a tab never occurs inside it).
    if (f[0] !== '5' || f.length < 12) continue;
    const text = (f[11] ?? '').trim();
    const confidence = Number(f[10]);
    if (text === '' || !(confidence >= 0)) continue;
    out.push({
      line: `${f[2]}.${f[3]}.${f[4]}`,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      confidence,
      text,
    });
  }
  return out;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * `scale` is pixels per point of the rendered page, `pageHeight` its height in points. A word's
 * size is its line's typical ideograph height: runs of one printed line then share a baseline and a
 * size as the text layer's do.
 */
export function runsFromTsv(tsv: string, scale: number, pageHeight: number): OcrRun[] {
  const all = words(tsv);
  const byLine = new Map<string, Word[]>();
  for (const w of all) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const runs: OcrRun[] = [];
  for (const line of byLine.values()) {
    const ideographs = line.filter((w) => CJK.test(w.text));
    const typical = ideographs.length > 0 ? ideographs : line;
    const sizePx = median(typical.map((w) => w.height));
    const lineBottom = median(typical.map((w) => w.top + w.height));
    for (const w of line) {
      // Punctuation and small kana sit high or low in their own boxes: near the line's bottom, the
      // line's bottom is their baseline. A word far from it (tesseract's psm 6 lines may join rows
      // of neighbouring cells) keeps its own.
      const own = w.top + w.height;
      const bottom = Math.abs(own - lineBottom) < 0.6 * sizePx ? lineBottom : own;
      runs.push({
        text: w.text,
        x: w.left / scale,
        y: pageHeight - bottom / scale,
        width: w.width / scale,
        size: (sizePx > 0 ? sizePx : w.height) / scale,
        font: 'ocr',
        confidence: w.confidence,
      });
    }
  }
  return closeGaps(runs);
}

const LATIN = /[A-Za-z0-9,.]$/;

/**
 * tesseract's boxes hug the ink, so two ideographs printed side by side stand apart by their side
 * bearings, enough for the line builder to see a space. A run is widened to the next one on its
 * line when the gap is narrower than an ideograph and is not between two Latin words: Japanese
 * joins without spaces, a cell's border (a much wider gap, or a rule) still parts them.
 */
function closeGaps(runs: OcrRun[]): OcrRun[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const run = sorted[i];
    const next = sorted[i + 1];
    if (!run || !next || Math.abs(run.y - next.y) > 0.35 * run.size) continue;
    const gap = next.x - (run.x + run.width);
    const latin = LATIN.test(run.text) && /^[A-Za-z0-9]/.test(next.text);
    if (gap > 0 && gap < 0.7 * run.size && !latin) run.width = next.x - run.x;
  }
  return sorted;
}
