import type { BlockKind, PhaseState } from '../../db/schema.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';

export function yearLabel(year: number): string {
  try {
    return formatFiscalYear(year);
  } catch {
    return `${year}年度`;
  }
}

export const blockLabels: Record<BlockKind, string> = {
  plan: '重点目標（計画）',
  review: '達成状況（年度末報告）',
};

/** The column heading of the block's note, as on the official form. */
export const noteLabels: Record<BlockKind, string> = {
  plan: '期限・数値目標等',
  review: '達成状況・達成度',
};

export const stateLabels: Record<PhaseState, string> = {
  draft: '作成中',
  submitted: '提出済み（承認待ち）',
  approved: '承認済み',
  accepted: '受理済み',
  published: '公開済み',
};

export const stateLabel = (state: PhaseState | undefined) => stateLabels[state ?? 'draft'];

export const comparatorLabels: Record<string, string> = {
  '>=': '以上',
  '<=': '以下',
  '>': '超',
  '<': '未満',
  '=': '（比較なし）',
};

export function lockedReason(state: PhaseState | undefined, block: BlockKind): string {
  return `この${blockLabels[block]}は「${stateLabel(state)}」のため編集できません。差し戻し（作成中に戻すこと）の後に再び編集できます。`;
}
