import type { Kysely } from 'kysely';
import type { Database, DepartmentRow, Phase, PhaseState } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { answeredTargets } from '../evaluation/answered-targets.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { loadBlock, type StoredGoal } from '../goals/goal.repo.ts';
import { pendingReturn, type ReturnNote } from '../review/snapshot.repo.ts';
import { type GoalAssessment, loadAssessments } from './final.repo.ts';
import { type InterimEntry, loadInterim } from './interim.repo.ts';
import { countUnread } from './notification.repo.ts';
import { type YearProgress, yearProgress } from './overdue.ts';
import { type DepartmentYear, loadDepartmentYear } from './panel.query.ts';
import { phaseClosedReason } from './phase-opening.service.ts';
import { findPhaseState } from './phase-status.repo.ts';

// What the staff workflow pages show, as stored; the web presenters turn it into labels and links.

type PageDepartment = Pick<DepartmentRow, 'id' | 'name' | 'municipality_id'>;

/** Departments × phases of one fiscal year (the planning office's overview). */
export interface YearMatrix {
  unread: number;
  progress: YearProgress;
  departments: DepartmentRow[];
}

export async function loadYearMatrix(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  now: Date,
): Promise<YearMatrix> {
  const municipalityId = actor.municipalityId;
  authorize(actor, 'internal.read', { municipalityId });
  const progress = await yearProgress(db, { municipalityId, fiscalYear: year, now });
  return {
    progress,
    departments: await listTopDepartments(db, municipalityId),
    unread: await countUnread(db, actor.userId),
  };
}

/** A department's year on the workflow panel; no year (undefined) while the fiscal year is not opened. */
export interface PanelData {
  unread: number;
  year?: DepartmentYear;
  /** For each draft phase: why it cannot be submitted yet (phase-order.ts), undefined when it can. */
  closed: Map<Phase, string | undefined>;
}

export async function loadPanel(
  db: Kysely<Database>,
  actor: Actor,
  department: PageDepartment,
  year: number,
  now: Date,
): Promise<PanelData> {
  const unread = await countUnread(db, actor.userId);
  const closed = new Map<Phase, string | undefined>();
  const fiscalYearId = await findFiscalYearId(db, department.municipality_id, year);
  if (fiscalYearId === undefined) return { unread, closed };
  const data = await loadDepartmentYear(db, department.municipality_id, department.id, fiscalYearId);
  for (const p of data.phases) {
    if (p.status === 'draft') {
      closed.set(
        p.phase,
        await phaseClosedReason(db, { departmentId: department.id, fiscalYearId, phase: p.phase }, now),
      );
    }
  }
  return { unread, year: data, closed };
}

/** The 中間報告 (plan items + progress) or 期末評価 (review goals + assessments) of a department's year. */
export interface ReportData {
  unread: number;
  status: PhaseState | undefined;
  /** The plan (中間報告) or the review block (期末評価). */
  goals: StoredGoal[];
  /** 期末評価: for each item, the plan's 期限・数値目標等 it answers. */
  answers?: Map<number, string>;
  interim: Map<number, InterimEntry>;
  assessments: GoalAssessment[];
  /** The 差し戻し that reopened this report, while it is a draft again. */
  returnNote?: ReturnNote;
}

export async function loadReport(
  db: Kysely<Database>,
  actor: Actor,
  department: PageDepartment,
  year: number,
  phase: Extract<Phase, 'interim' | 'final'>,
): Promise<ReportData> {
  const fiscalYearId = (await findFiscalYearId(db, department.municipality_id, year)) ?? -1;
  const key = { departmentId: department.id, fiscalYearId, phase };
  const status = await findPhaseState(db, key);
  const goals = await loadBlock(db, {
    departmentId: department.id,
    fiscalYearId,
    block: phase === 'interim' ? 'plan' : 'review',
  });
  const answers =
    phase === 'final'
      ? answeredTargets(
          await loadBlock(db, { departmentId: department.id, fiscalYearId, block: 'plan' }),
          goals,
        )
      : undefined;
  return {
    status,
    goals,
    answers,
    interim: phase === 'interim' ? await loadInterim(db, department.id, fiscalYearId) : new Map(),
    assessments: phase === 'final' ? await loadAssessments(db, department.id, fiscalYearId) : [],
    unread: await countUnread(db, actor.userId),
    returnNote: status === 'draft' ? await pendingReturn(db, key) : undefined,
  };
}
