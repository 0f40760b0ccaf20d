import type { PhaseState } from '../../db/schema.ts';
import type { ChainStage } from '../../db/tables/workflow.ts';
import { AppError } from '../../errors.ts';
import type { Action } from '../auth/policy.ts';
import { type ChainStep, stepsOfStage } from './chain.ts';

/**
 * draft → submitted (editor) → approved (every department step signed) → accepted (every planning
 * step signed) → [extra steps signed] → published; any state but draft returns to draft.
 */
export type WorkflowAction = 'submit' | 'approve' | 'accept' | 'sign' | 'publish' | 'return';
export const workflowActions: readonly WorkflowAction[] = [
  'submit',
  'approve',
  'accept',
  'sign',
  'publish',
  'return',
];

/** Steps signed since the last submission, per stage: a return starts the chain over. */
export type Progress = Record<ChainStage, number>;
export const NO_PROGRESS: Progress = { department: 0, planning: 0, extra: 0 };

/** The policy action each transition needs; sign records an extra step (市長決裁) as planning does. */
export const policyOf: Record<WorkflowAction, Action> = {
  submit: 'workflow.submit',
  approve: 'workflow.approve',
  accept: 'workflow.accept',
  sign: 'workflow.accept',
  publish: 'workflow.publish',
  return: 'workflow.return',
};

/** Corrections to a published phase are planning's: the department may not unpublish. */
export const returnNeedsPlanning = (status: PhaseState) => status === 'published';

const stageOfAction: Partial<
  Record<WorkflowAction, { stage: ChainStage; from: PhaseState; done: PhaseState }>
> = {
  approve: { stage: 'department', from: 'submitted', done: 'approved' },
  accept: { stage: 'planning', from: 'approved', done: 'accepted' },
  sign: { stage: 'extra', from: 'accepted', done: 'accepted' },
};

export interface Planned {
  to: PhaseState;
  /** The chain step this transition signs. */
  step?: ChainStep;
}

/** What `action` does from `status`, or CONFLICT when it is not possible now. */
export function planTransition(
  chain: readonly ChainStep[],
  status: PhaseState,
  progress: Progress,
  action: WorkflowAction,
): Planned {
  const refuse = (why: string) => new AppError('CONFLICT', why, { field: 'action' });
  if (action === 'submit') {
    if (status !== 'draft') throw refuse('提出できるのは作成中（差し戻し後を含む）の状態だけです。');
    return { to: 'submitted' };
  }
  if (action === 'return') {
    if (status === 'draft') throw refuse('作成中の状態は差し戻せません。');
    return { to: 'draft' };
  }
  const extras = stepsOfStage(chain, 'extra');
  if (action === 'publish') {
    if (status !== 'accepted') throw refuse('公表できるのは企画が受理した後だけです。');
    if (progress.extra < extras.length) {
      throw refuse(`公表の前に「${extras[progress.extra]?.name}」の決裁を記録してください。`);
    }
    return { to: 'published' };
  }
  const rule = stageOfAction[action];
  if (!rule) throw refuse(`unknown action ${action}`);
  const steps = stepsOfStage(chain, rule.stage);
  const signed = progress[rule.stage];
  if (status !== rule.from || (rule.stage === 'extra' && signed >= steps.length)) {
    throw refuse('この段階の承認は、いまは行えません。');
  }
  // A chain shortened mid-flight still completes with the step that is now its last.
  const step = steps[Math.min(signed, steps.length - 1)];
  return { to: signed + 1 >= steps.length ? rule.done : status, step };
}

/** Transitions possible from this state, whoever acts (the page filters them by role). */
export function possibleActions(
  chain: readonly ChainStep[],
  status: PhaseState,
  progress: Progress,
): WorkflowAction[] {
  return workflowActions.filter((action) => {
    try {
      planTransition(chain, status, progress, action);
      return true;
    } catch {
      return false;
    }
  });
}
