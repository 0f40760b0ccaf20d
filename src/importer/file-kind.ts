/**
 * Files a clerk picks by mistake, told apart by their first bytes rather than their name: an empty
 * file, a Word document (.docx is a ZIP with `word/` parts; .doc an OLE compound file with a
 * WordDocument stream), a legacy Excel .xls (OLE with a Workbook stream). Each gets an error of its own
 * so the user learns what to do instead of "not a 一覧表".
 */
import { AppError } from '../errors.ts';

export type MistakenKind = 'empty' | 'docx' | 'doc' | 'xls';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return OLE.every((b, i) => bytes[i] === b);
}

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
/** OLE stream names are UTF-16LE in the directory sectors. */
const utf16 = (name: string) => Buffer.from(name, 'utf16le').toString('latin1');

export function mistakenKindOf(bytes: Uint8Array): MistakenKind | undefined {
  if (bytes.byteLength === 0) return 'empty';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip) {
    const text = latin1(bytes);
    return text.includes('word/document.xml') && !text.includes('xl/workbook.xml') ? 'docx' : undefined;
  }
  if (!isOle(bytes)) return undefined;
  const text = latin1(bytes);
  if (text.includes(utf16('WordDocument'))) return 'doc';
  // Excel 97–2003 names its stream Workbook, Excel 5/95 Book; anything else OLE is refused as not .xls.
  return 'xls';
}

export const EMPTY_FILE_MESSAGE = 'the file is empty (0 bytes)';
export const WORD_FILE_MESSAGE = 'a Word document cannot be imported';
export const XLS_FILE_MESSAGE = 'a legacy Excel .xls workbook cannot be read';

/** The refusal for a mistaken kind (the .xls one only when LibreOffice is not there to convert it). */
export function mistakenFileError(kind: MistakenKind): AppError {
  switch (kind) {
    case 'empty':
      return new AppError('INVALID_INPUT', `${EMPTY_FILE_MESSAGE}: choose the file that holds the 一覧表`);
    case 'docx':
    case 'doc':
      return new AppError(
        'NOT_A_DOCUMENT',
        `${WORD_FILE_MESSAGE} (.${kind}): save the 一覧表 as PDF from Word, or import the department's Excel workbook`,
      );
    case 'xls':
      return new AppError(
        'NOT_A_DOCUMENT',
        `${XLS_FILE_MESSAGE} (LibreOffice's soffice is not installed to convert it): open it in Excel, save it as .xlsx (File > Save As) and import that file`,
      );
  }
}
