/** The files a clerk picks by mistake, made in code: a .docx, a .doc and a legacy .xls (OLE headers). */
import { zip } from '../importer/fuzz/zip.testkit.ts';

export function docxBytes(): Uint8Array {
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    [
      'word/document.xml',
      '<?xml version="1.0"?><w:document><w:body><w:p>重点目標一覧表</w:p></w:body></w:document>',
    ],
  ]);
}

/** An OLE compound file's header and a directory entry naming its main stream (UTF-16LE, as OLE writes it). */
function oleBytes(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from(stream, 'utf16le'), 1024);
  return bytes;
}

export const docBytes = () => oleBytes('WordDocument');
export const xlsBytes = () => oleBytes('Workbook');
