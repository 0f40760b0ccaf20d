/**
 * A 重点目標一覧表 PDF with a text layer → the interchange document. The table is rebuilt from the
 * positions of the text and the rules (pdf-table), written out as the `<p>`-row text extraction the
 * text reader knows, and read by it: titles, units, notes by circled number, warnings all come from
 * the one assembly every format shares. Errors and warnings name the page.
 */
import { AppError } from '../../errors.ts';
import type { IchiranDocument, ImportWarning } from '../../format/document.schema.ts';
import { fillQuantities } from '../../quantities/fill.ts';
import { parseIchiranText } from '../text/parse-text.ts';
import { openPdf, type PageContent, readPage } from './extract.ts';
import { foldIdeographs } from './fold.ts';
import { plainYearLabels, readHeadLine, yearHeadings, yearPairLabels } from './furniture.ts';
import { COLUMNS, ruledColumns, textColumns } from './geometry.ts';
import { groupLines, type Line } from './lines.ts';
import { joinWrapped, paragraphsOfLines, startsParagraph } from './paragraph-lines.ts';
import { holdsTableRows, isColumnLabel, looksLikeTable } from './table-pages.ts';
import { readPageTable, type TableRow } from './table-rows.ts';

/** `%PDF-` at the start (a few producers put junk before it; the format allows up to 1024 bytes). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  return head.includes('%PDF-');
}

export const NO_TEXT_LAYER_MESSAGE =
  'the PDF has no text layer (its pages are scanned images), so there is no text to read';

export async function readPdf(bytes: Uint8Array): Promise<IchiranDocument[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    return [readPages(pages)];
  } catch (error) {
    // A scan: read with OCR when tesseract is installed (ocr/), else the refusal stands.
    if (!(error instanceof AppError) || error.code !== 'NO_TEXT_LAYER') throw error;
    const { ocrEngine } = await import('./ocr/tesseract.ts');
    const engine = await ocrEngine();
    if (!engine) throw error;
    const { readScan } = await import('./ocr/read-scan.ts');
    try {
      return [await readScan(bytes, engine)];
    } catch (ocrError) {
      if (!(ocrError instanceof AppError)) throw ocrError;
      // What OCR made of the page is no table: the scan's own refusal says more than that.
      throw new AppError(
        'NO_TEXT_LAYER',
        `${error.message} (OCR read the page images but found no 重点目標一覧表 in them: ${ocrError.message})`,
        error.location,
      );
    }
  } finally {
    await doc.destroy();
  }
}

/** The pages already extracted → the document (separate from pdfjs, for tests and benchmarks). */
export function readPages(extracted: readonly PageContent[]): IchiranDocument {
  const pages = extracted.map((p) => ({
    ...p,
    runs: p.runs.map((r) => ({ ...r, text: foldIdeographs(r.text) })),
  }));
  if (!pages.some(hasContent)) {
    if (pages.some((p) => p.hasImages)) {
      throw new AppError(
        'NO_TEXT_LAYER',
        `${NO_TEXT_LAYER_MESSAGE}: save the table from the original Excel file as PDF (File > Save As > PDF), or import the Excel workbook itself`,
        { page: 1 },
      );
    }
    throw new AppError('NOT_A_DOCUMENT', 'the PDF holds no text: not a 重点目標一覧表', { page: 1 });
  }
  // Columns from the pages that look like the table: a cover or 記入要領 page printed with the
  // workbook must not steer them. From all pages as before when those are too few to tell (text
  // starts alone need lines from every page) or there is no such page.
  const tableLike = new Set(pages.filter(looksLikeTable));
  const columnsOf = (of: PageContent[]) => ruledColumns(of) ?? textColumns(of);
  const basis = pages.filter((p) => tableLike.has(p));
  const columns = (basis.length > 0 ? columnsOf(basis) : undefined) ?? columnsOf(pages);
  if (!columns) {
    throw new AppError('NOT_A_DOCUMENT', 'no table with the 5 columns of a 重点目標一覧表 found in the PDF', {
      page: 1,
    });
  }
  const out = new TextOut();
  let previous: Paragraphs | undefined;
  let lastNo: string | undefined;
  let firstPage = true;
  for (const page of pages) {
    const { head, rows } = readPageTable(page, columns);
    if (tableLike.size > 0 && !tableLike.has(page) && !holdsTableRows(rows)) {
      if (hasContent(page)) out.warn(page.number, SKIPPED_PAGE);
      continue;
    }
    // The first page read carries the title, whatever page number it has.
    let title = firstPage;
    firstPage = false;
    let department: string | undefined;
    let years: string[] | undefined;
    for (const h of head) {
      if (h.kind === 'title') title = true;
      else if (h.kind === 'department') {
        department ??= h.name;
        years ??= h.years;
      } else if (h.kind === 'years') years = h.labels;
    }
    const body: Paragraphs[] = [];
    for (const row of rows) {
      const headings = headingRow(row);
      if (headings === undefined) body.push(paragraphsOf(row));
      else if (headings.length >= 2) years = headings;
    }
    if (title) out.push('重点目標一覧表', page.number);
    if (department !== undefined) out.push(`担当部局名 ${department}`, page.number);
    if (years && years.length >= 2) out.push(years.map((y) => `【${y}重点目標】`).join('\t'), page.number);
    // A cell cut by the page break goes on at the top of the next page.
    const first = body[0];
    if (previous && first && gluePageBreak(previous, first, lastNo) && isEmpty(first)) body.shift();
    for (const row of body) {
      const no = row.cells[0]?.join('') ?? '';
      if (no !== '') lastNo = no;
      out.push(row, row.page);
    }
    previous = body.at(-1) ?? previous;
  }
  return out.parse();
}

const SKIPPED_PAGE =
  'skipped: the page holds no part of the table (a cover, instructions or notes sheet printed with the workbook)';

/** Text other than page furniture: a scan printed by a browser still carries its page numbers. */
function hasContent(page: PageContent): boolean {
  return groupLines(page.runs).some((line) => readHeadLine(line)?.kind !== 'furniture');
}

interface Paragraphs {
  page: number;
  cells: string[][];
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The table's own heading rows (block headings 【…重点目標】, column labels): the year labels
 * they name, [] for a column-label row, undefined for a content row.
 */
function headingRow(row: TableRow): string[] | undefined {
  const texts = row.cells.flatMap((cell) => cell.map((l) => l.text)).filter((t) => t !== '');
  const years: string[] = [];
  for (const cell of row.cells) {
    const lines = cell.map((l) => l.text).filter((t) => t !== '');
    // A label wrapped in its cell (具体的な重点取組項目 / （箇条書き）) is one label.
    if (lines.length > 1 && isColumnLabel(lines.join(''))) continue;
    for (const text of lines) {
      const headings = yearHeadings(text);
      const rest = compact(text.replace(/【[^【】]*重点目標\s*】/g, ''));
      const plain = plainYearLabels(text);
      if (headings.length > 0 && rest === '') years.push(...headings);
      else if (plain) years.push(...plain);
      else if (!isColumnLabel(text)) return undefined;
    }
  }
  // The form's 年度 label may sit in the table's heading row instead of the head.
  return years.length > 0 ? years : (yearPairLabels(texts.join(' ')) ?? []);
}

function cellParagraphs(lines: readonly Line[]): string[] {
  return paragraphsOfLines(lines.map((line) => line.text));
}

function paragraphsOf(row: TableRow): Paragraphs {
  return { page: row.page, cells: row.cells.map(cellParagraphs) };
}

function isEmpty(row: Paragraphs): boolean {
  return row.cells.every((c) => c.length === 0);
}

/**
 * The first row of a page continues the last row of the page before when its cells go on without a
 * number, title or new item: their first paragraph is glued to the paragraph the break cut. A 番号
 * repeated on every page the goal spans is dropped. True when something was glued.
 */
function gluePageBreak(previous: Paragraphs, first: Paragraphs, lastNo: string | undefined): boolean {
  const no = first.cells[0]?.join('') ?? '';
  const hasTitle = first.cells.some((c) => /^重点目標/.test(c[0] ?? ''));
  if (no !== '' && no === lastNo && !hasTitle) first.cells[0] = [];
  if (first.cells[0]?.length !== 0 || hasTitle) return false;
  let glued = false;
  for (let c = 1; c < COLUMNS; c++) {
    const next = first.cells[c];
    const before = previous.cells[c];
    const head = next?.[0];
    if (!next || !before || head === undefined || before.length === 0 || startsParagraph(head)) continue;
    before[before.length - 1] = joinWrapped(before.at(-1) ?? '', head);
    next.shift();
    glued = true;
  }
  return glued;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rowLine(row: Paragraphs): string {
  const [no = [], ...content] = row.cells;
  // Empty cells as <p></p>: every row then ends as a complete `<p>` row does (no cut-off warning).
  const cell = (c: string[]) =>
    c.length === 0 ? '<p></p>' : c.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return [no.join(''), ...content.map(cell)].join('\t');
}

/** The text handed to the text reader, and on which page each of its lines came from. */
class TextOut {
  /** Rows stay objects until the end: the next page may still glue onto the last one. */
  private readonly lines: Array<string | Paragraphs> = [];
  private readonly pages: number[] = [];
  private readonly own: ImportWarning[] = [];

  push(line: string | Paragraphs, page: number): void {
    this.lines.push(line);
    this.pages.push(page);
  }

  /** A warning of the PDF reader itself, on a page. */
  warn(page: number, message: string): void {
    this.own.push({ message: `page ${page}: ${message}` });
  }

  private pageOf(line: number | undefined): number | undefined {
    return line === undefined ? undefined : (this.pages[line - 1] ?? this.pages.at(-1));
  }

  parse(): IchiranDocument {
    let doc: IchiranDocument;
    try {
      doc = parseIchiranText(this.lines.map((l) => (typeof l === 'string' ? l : rowLine(l))).join('\n'));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { line, column: _column, ...rest } = error.location;
      const page = this.pageOf(line);
      throw new AppError(
        error.code,
        error.message,
        { ...rest, ...(page === undefined ? {} : { page }) },
        {
          cause: error.cause,
        },
      );
    }
    const warnings: ImportWarning[] = [...this.own];
    warnings.push(
      ...doc.warnings.map(({ message, line }) => {
        const page = this.pageOf(line);
        return { message: page === undefined ? message : `page ${page}: ${message}` };
      }),
    );
    return fillQuantities({ ...doc, warnings });
  }
}
