import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import { formatFiscalYear } from '../fiscal-year/wareki.ts';
import { daysLeft, formatDueDate } from './deadline-clock.ts';
import { panelPath, phaseLabels } from './labels.ts';
import { type Recipient, usersWithRole } from './notification.repo.ts';
import { isPhaseOverdue } from './overdue.ts';
import { phasesAwaitingDepartments } from './phase-schedule.repo.ts';

export const DEFAULT_DAYS_BEFORE = 7;

/**
 * A deadline is when the department's report must reach 企画: until then the phase is the
 * department's to move (draft: its editors; submitted: its approvers), and they are reminded.
 */
const HOLDER: Partial<Record<PhaseState, 'editor' | 'approver'>> = { draft: 'editor', submitted: 'approver' };

/** Past its deadline while still the department's to move: shown as 期限超過 (overdue.ts decides). */
export function isLate(status: PhaseState, dueDate: string | undefined, now: Date): boolean {
  return isPhaseOverdue({ status, dueDate, now });
}

export interface DueReminder {
  user: Recipient;
  municipalityId: number;
  departmentId: number;
  fiscalYearId: number;
  phase: Phase;
  dueDate: string;
  kind: 'before' | 'overdue';
  subject: string;
  message: string;
  link: string;
}

/** Every reminder due at `now` (Tokyo calendar), whether or not it was already sent. */
export async function dueReminders(
  db: Kysely<Database>,
  now: Date,
  daysBefore: number,
): Promise<DueReminder[]> {
  const rows = await phasesAwaitingDepartments(db);
  const due: DueReminder[] = [];
  for (const r of rows) {
    const left = daysLeft(r.due_date, now);
    const kind = left < 0 ? 'overdue' : left <= daysBefore ? 'before' : undefined;
    const role = HOLDER[r.status];
    if (!kind || !role) continue;
    const what = `${r.department_name}の${formatFiscalYear(r.year)}${phaseLabels[r.phase]}`;
    const when = formatDueDate(r.due_date);
    const message =
      kind === 'overdue'
        ? `${what}は期限（${when}）を過ぎています。${role === 'editor' ? '提出' : '承認'}をお願いします。`
        : `${what}の期限は${when}です（あと${left}日）。${role === 'editor' ? '提出' : '承認'}をお願いします。`;
    for (const user of await usersWithRole(db, r.municipality_id, role, r.department_id)) {
      due.push({
        user,
        municipalityId: r.municipality_id,
        departmentId: r.department_id,
        fiscalYearId: r.fiscal_year_id,
        phase: r.phase,
        dueDate: r.due_date,
        kind,
        subject: `【重点目標】${kind === 'overdue' ? '期限超過' : '期限のお知らせ'}: ${what}`,
        message,
        link: panelPath(r.department_id, r.year),
      });
    }
  }
  return due;
}
