import type { ChainStage } from '../../db/tables/workflow.ts';
import { AppError } from '../../errors.ts';

export interface ChainStep {
  name: string;
  stage: ChainStage;
}

/** Who holds a step of each stage: department steps the department's approver, the rest planning. */
export function roleOfStage(stage: ChainStage): 'approver' | 'planning' {
  return stage === 'department' ? 'approver' : 'planning';
}

/** 部局長 (approver) → 企画 (planning): used until a municipality stores its own chain. */
export const DEFAULT_CHAIN: readonly ChainStep[] = [
  { name: '部局長', stage: 'department' },
  { name: '企画', stage: 'planning' },
];

const STAGE_ORDER: Record<ChainStage, number> = { department: 0, planning: 1, extra: 2 };
export const MAX_STEPS = 8;
export const MAX_STEP_NAME = 30;

/**
 * A chain is department steps, then planning steps, then extra steps, with at least one of the
 * first two kinds: 'approved' and 'accepted' must each mean someone signed.
 */
export function validateChain(steps: readonly ChainStep[]): ChainStep[] {
  const cleaned = steps.map((s) => ({ name: s.name.trim(), stage: s.stage }));
  if (cleaned.length > MAX_STEPS) {
    throw new AppError('INVALID_INPUT', `承認経路は${MAX_STEPS}段階までです。`, { field: 'steps' });
  }
  cleaned.forEach((s, i) => {
    if (!s.name || s.name.length > MAX_STEP_NAME) {
      throw new AppError('INVALID_INPUT', `${i + 1}段目の名称は1〜${MAX_STEP_NAME}文字で入力してください。`, {
        field: `steps.${i}.name`,
      });
    }
    const previous = cleaned[i - 1];
    if (previous && STAGE_ORDER[previous.stage] > STAGE_ORDER[s.stage]) {
      throw new AppError(
        'INVALID_INPUT',
        '承認経路は「部局内の承認」→「企画の受理」→「公表前の決裁」の順に並べてください。',
        { field: `steps.${i}.stage` },
      );
    }
  });
  for (const stage of ['department', 'planning'] as const) {
    if (!cleaned.some((s) => s.stage === stage)) {
      throw new AppError('INVALID_INPUT', '部局内の承認と企画の受理は、それぞれ1段階以上必要です。', {
        field: 'steps',
      });
    }
  }
  return cleaned;
}

export function stepsOfStage(chain: readonly ChainStep[], stage: ChainStage): ChainStep[] {
  return chain.filter((s) => s.stage === stage);
}
