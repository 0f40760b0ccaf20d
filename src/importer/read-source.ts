import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { documentSchema, type IchiranDocument } from '../format/document.schema.ts';
import { fillQuantities, quantitiesOf } from '../quantities/fill.ts';
import { decodeInput } from './decode.ts';
import { mistakenFileError, mistakenKindOf } from './file-kind.ts';
import { jsonSyntaxError } from './json-error.ts';
import { looksLikePdf, readPdf } from './pdf/read-pdf.ts';
import { parseIchiranText } from './text/parse-text.ts';
import { convertXls, findSoffice } from './xlsx/convert-xls.ts';
import { looksLikeXlsx, readWorkbook } from './xlsx/read-workbook.ts';

/** One input file, understood: the documents it holds and what is needed to record where they came from. */
export interface ParsedSource {
  name: string;
  format: 'text' | 'json' | 'xlsx' | 'pdf';
  contentHash: string;
  sizeBytes: number;
  documents: IchiranDocument[];
}

/**
 * Reads a 一覧表 text extraction (UTF-8 or Shift_JIS) or interchange JSON (one document or an
 * array). Errors carry the file name; nothing here touches the database. Excel workbooks need
 * readSourceAsync (ExcelJS reads asynchronously).
 */
export function readSource(name: string, bytes: Uint8Array): ParsedSource {
  const base = sourceBase(name, bytes);
  try {
    const mistaken = mistakenKindOf(bytes);
    if (mistaken) throw mistakenFileError(mistaken);
    if (looksLikeXlsx(bytes) || looksLikePdf(bytes)) {
      throw new AppError('INVALID_INPUT', 'an Excel workbook or a PDF is read with readSourceAsync');
    }
    const text = decodeInput(bytes);
    if (/^\s*[[{]/.test(text)) return { ...base, format: 'json', documents: readJson(text) };
    return { ...base, format: 'text', documents: [fillQuantities(parseIchiranText(text))] };
  } catch (error) {
    throw error instanceof AppError ? error.withFile(name) : error;
  }
}

/**
 * Like readSource, and also reads Excel workbooks in the 一覧表 form and PDFs with a text layer
 * (both libraries read asynchronously).
 */
export async function readSourceAsync(name: string, bytes: Uint8Array): Promise<ParsedSource> {
  const pdf = looksLikePdf(bytes);
  const mistaken = mistakenKindOf(bytes);
  if (mistaken === 'xls') return readXls(name, bytes);
  if (mistaken || (!pdf && !looksLikeXlsx(bytes))) return readSource(name, bytes);
  try {
    if (pdf) return { ...sourceBase(name, bytes), format: 'pdf', documents: await readPdf(bytes) };
    return { ...sourceBase(name, bytes), format: 'xlsx', documents: await readWorkbook(bytes) };
  } catch (error) {
    throw error instanceof AppError ? error.withFile(name) : error;
  }
}

/** A legacy .xls is read as the .xlsx LibreOffice makes of it, when LibreOffice is installed. */
async function readXls(name: string, bytes: Uint8Array): Promise<ParsedSource> {
  try {
    const soffice = await findSoffice();
    if (!soffice) throw mistakenFileError('xls');
    const documents = await readWorkbook(await convertXls(soffice, bytes));
    return { ...sourceBase(name, bytes), format: 'xlsx', documents };
  } catch (error) {
    throw error instanceof AppError ? error.withFile(name) : error;
  }
}

function sourceBase(name: string, bytes: Uint8Array) {
  return { name, contentHash: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.byteLength };
}

function readJson(text: string): IchiranDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, error);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((entry, index) => {
    const result = documentSchema.safeParse(entry);
    if (!result.success) throw schemaError(result.error, Array.isArray(data) ? index : undefined);
    // Quantities a person corrected travel in the JSON; only fill in the ones that are missing.
    return fillMissingQuantities(result.data);
  });
}

function schemaError(error: z.ZodError, index: number | undefined): AppError {
  const issue = error.issues[0];
  const path = [...(index === undefined ? [] : [index]), ...(issue?.path ?? [])]
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return new AppError('NOT_A_DOCUMENT', `not an interchange document: ${issue?.message ?? 'invalid'}`, {
    field: path || '(root)',
  });
}

/** Quantities a person corrected travel in the JSON and are kept; items without any get extracted ones. */
function fillMissingQuantities(doc: IchiranDocument): IchiranDocument {
  const fill = (block: 'review' | 'plan') => ({
    ...doc[block],
    goals: doc[block].goals.map((g) => ({
      ...g,
      items: g.items.map((i) => ({
        ...i,
        quantities:
          i.quantities ??
          (block === 'plan' ? quantitiesOf(i.target, 'target') : quantitiesOf(i.achievement, 'actual')),
      })),
    })),
  });
  return { ...doc, review: fill('review'), plan: fill('plan') };
}
