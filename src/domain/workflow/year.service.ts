import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { ensureFiscalYear, findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { defaultDeadlines, parseDueDate } from './deadline-clock.ts';
import { phases } from './labels.ts';
import { insertMissingDeadlines, loadDeadlines, upsertDeadline } from './phase-schedule.repo.ts';
import { createMissingPhases } from './year-phases.service.ts';

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1989 || year > 2200) {
    throw new AppError('INVALID_INPUT', '年度は西暦4桁で指定してください。', { field: 'year' });
  }
}

export interface OpenedYear {
  fiscalYearId: number;
  /** Phase rows created now; phases that already had a status (imported, published) keep it. */
  created: number;
}

/** 年度開始: the fiscal year, a draft of every phase for every department, and default deadlines. */
export async function openFiscalYear(
  db: Kysely<Database>,
  actor: Actor,
  input: { year: number; deadlines?: Partial<Record<Phase, string>> },
): Promise<OpenedYear> {
  authorize(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
  assertYear(input.year);
  const deadlines = { ...defaultDeadlines(input.year) };
  for (const phase of phases) {
    const given = input.deadlines?.[phase];
    if (given) deadlines[phase] = parseDueDate(given, `deadline.${phase}`);
  }
  return inTransaction(db, async (trx) => {
    const fiscalYearId = await ensureFiscalYear(trx, actor.municipalityId, input.year);
    const created = await createMissingPhases(trx, actor, fiscalYearId);
    await insertMissingDeadlines(trx, fiscalYearId, deadlines, actor.login);
    await appendAudit(trx, actor, {
      action: 'fiscalYear.open',
      entityType: 'fiscal_year',
      entityId: fiscalYearId,
      summary: `fiscal year ${input.year} opened: ${created} phase drafts created`,
      after: { year: input.year, created },
    });
    return { fiscalYearId, created };
  });
}

/** Planning moves a phase's deadline; reminders already sent for the old date do not block new ones. */
export async function setDeadline(
  db: Kysely<Database>,
  actor: Actor,
  input: { year: number; phase: Phase; dueDate: string },
): Promise<void> {
  authorize(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
  if (!phases.includes(input.phase)) throw new AppError('INVALID_INPUT', 'unknown phase', { field: 'phase' });
  const dueDate = parseDueDate(input.dueDate, `deadline.${input.phase}`);
  await inTransaction(db, async (trx) => {
    const fiscalYearId = await findFiscalYearId(trx, actor.municipalityId, input.year);
    if (fiscalYearId === undefined)
      throw new AppError('NOT_FOUND', '年度が開始されていません。', { field: 'year' });
    const before = await loadDeadlines(trx, fiscalYearId);
    if (before[input.phase] === dueDate) return;
    await upsertDeadline(trx, { fiscalYearId, phase: input.phase, dueDate, login: actor.login });
    await appendAudit(trx, actor, {
      action: 'workflow.deadline',
      entityType: 'fiscal_year',
      entityId: fiscalYearId,
      summary: `deadline of ${input.phase} ${input.year} set to ${dueDate}`,
      before: { dueDate: before[input.phase] ?? null },
      after: { dueDate },
    });
  });
}

export { loadDeadlines };
