import type { Phase, PhaseState } from '../../db/schema.ts';
import type { Assessment, ChainStage } from '../../db/tables/workflow.ts';
import type { WorkflowAction } from './state-machine.ts';

/** Japanese names shown on pages, in the inbox and in e-mail. */
export const phases: readonly Phase[] = ['goal_setting', 'interim', 'final'];

export const phaseLabels: Record<Phase, string> = {
  goal_setting: '目標設定',
  interim: '中間報告',
  final: '期末報告・評価',
};

export const stateLabels: Record<PhaseState, string> = {
  draft: '作成中',
  submitted: '提出済み（部局内承認待ち）',
  approved: '部局長承認済み（企画の受理待ち）',
  accepted: '企画受理済み（公表待ち）',
  published: '公表済み',
};

export const stageLabels: Record<ChainStage, string> = {
  department: '部局内の承認（部局長・承認者）',
  planning: '企画の受理（企画担当）',
  extra: '公表前の決裁（企画担当が記録）',
};

export const actionLabels: Record<WorkflowAction | 'open', string> = {
  open: '年度開始',
  submit: '提出',
  approve: '承認',
  accept: '受理',
  sign: '決裁の記録',
  publish: '公表',
  return: '差し戻し',
};

export const assessmentLabels: Record<Assessment, string> = {
  achieved: '達成',
  mostly: '概ね達成',
  not_achieved: '未達成',
};

export function panelPath(departmentId: number, year: number): string {
  return `/staff/workflow/${departmentId}/${year}`;
}
