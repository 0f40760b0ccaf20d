/**
 * Formula injection: a cell a spreadsheet would read as a formula gets a leading `'`, the mark Excel
 * and LibreOffice take for "this is text". Used by the CSV and the xlsx exporters alike, and undone
 * by the xlsx importer, so an exported table reads back as it was stored.
 *
 * Spreadsheets skip leading spaces, tabs and line breaks before `=`, and a leading TAB or CR alone
 * can start a formula in some programs, so both count. Leading apostrophes are skipped too: `'=1`
 * becomes `''=1`, which makes unguard the exact inverse of guard (no guessing on import). A
 * full-width ＝ does not start a formula in a cell's stored value, so it is left alone.
 */
const FORMULA_START = /^[\s\p{Cc}']*[=+\-@]|^'*[\t\r]/u;

export function needsGuard(text: string): boolean {
  return FORMULA_START.test(text);
}

export function guard(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** The text `guard` was given: the `'` comes off only where guard put it. */
export function unguard(cell: string): string {
  return cell.startsWith("'") && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;
}
