/**
 * pdfjs-dist (legacy build: runs in Node 20 without a worker of its own) → what the table reader needs
 * of each page: the glyph runs with their position and the ruling lines the producer drew.
 */
import { fileURLToPath } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../../errors.ts';

/** A run of glyphs as the producer placed it: baseline left (x, y in points, y up), size, font. */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

/** A ruling line: horizontal (`at` is y, from..to along x) or vertical (`at` is x, from..to along y). */
export interface Rule {
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  number: number;
  width: number;
  height: number;
  runs: Run[];
  rules: Rule[];
  hasImages: boolean;
}

/**
 * pdfjs imports its worker module (2 MB) on first use when no worker thread is set up. Imported
 * here instead, it loads with the importer: before the parse worker (importer/isolated) starts a
 * file's time budget, not inside it.
 */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const pdfjsGlobal = globalThis as { pdfjsWorker?: unknown };

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
/**
 * pdfjs (tens of MB once loaded, and its legacy build replaces Array.prototype.push for the whole process)
 * comes with the first PDF read, not when the server starts. The parse worker calls this before its budget
 * starts (importer/isolated/parse-worker.ts).
 */
export function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  pdfjs ??= (async () => {
    const library = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjsGlobal.pdfjsWorker ??= await import(WORKER_MODULE);
    return library;
  })();
  return pdfjs;
}

// Predefined CMaps: Excel and LibreOffice PDFs may use unembedded Japanese fonts (UniJIS-UCS2-H…).
const assets = (folder: string) =>
  fileURLToPath(new URL(`${folder}/`, import.meta.resolve('pdfjs-dist/package.json')));

/** Thicker than this, a filled rectangle is a shaded area, not a rule. */
const RULE_THICKNESS = 2.5;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
  try {
    return await getDocument({
      // pdfjs takes ownership of (detaches) the buffer it is given.
      data: new Uint8Array(bytes),
      cMapUrl: assets('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assets('standard_fonts'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const why = name === 'PasswordException' ? 'is password-protected' : 'is damaged or is not a PDF';
    throw new AppError(
      'NOT_A_DOCUMENT',
      `the PDF ${why}: save it again without a password`,
      {},
      { cause: error },
    );
  }
}

export async function readPage(doc: PDFDocumentProxy, number: number): Promise<PageContent> {
  const page = await doc.getPage(number);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const text = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of text.items) {
    if (!('str' in item)) continue;
    const run = toRun(item, x0, y0);
    if (run) runs.push(run);
  }
  const ops = await page.getOperatorList();
  const { rules, hasImages } = readDrawing((await loadPdfjs()).OPS, ops.fnArray, ops.argsArray, x0, y0);
  page.cleanup();
  return { number, width: x1 - x0, height: y1 - y0, runs, rules, hasImages };
}

function toRun(item: TextItem, x0: number, y0: number): Run | undefined {
  // pdfjs adds whitespace items for gaps it saw; spacing is judged from positions instead.
  if (item.str.trim() === '') return undefined;
  const [a, b, , , e, f] = item.transform as number[];
  const size = Math.hypot(a ?? 0, b ?? 0) || item.height;
  // Only upright text makes table cells; rotated stamps and watermarks are not content.
  if (Math.abs(b ?? 0) > 0.01 * size) return undefined;
  return {
    text: item.str,
    x: (e ?? 0) - x0,
    y: (f ?? 0) - y0,
    width: item.width,
    size,
    font: item.fontName,
  };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

type Ops = Awaited<ReturnType<typeof loadPdfjs>>['OPS'];
const imageOps = (OPS: Ops) =>
  new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);

// The path buffer's segment codes (pdfjs DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Rules from filled thin rectangles and stroked lines, in page coordinates (current transform applied). */
function readDrawing(OPS: Ops, fns: number[], args: unknown[][], x0: number, y0: number) {
  const IMAGE_OPS = imageOps(OPS);
  const rules: Rule[] = [];
  let hasImages = false;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const stack: Array<{ ctm: Matrix; lineWidth: number }> = [];
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const a = args[i] ?? [];
    if (fn === OPS.save) stack.push({ ctm, lineWidth });
    else if (fn === OPS.restore) ({ ctm, lineWidth } = stack.pop() ?? { ctm, lineWidth });
    else if (fn === OPS.transform) ctm = multiply(ctm, a as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = Number(a[0]) || 0;
    else if (fn !== undefined && IMAGE_OPS.has(fn)) hasImages = true;
    else if (fn === OPS.constructPath) {
      const paint = a[0] as number;
      const buffer = (a[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!buffer || paint === OPS.endPath) continue;
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke;
      const width = lineWidth * Math.hypot(ctm[0], ctm[1]);
      for (const poly of polylines(buffer)) {
        const points = poly.map(([x, y]) => {
          const [px, py] = apply(ctm, x, y);
          return [px - x0, py - y0] as [number, number];
        });
        if (stroked) strokedRules(points, width, rules);
        else filledRule(points, rules);
      }
    }
  }
  return { rules, hasImages };
}

function polylines(buffer: ArrayLike<number>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i];
    if (op === MOVE) {
      if (current.length > 0) out.push(current);
      current = [[buffer[i + 1] ?? 0, buffer[i + 2] ?? 0]];
      i += 3;
    } else if (op === LINE) {
      current.push([buffer[i + 1] ?? 0, buffer[i + 2] ?? 0]);
      i += 3;
    } else if (op === CURVE) {
      // A curve is never a table rule: end the polyline here.
      if (current.length > 0) out.push(current);
      current = [[buffer[i + 5] ?? 0, buffer[i + 6] ?? 0]];
      i += 7;
    } else if (op === QUAD) {
      if (current.length > 0) out.push(current);
      current = [[buffer[i + 3] ?? 0, buffer[i + 4] ?? 0]];
      i += 5;
    } else if (op === CLOSE) {
      i += 1;
    } else break;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function strokedRules(points: Array<[number, number]>, width: number, rules: Rule[]): void {
  if (width > RULE_THICKNESS * 2) return;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1] ?? [0, 0];
    const [bx, by] = points[i] ?? [0, 0];
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 1) {
      rules.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 1) {
      rules.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  }
}

/** A filled axis-aligned rectangle thin in one direction is a rule (how Chromium draws borders). */
function filledRule(points: Array<[number, number]>, rules: Rule[]): void {
  if (points.length < 2 || points.length > 5) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every(
    ([x, y]) =>
      [left, right].some((v) => Math.abs(v - x) < 0.1) && [bottom, top].some((v) => Math.abs(v - y) < 0.1),
  );
  if (!axisAligned) return;
  const w = right - left;
  const h = top - bottom;
  if (h <= RULE_THICKNESS && w > h) rules.push({ dir: 'h', at: (top + bottom) / 2, from: left, to: right });
  else if (w <= RULE_THICKNESS && h > w)
    rules.push({ dir: 'v', at: (left + right) / 2, from: bottom, to: top });
}
