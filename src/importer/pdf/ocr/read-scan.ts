/**
 * A scan (pages that are images) read with OCR: each page rendered at 300 dpi, its words and their
 * boxes from tesseract, its ruling lines from the image, and then the very reader a text-layer PDF
 * goes through (readPages). OCR misreads: the result says so in its warnings, which make the import
 * a draft that someone checks (import-governance refuses it as published history), and names every
 * paragraph tesseract was unsure of.
 */
import type { IchiranDocument, ImportWarning } from '../../../format/document.schema.ts';
import { announceLongWork } from '../../long-work.ts';
import type { PageContent } from '../extract.ts';
import { foldIdeographs } from '../fold.ts';
import { ruledColumns, textColumns } from '../geometry.ts';
import { renderPdfPages } from '../page-render.ts';
import { readPages } from '../read-pdf.ts';
import { readPageTable } from '../table-rows.ts';
import { repairForm } from './form-repair.ts';
import { rulesFromImage } from './image-rules.ts';
import { OCR_NOTICE } from './ocr-notice.ts';
import type { OcrEngine } from './tesseract.ts';
import { type OcrRun, runsFromTsv } from './tsv.ts';
import { type Uncertain, uncertainParagraphs, uncertainWarning } from './uncertain.ts';

/** ~300 dpi: tesseract's Japanese model reads 10 pt print well from there up. */
const SCALE = 300 / 72;

/** Vertical bars tesseract reads into ruling lines are not text. */
const ruleGlyphs = /^[|｜丨』」\]]+$/;

/** Every page of a scan (up to 200), up to A3 at 300 dpi: beyond that the scale would no longer be SCALE. */
const OCR_BOUNDS = { maxPages: 200, maxPixels: 18_000_000 };
/** Room one page of OCR may take on a busy machine (measured 10–21 s a page at load 0–22). */
const OCR_PAGE_MS = 60_000;

export async function readScan(bytes: Uint8Array, engine: OcrEngine): Promise<IchiranDocument> {
  const pages: PageContent[] = [];
  // Drawing at 300 dpi and reading each page take seconds to tens of seconds: say so to the budget.
  announceLongWork(OCR_PAGE_MS);
  for (const image of await renderPdfPages(bytes, { scale: SCALE, ...OCR_BOUNDS })) {
    announceLongWork(OCR_PAGE_MS);
    const height = image.height / SCALE;
    const runs = runsFromTsv(await engine.recognise(image.png), SCALE, height).filter(
      (r) => !ruleGlyphs.test(r.text),
    );
    const rules = await rulesFromImage(image.png, SCALE);
    pages.push({ number: image.page, width: image.width / SCALE, height, runs, rules, hasImages: true });
  }
  // Columns from the drawn rules (or the text) as readPages will find them, to repair the form's words.
  const columns = ruledColumns(pages) ?? textColumns(pages);
  if (columns) {
    for (const page of pages) page.runs = repairForm(page.runs as OcrRun[], columns);
  }
  const doc = readPages(pages);
  const uncertain = locateUncertain(pages);
  const warnings: ImportWarning[] = [
    { message: `page 1: ${OCR_NOTICE}` },
    ...uncertain.map((u) => ({ message: uncertainWarning(u, doc) })),
    ...doc.warnings,
  ];
  return { ...doc, warnings };
}

/** The same columns and rows readPages found, over the same folded text. */
function locateUncertain(extracted: readonly PageContent[]): Uncertain[] {
  const pages = extracted.map((p) => ({
    ...p,
    runs: p.runs.map((r) => ({ ...r, text: foldIdeographs(r.text) })),
  }));
  const columns = ruledColumns(pages) ?? textColumns(pages);
  if (!columns) return [];
  return pages.flatMap((page) => uncertainParagraphs(readPageTable(page, columns).rows));
}
