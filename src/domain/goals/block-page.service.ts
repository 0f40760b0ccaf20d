import type { Kysely } from 'kysely';
import type { Database, DepartmentRow, PhaseState } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/policy.ts';
import { getDepartment, listTopDepartments } from '../departments/department.repo.ts';
import { answeredTargets } from '../evaluation/answered-targets.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { pendingReturn, type ReturnNote } from '../review/snapshot.repo.ts';
import { blockState } from '../workflow/lock.ts';
import { phaseOfBlock, phaseStatesOfDepartments } from '../workflow/phase-status.repo.ts';
import {
  type BlockGoalCount,
  blockGoalCounts,
  countBlockGoals,
  loadBlock,
  type StoredGoal,
} from './goal.repo.ts';
import type { BlockAddress } from './goal-edit.types.ts';
import { listUnits } from './unit-choice.ts';

export type { BlockGoalCount, StoredGoal };

/** What the editor page of one block shows, as stored; the web presenter turns it into labels and links. */
export interface BlockPage {
  department: DepartmentRow;
  /** The phase status of the block; undefined while none is stored (a draft). */
  state: PhaseState | undefined;
  goals: StoredGoal[];
  /** Review block: for each item, the plan's 期限・数値目標等 it answers. */
  answers?: Map<number, string>;
  units: Array<{ id: number; name: string }>;
  /** Plan block with goals: how many goals the next year's plan and this year's review already have. */
  nextYearPlanGoals: number;
  reviewGoals: number;
  /** The 差し戻し that reopened this block, while it is a draft again. */
  returnNote?: ReturnNote;
}

/** One block for the editor page; NOT_FOUND unless it is a top-level department the actor may read. */
export async function loadBlockPage(
  db: Kysely<Database>,
  actor: Actor,
  address: BlockAddress,
): Promise<BlockPage> {
  const department = await getDepartment(db, address.departmentId);
  const scope = { municipalityId: department?.municipality_id ?? -1, departmentId: address.departmentId };
  if (!department || department.parent_id !== null || !can(actor, 'internal.read', scope)) {
    throw new AppError('NOT_FOUND', 'no such department');
  }
  const fiscalYearId = await findFiscalYearId(db, department.municipality_id, address.year);
  const key = { departmentId: address.departmentId, fiscalYearId: fiscalYearId ?? -1, block: address.block };
  const goals = fiscalYearId === undefined ? [] : await loadBlock(db, key);
  const state = fiscalYearId === undefined ? undefined : await blockState(db, key);
  const isPlan = address.block === 'plan';
  const withGoals = isPlan && goals.length > 0;
  const nextFiscalYearId = withGoals
    ? await findFiscalYearId(db, department.municipality_id, address.year + 1)
    : undefined;
  const count = (fy: number | undefined, block: BlockAddress['block']) =>
    withGoals ? countBlockGoals(db, { departmentId: address.departmentId, fiscalYearId: fy, block }) : 0;
  const returnNote =
    fiscalYearId === undefined || state !== 'draft'
      ? undefined
      : await pendingReturn(db, {
          departmentId: address.departmentId,
          fiscalYearId,
          phase: phaseOfBlock(address.block),
        });
  return {
    department,
    state,
    goals,
    answers: isPlan ? undefined : answeredTargets(await loadBlock(db, { ...key, block: 'plan' }), goals),
    units: await listUnits(db, address.departmentId),
    nextYearPlanGoals: await count(nextFiscalYearId, 'plan'),
    reviewGoals: await count(fiscalYearId, 'review'),
    returnNote,
  };
}

/** The editor's list page as stored: the departments the actor may edit, their blocks, and phase states. */
export interface EditList {
  departments: DepartmentRow[];
  blocks: BlockGoalCount[];
  /** Keyed `${departmentId}/${year}/${phase}`. */
  phaseStates: Map<string, PhaseState>;
}

export async function loadEditList(db: Kysely<Database>, actor: Actor): Promise<EditList> {
  const departments = (await listTopDepartments(db, actor.municipalityId)).filter((d) =>
    can(actor, 'goal.edit', { municipalityId: actor.municipalityId, departmentId: d.id }),
  );
  const ids = departments.map((d) => d.id);
  return {
    departments,
    blocks: await blockGoalCounts(db, ids),
    phaseStates: await phaseStatesOfDepartments(db, ids),
  };
}
