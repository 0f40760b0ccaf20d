import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.repo.ts';
import { findFiscalYearId } from '../../domain/fiscal-years/fiscal-year.repo.ts';
import { defaultDeadlines, formatDueDate } from '../../domain/workflow/deadline-clock.ts';
import { phaseLabels, phases, stateLabels } from '../../domain/workflow/labels.ts';
import { countUnread } from '../../domain/workflow/notification.repo.ts';
import { isLate } from '../../domain/workflow/reminder-plan.ts';
import { loadDeadlines } from '../../domain/workflow/year.service.ts';
import { workflowUrls, yearHeading } from './format.ts';

export interface MatrixCell {
  phase: Phase;
  status?: PhaseState;
  statusLabel: string;
  overdue: boolean;
}

export interface MatrixView {
  year: number;
  title: string;
  unread: number;
  opened: boolean;
  canOpen: boolean;
  columns: Array<{ phase: Phase; label: string; dueDate: string; dueLabel: string }>;
  rows: Array<{ name: string; href?: string; cells: MatrixCell[] }>;
  overdueCount: number;
}

/** Departments × phases for one fiscal year: the planning office's overview. */
export async function presentMatrix(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  now: Date,
): Promise<MatrixView> {
  const municipalityId = actor.municipalityId;
  authorize(actor, 'internal.read', { municipalityId });
  const fiscalYearId = await findFiscalYearId(db, municipalityId, year);
  const stored = fiscalYearId === undefined ? {} : await loadDeadlines(db, fiscalYearId);
  const fallback = defaultDeadlines(year);
  const due = (phase: Phase) => stored[phase] ?? fallback[phase];
  const statuses =
    fiscalYearId === undefined
      ? []
      : await db
          .selectFrom('phase_status')
          .select(['department_id', 'phase', 'status'])
          .where('fiscal_year_id', '=', fiscalYearId)
          .execute();
  let overdueCount = 0;
  const rows = (await listTopDepartments(db, municipalityId)).map((d) => ({
    name: d.name,
    href: can(actor, 'internal.read', { municipalityId, departmentId: d.id })
      ? workflowUrls.panel(d.id, year)
      : undefined,
    cells: phases.map((phase) => {
      const status = statuses.find((s) => s.department_id === d.id && s.phase === phase)?.status;
      const overdue = status !== undefined && isLate(status, stored[phase], now);
      if (overdue) overdueCount += 1;
      return { phase, status, statusLabel: status ? stateLabels[status] : '未開始', overdue };
    }),
  }));
  return {
    year,
    title: `${yearHeading(year)} 全部局の進行状況`,
    unread: await countUnread(db, actor.userId),
    opened: fiscalYearId !== undefined,
    canOpen: can(actor, 'fiscalYear.open', { municipalityId }),
    columns: phases.map((phase) => ({
      phase,
      label: phaseLabels[phase],
      dueDate: due(phase),
      dueLabel: formatDueDate(due(phase)),
    })),
    rows,
    overdueCount,
  };
}
