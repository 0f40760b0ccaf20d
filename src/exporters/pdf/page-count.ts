/**
 * Pages of a PDF as Chromium (Skia) writes it: every page object's dictionary is plain text
 * (`/Type /Page`), only content streams are compressed. `/Type /Pages` (the tree nodes) is not counted.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
