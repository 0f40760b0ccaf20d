import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { tokyoDate } from './deadline-clock.ts';
import { phases } from './labels.ts';
import { whyNotOpen } from './phase-order.ts';
import { loadSchedule, markOpenedEarly, yearPhaseRows } from './phase-schedule.repo.ts';

export interface OpeningKey {
  departmentId: number;
  fiscalYearId: number;
  phase: Phase;
}

/** Why the phase may not be started or submitted now (Japanese), or undefined when it may. */
export async function phaseClosedReason(
  db: Kysely<Database>,
  key: OpeningKey,
  now: Date = new Date(),
): Promise<string | undefined> {
  if (key.phase === 'goal_setting') return undefined;
  const rows = await yearPhaseRows(db, key.fiscalYearId, [key.departmentId]);
  const states: Partial<Record<Phase, PhaseState>> = Object.fromEntries(rows.map((r) => [r.phase, r.status]));
  const schedule = await loadSchedule(db, key.fiscalYearId);
  return whyNotOpen({
    phase: key.phase,
    states,
    opensOn: schedule[key.phase]?.opensOn,
    today: tokyoDate(now),
    openedEarly: rows.some((r) => r.phase === key.phase && r.openedEarly),
  });
}

/** CONFLICT with the sentence that says what must happen first. */
export async function assertPhaseOpen(db: Kysely<Database>, key: OpeningKey, now?: Date): Promise<void> {
  const reason = await phaseClosedReason(db, key, now);
  if (reason) throw new AppError('CONFLICT', reason, { field: 'phase' });
}

/** Planning opens a phase for one department before its turn (order or opening day); audited. */
export async function openPhaseEarly(
  db: Kysely<Database>,
  actor: Actor,
  input: { departmentId: number; year: number; phase: Phase },
): Promise<void> {
  authorize(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
  if (!phases.includes(input.phase) || input.phase === 'goal_setting') {
    throw new AppError('INVALID_INPUT', '前倒しで開けるのは中間報告か期末報告・評価です。', {
      field: 'phase',
    });
  }
  const department = await getDepartment(db, input.departmentId);
  if (!department || department.parent_id !== null || department.municipality_id !== actor.municipalityId) {
    throw new AppError('INVALID_INPUT', '部局を選んでください。', { field: 'department' });
  }
  await inTransaction(db, async (trx) => {
    const fiscalYearId = await findFiscalYearId(trx, actor.municipalityId, input.year);
    const row =
      fiscalYearId === undefined
        ? undefined
        : (await yearPhaseRows(trx, fiscalYearId, [department.id])).find((r) => r.phase === input.phase);
    if (!row) {
      throw new AppError('NOT_FOUND', 'この年度はまだ開始されていません（企画が年度を開始します）。', {
        field: 'year',
      });
    }
    if (row.openedEarly) return;
    await markOpenedEarly(trx, row.id, actor.login);
    await appendAudit(trx, actor, {
      action: 'workflow.openEarly',
      entityType: 'phase_status',
      entityId: row.id,
      departmentId: department.id,
      summary: `${input.phase} ${input.year}: opened early for ${department.name}`,
      before: { openedEarly: false },
      after: { openedEarly: true },
    });
  });
}
