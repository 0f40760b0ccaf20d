import type { BlockKind, PhaseState } from '../../db/schema.ts';
import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { comparatorLabels as vocabularyComparators } from '../../domain/vocabulary/comparators.ts';
import { stateLabels } from '../../domain/workflow/labels.ts';

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

export const stateLabel = (state: PhaseState | undefined) => stateLabels[state ?? 'draft'];

/** Typed loosely: the editor looks up comparators read back from forms and the database. */
export const comparatorLabels: Record<string, string> = vocabularyComparators;

export function lockedReason(state: PhaseState | undefined, block: BlockKind): string {
  return `この${blockLabels[block]}は「${stateLabel(state)}」のため編集できません。差し戻し（作成中に戻すこと）の後に再び編集できます。`;
}
