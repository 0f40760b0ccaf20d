/**
 * Where the 一覧表 form puts things in a worksheet. The writer and the reader share this one
 * description, so a workbook written by mokuhyo can always be read back.
 */
export const FORM_TITLE = '重点目標一覧表';
export const DEPARTMENT_LABEL = '担当部局名';
export const GOAL_LABEL = '重点目標';
export const NUMBER_HEADER = '番号';
export const ITEM_HEADER = '具体的な重点取組項目（箇条書き）';
export const ACHIEVEMENT_HEADER = '達成状況・達成度';
export const TARGET_HEADER = '期限・数値目標等';

/** The hidden sheet that carries import warnings (they are not part of the printed form). */
export const WARNINGS_SHEET = '取込警告';
export const WARNINGS_HEADER = ['シート', '行', '内容'] as const;

/** Columns: 番号 | review item | 達成状況 | plan item | 期限・数値目標等. */
export const COL = { no: 1, reviewItem: 2, reviewNote: 3, planItem: 4, planNote: 5 } as const;
export const COLUMN_COUNT = 5;
/** Widths in Excel character units; together they fill A4 landscape at roughly 90 %. */
export const COLUMN_WIDTHS = [6, 44, 34, 44, 34] as const;

export const ROW = { title: 1, department: 2, headings: 3, headers: 4, firstData: 5 } as const;
/** Rows repeated at the top of every printed page, as the paper form repeats its header. */
export const PRINT_TITLE_ROWS = `${ROW.title}:${ROW.headers}`;

export const BLOCK_COLUMNS = {
  review: { item: COL.reviewItem, note: COL.reviewNote },
  plan: { item: COL.planItem, note: COL.planNote },
} as const;

/** `【令和3年度重点目標】`: the block heading over each year's two columns. */
export function blockHeading(era: string): string {
  return `【${era}${GOAL_LABEL}】`;
}

export const BLOCK_HEADING_PATTERN = /^【(.+?)重点目標】$/u;
