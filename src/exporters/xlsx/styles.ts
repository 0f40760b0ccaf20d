import type { Alignment, Borders, Fill, Font } from 'exceljs';

/** The form's typeface: a universal-design Japanese gothic, installed with Office and on Debian. */
export const FONT_NAME = 'BIZ UDPゴシック';
export const BODY_SIZE = 10;

export const bodyFont: Partial<Font> = { name: FONT_NAME, size: BODY_SIZE };
export const boldFont: Partial<Font> = { ...bodyFont, bold: true };
export const titleFont: Partial<Font> = { name: FONT_NAME, size: 16, bold: true };

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const thinBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const wrapTop: Partial<Alignment> = { wrapText: true, vertical: 'top' };
export const centered: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
export const numberAlignment: Partial<Alignment> = { vertical: 'top', horizontal: 'center' };

/** Light grey behind labels, as printed forms shade their header cells. */
export const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
export const goalFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * Text number format: a cell formatted as text stays text even when a person later edits it, so
 * `=…`, `+…`, `-…`, `@…` never become formulas (the value itself is already stored as a string).
 */
export const TEXT_FORMAT = '@';
