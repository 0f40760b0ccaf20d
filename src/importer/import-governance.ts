import type { Kysely } from 'kysely';
import type { BlockKind, Database, PhaseState } from '../db/schema.ts';
import { findTopDepartment } from '../domain/departments/department.repo.ts';
import { fiscalYearOf, formatFiscalYear } from '../domain/fiscal-year/wareki.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { phaseLabels, stateLabels } from '../domain/workflow/labels.ts';
import { blockState } from '../domain/workflow/lock.ts';
import { phaseOfBlock } from '../domain/workflow/phase-status.repo.ts';
import { AppError } from '../errors.ts';
import type { IchiranDocument } from '../format/document.schema.ts';

/** The first 年度 of 平成: older tables are not what a city loads into mokuhyo. */
export const EARLIEST_PLAN_YEAR = 1989;

/** `令和8年度（2026年度）`; years before 平成 in 昭和, which formatFiscalYear does not name. */
export function yearLabel(year: number): string {
  if (year >= EARLIEST_PLAN_YEAR) return `${formatFiscalYear(year)}（${year}年度）`;
  if (year >= 1926) {
    const n = year - 1925;
    return `昭和${n === 1 ? '元' : n}年度（${year}年度）`;
  }
  return `${year}年度`;
}

/**
 * A plan year far in the future or before 平成 is almost always a typo on the preview or a misread
 * heading; the person must say it is meant (`allowYear`).
 */
export function isPlausiblePlanYear(year: number, today: Date): boolean {
  return year >= EARLIEST_PLAN_YEAR && year <= fiscalYearOf(today) + 1;
}

export function assertPlausiblePlanYear(
  document: Pick<IchiranDocument, 'department' | 'plan'>,
  today: Date,
  file?: string,
): void {
  const year = document.plan.fiscalYear;
  const current = fiscalYearOf(today);
  const confirm =
    '年度が正しければ「この年度のまま取り込む」にチェックして保存してください（CLI: --allow-year）。';
  if (year > current + 1) {
    throw new AppError(
      'INVALID_INPUT',
      `${document.department}の当年度 ${yearLabel(year)}は、現在の年度 ${yearLabel(current)}の翌年度より後です。${confirm}`,
      { file, field: 'planYear' },
    );
  }
  if (year < EARLIEST_PLAN_YEAR) {
    throw new AppError(
      'INVALID_INPUT',
      `${document.department}の当年度 ${yearLabel(year)}は、平成元年度（1989年度）より前です。${confirm}`,
      { file, field: 'planYear' },
    );
  }
}

/** States an import may write into: a draft, and with `published` also a published block (history). */
function importable(state: PhaseState | undefined, published: boolean): boolean {
  if (state === undefined || state === 'draft') return true;
  return published && state === 'published';
}

/**
 * Refuses the import when a block it would replace is no longer a draft. Read-only, so the whole
 * import is checked before anything is written.
 */
export async function assertBlocksImportable(
  db: Kysely<Database>,
  municipalityId: number,
  document: IchiranDocument,
  options: { published: boolean; file?: string },
): Promise<void> {
  const department = await findTopDepartment(db, municipalityId, document.department);
  if (!department) return;
  for (const block of ['plan', 'review'] as const satisfies readonly BlockKind[]) {
    const year = document[block].fiscalYear;
    const fiscalYearId = await findFiscalYearId(db, municipalityId, year);
    if (fiscalYearId === undefined) continue;
    const state = await blockState(db, { departmentId: department.id, fiscalYearId, block });
    if (state === undefined || importable(state, options.published)) continue;
    const phase = phaseLabels[phaseOfBlock(block)];
    const why = options.published
      ? '承認の途中のため、公表済みとしても取り込めません。承認を終えるか差し戻してから取り込んでください。'
      : '作成中ではないため、取り込みで上書きできません。差し戻して作成中に戻してから取り込んでください（過去の公表済みの一覧表は、企画担当が「公表済みとして取り込む」を選んで取り込みます）。';
    throw new AppError(
      'LOCKED',
      `${document.department} ${yearLabel(year)}の${phase}は「${stateLabels[state]}」です。${why}`,
      { file: options.file, field: `${block} ${year}` },
    );
  }
}
