import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { defaultDeadlines, formatDueDate, parseDueDate } from './deadline-clock.ts';
import { phaseLabels, phases } from './labels.ts';
import { loadSchedule, upsertSchedule } from './phase-schedule.repo.ts';

/** The form of /staff/settings/deadlines: `due_<phase>` and `opens_<phase>` (text, YYYY-MM-DD). */
export type ScheduleInput = Record<string, string>;

export interface YearSchedule {
  due: Record<Phase, string>;
  /** null: opens as soon as the previous phase allows (目標設定 always opens with the year). */
  opens: Record<Phase, string | null>;
}

export type ScheduleErrors = Partial<Record<string, string>>;

const tryDate = (text: string): string | undefined => {
  try {
    return parseDueDate(text);
  } catch {
    return undefined;
  }
};

/** Every field's problem at once (the page shows each beside its field), or the schedule to store. */
export function validateSchedule(input: ScheduleInput): { value?: YearSchedule; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {};
  const due = {} as Record<Phase, string>;
  const opens = {} as Record<Phase, string | null>;
  let previous: { phase: Phase; due: string } | undefined;
  for (const phase of phases) {
    const label = phaseLabels[phase];
    const d = tryDate(input[`due_${phase}`] ?? '');
    if (!d) errors[`due_${phase}`] = `${label}の期限を YYYY-MM-DD の形の日付で入力してください。`;
    else if (previous && d <= previous.due) {
      errors[`due_${phase}`] =
        `${label}の期限は${phaseLabels[previous.phase]}の期限（${formatDueDate(previous.due)}）より後の日付にしてください。`;
    }
    if (d) {
      due[phase] = d;
      previous = { phase, due: d };
    }
    const openText = (input[`opens_${phase}`] ?? '').trim();
    opens[phase] = null;
    if (phase === 'goal_setting' || openText === '') continue;
    const o = tryDate(openText);
    if (!o)
      errors[`opens_${phase}`] = `${label}の受付開始日は YYYY-MM-DD の形で入力するか、空欄にしてください。`;
    else if (d && o > d) {
      errors[`opens_${phase}`] =
        `${label}の受付開始日は期限（${formatDueDate(d)}）以前の日付にしてください。`;
    } else opens[phase] = o;
  }
  return Object.keys(errors).length > 0 ? { errors } : { value: { due, opens }, errors };
}

/** The schedule as stored for the year (defaults where nothing is stored), or undefined before it opens. */
export async function readSchedule(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
): Promise<YearSchedule | undefined> {
  const fiscalYearId = await findFiscalYearId(db, municipalityId, year);
  if (fiscalYearId === undefined) return undefined;
  const stored = await loadSchedule(db, fiscalYearId);
  const fallback = defaultDeadlines(year);
  const due = {} as Record<Phase, string>;
  const opens = {} as Record<Phase, string | null>;
  for (const p of phases) {
    due[p] = stored[p]?.dueDate ?? fallback[p];
    opens[p] = stored[p]?.opensOn ?? null;
  }
  return { due, opens };
}

/** Planning/admin store a year's deadlines and opening days; one audit event with before and after. */
export async function saveSchedule(
  db: Kysely<Database>,
  actor: Actor,
  input: { year: number; form: ScheduleInput },
): Promise<boolean> {
  authorize(actor, 'workflow.configure', { municipalityId: actor.municipalityId });
  const { value, errors } = validateSchedule(input.form);
  const [field, message] = Object.entries(errors)[0] ?? [];
  if (!value) throw new AppError('INVALID_INPUT', message ?? '入力を確かめてください。', { field });
  return inTransaction(db, async (trx) => {
    const fiscalYearId = await findFiscalYearId(trx, actor.municipalityId, input.year);
    const before = await readSchedule(trx, actor.municipalityId, input.year);
    if (fiscalYearId === undefined || !before) {
      throw new AppError(
        'NOT_FOUND',
        'この年度はまだ開始されていません。全部局の進行状況の画面で年度を開始してから設定してください。',
        { field: 'year' },
      );
    }
    if (JSON.stringify(before) === JSON.stringify(value)) return false;
    for (const phase of phases) {
      await upsertSchedule(
        trx,
        fiscalYearId,
        phase,
        { dueDate: value.due[phase], opensOn: value.opens[phase] },
        actor.login,
      );
    }
    await appendAudit(trx, actor, {
      action: 'workflow.schedule',
      entityType: 'fiscal_year',
      entityId: fiscalYearId,
      summary: `deadlines and opening days of ${input.year} set`,
      before: { ...before },
      after: { ...value },
    });
    return true;
  });
}
