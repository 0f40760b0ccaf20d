import type { MatchView, QuantityView, TargetStatus } from '../domain/evaluation/index.ts';

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  achieved: '達成',
  partly: '概ね達成',
  not: '未達成',
  unreported: '未報告',
};

/** The state of the pairing in words: an editor must tell a stored decision from a guess. */
export function matchStatusLabel(match: MatchView): string {
  if (!match.stored) return '自動提案（未確定）';
  if (match.status === 'suggested') return '自動提案（保存済み・未確定）';
  if (match.status === 'confirmed') return '確定済み';
  if (match.status === 'manual') return '担当者が指定';
  return '却下';
}

export function quantityText(q: QuantityView): string {
  return q.text ?? `${q.value}${q.unit}`;
}

/** An option label for choosing an actual: the words before it help tell similar figures apart. */
export function actualOption(q: QuantityView): string {
  const label = q.label.trim();
  return label === '' ? quantityText(q) : `${quantityText(q)}（${label}）`;
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);

/** Flash messages after Post/Redirect/Get: the query names one of these, never free text. */
export const FLASH: Record<string, string> = {
  confirm: '対応を確定しました。',
  set: '選んだ実績で保存しました。',
  reject: '対応を却下しました。この目標は未報告として扱われます。',
  clear: '保存した対応を取り消し、自動提案に戻しました。',
  assessment: '自己評価を保存しました。',
  indicator: '指標の設定を保存しました。',
  'indicator-removed': '指標の設定を解除しました。',
};

export const FAILURE: Record<string, string> = {
  conflict: '他の人が先に変更したため保存できませんでした。最新の状態を確認してください。',
  invalid: '入力内容を確認してください。',
};
