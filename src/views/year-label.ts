import { formatFiscalYear } from '../domain/fiscal-year/wareki.ts';

/** The 和暦 label; a year the era table cannot name (before 1989) is shown as `1988年度` rather than failing the page. */
function fiscalYearLabel(year: number): string {
  try {
    return formatFiscalYear(year);
  } catch {
    return `${year}年度`;
  }
}

/** `令和4年度（令和3年度実績）`: a table is named by its plan year and the review year beside it. */
export function yearPairLabel(planYear: number): string {
  return `${fiscalYearLabel(planYear)}（${fiscalYearLabel(planYear - 1)}実績）`;
}

/** `【令和4年度重点目標】`, the block heading of the official form. */
export function blockHeading(fiscalYear: number): string {
  return `【${fiscalYearLabel(fiscalYear)}重点目標】`;
}
