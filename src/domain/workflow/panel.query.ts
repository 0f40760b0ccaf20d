import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { WorkflowEventRow } from '../../db/tables/workflow.ts';
import { loadChain } from './chain.repo.ts';
import type { ChainStep } from './chain.ts';
import { stepsOfStage } from './chain.ts';
import { listEvents, progressOf } from './history.repo.ts';
import { phases } from './labels.ts';
import { loadDeadlines } from './phase-schedule.repo.ts';
import { phaseRowsOfDepartmentYear } from './phase-status.repo.ts';
import type { Progress } from './state-machine.ts';

export interface PhaseSnapshot {
  phase: Phase;
  status: PhaseState;
  version: number;
  dueDate: string | undefined;
  progress: Progress;
}

export interface DepartmentYear {
  chain: ChainStep[];
  phases: PhaseSnapshot[];
  events: WorkflowEventRow[];
}

/** Everything a department's panel shows for one fiscal year (phases not opened are left out). */
export async function loadDepartmentYear(
  db: Kysely<Database>,
  municipalityId: number,
  departmentId: number,
  fiscalYearId: number,
): Promise<DepartmentYear> {
  const rows = await phaseRowsOfDepartmentYear(db, departmentId, fiscalYearId);
  const deadlines = await loadDeadlines(db, fiscalYearId);
  const snapshots: PhaseSnapshot[] = [];
  for (const phase of phases) {
    const row = rows.find((r) => r.phase === phase);
    if (!row) continue;
    const progress = await progressOf(db, { departmentId, fiscalYearId, phase });
    snapshots.push({ phase, status: row.status, version: row.version, dueDate: deadlines[phase], progress });
  }
  return {
    chain: await loadChain(db, municipalityId),
    phases: snapshots,
    events: await listEvents(db, departmentId, fiscalYearId),
  };
}

/** Who the phase waits for, in words. */
export function waitingFor(chain: readonly ChainStep[], status: PhaseState, progress: Progress): string {
  const at = (stage: 'department' | 'planning' | 'extra') => {
    const steps = stepsOfStage(chain, stage);
    return steps[Math.min(progress[stage], steps.length - 1)]?.name ?? '';
  };
  switch (status) {
    case 'draft':
      return '部局の提出待ち';
    case 'submitted':
      return `「${at('department')}」の承認待ち`;
    case 'approved':
      return `「${at('planning')}」の受理待ち`;
    case 'accepted':
      return progress.extra < stepsOfStage(chain, 'extra').length
        ? `「${at('extra')}」の決裁待ち`
        : '公表待ち';
    case 'published':
      return 'なし（訂正が必要なときは企画が差し戻します）';
  }
}
