/**
 * Text extracted from a 重点目標一覧表 PDF → the interchange document. See
 * shared/spec/format.md for the layouts and quirks this reads. Items carry no quantities:
 * those are extracted by another module.
 */
import type { IchiranDocument, ImportWarning } from '../../format/document.schema.ts';
import { assembleBody } from './assemble.ts';
import { warnIfCutOff } from './cut-off.ts';
import { readFirstHeader } from './header-reader.ts';

/** @throws AppError NOT_A_DOCUMENT when the text is no 一覧表, PARSE_ERROR (with line) when a line does not fit. */
export function parseIchiranText(text: string): IchiranDocument {
  // Callers may hand over undecoded line ends; line numbers count LF-separated lines.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const warnings: ImportWarning[] = [];
  const warn = (message: string, line?: number): void => {
    warnings.push(line === undefined ? { message } : { message, line });
  };
  const { header, next } = readFirstHeader(lines);
  const body = assembleBody(lines, next, header, warn);
  warnIfCutOff(lines, next, body, warn);
  if (body.review.length === 0 && body.plan.length === 0) warn('no goals found in the table');
  return {
    department: header.department,
    review: { fiscalYear: header.review, goals: body.review },
    plan: { fiscalYear: header.plan, goals: body.plan },
    warnings,
  };
}
