import type { Worksheet } from 'exceljs';
import { parseFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import {
  ACHIEVEMENT_HEADER,
  BLOCK_COLUMNS,
  BLOCK_HEADING_PATTERN,
  COL,
  DEPARTMENT_LABEL,
  FORM_TITLE,
  ITEM_HEADER,
  ROW,
  TARGET_HEADER,
} from '../../spreadsheet/layout.ts';
import { notADocument, textAt } from './cells.ts';

export interface SheetHeader {
  department: string;
  reviewYear: number;
  planYear: number;
}

/** Rows 1–4 of the form: title, 担当部局名, the two year headings, the column headers. */
export function readHeader(ws: Worksheet): SheetHeader {
  const expect = (row: number, col: number, wanted: string) => {
    const found = textAt(ws, row, col).trim();
    if (found !== wanted) {
      throw notADocument(ws.name, row, `not a 一覧表 sheet: expected "${wanted}", found "${found}"`);
    }
  };
  expect(ROW.title, COL.no, FORM_TITLE);
  expect(ROW.department, COL.planItem, DEPARTMENT_LABEL);
  const department = textAt(ws, ROW.department, COL.planNote).trim();
  if (department === '') throw notADocument(ws.name, ROW.department, `${DEPARTMENT_LABEL} is empty`);

  const yearAt = (col: number): number => {
    const heading = textAt(ws, ROW.headings, col).trim();
    const era = BLOCK_HEADING_PATTERN.exec(heading)?.[1];
    const year = era === undefined ? undefined : parseFiscalYear(era);
    if (year === undefined) {
      throw notADocument(
        ws.name,
        ROW.headings,
        `expected a heading like 【令和4年度重点目標】, found "${heading}"`,
      );
    }
    return year;
  };
  const reviewYear = yearAt(BLOCK_COLUMNS.review.item);
  const planYear = yearAt(BLOCK_COLUMNS.plan.item);
  if (planYear !== reviewYear + 1) {
    throw notADocument(ws.name, ROW.headings, 'the plan year must follow the review year');
  }

  expect(ROW.headers, COL.reviewItem, ITEM_HEADER);
  expect(ROW.headers, COL.reviewNote, ACHIEVEMENT_HEADER);
  expect(ROW.headers, COL.planItem, ITEM_HEADER);
  expect(ROW.headers, COL.planNote, TARGET_HEADER);
  return { department, reviewYear, planYear };
}
