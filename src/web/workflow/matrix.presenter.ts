import type { Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { can } from '../../domain/auth/policy.ts';
import { formatDueDate } from '../../domain/workflow/deadline-clock.ts';
import { phaseLabels, phases, stateLabels } from '../../domain/workflow/labels.ts';
import type { YearMatrix } from '../../domain/workflow/pages.service.ts';
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

/** Departments × phases for one fiscal year (loadYearMatrix): the planning office's overview. */
export function presentMatrix(actor: Actor, year: number, matrix: YearMatrix): MatrixView {
  const municipalityId = actor.municipalityId;
  const { progress } = matrix;
  const overdueCount = progress.cells.filter((c) => c.overdue).length;
  const rows = matrix.departments.map((d) => ({
    name: d.name,
    href: can(actor, 'internal.read', { municipalityId, departmentId: d.id })
      ? workflowUrls.panel(d.id, year)
      : undefined,
    cells: progress.cells
      .filter((c) => c.departmentId === d.id)
      .map(({ phase, status, overdue }) => ({
        phase,
        status,
        statusLabel: status ? stateLabels[status] : '未開始',
        overdue,
      })),
  }));
  const due = (phase: Phase) => progress.deadlines[phase];
  return {
    year,
    title: `${yearHeading(year)} 全部局の進行状況`,
    unread: matrix.unread,
    opened: progress.fiscalYearId !== undefined,
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
