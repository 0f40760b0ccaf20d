import type { IndicatorView } from '../../domain/evaluation/index.ts';
import { INDICATOR_FIELD_ERRORS, INDICATOR_FIELD_LABELS, type IndicatorField } from './indicator-input.ts';

/** The id of a field of a target's indicator form (the kind: its first radio). */
export const indicatorFieldId = (targetId: number, field: IndicatorField) =>
  field === 'kind' ? `indicator-${targetId}-kind-outcome` : `indicator-${targetId}-${field}`;

const number = (value: number) => value.toLocaleString('ja-JP', { maximumFractionDigits: 10 });
const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** After a failed save, at the top of the page: which field of which target's form to fix (a link to it). */
export function IndicatorFailure({ targetId, field }: { targetId: number; field: IndicatorField }) {
  return (
    <>
      {' '}
      <a href={`#${indicatorFieldId(targetId, field)}`}>指標の「{INDICATOR_FIELD_LABELS[field]}」</a>:{' '}
      {INDICATOR_FIELD_ERRORS[field]}
    </>
  );
}

/** The target is an indicator: its kind as a word, with its baseline and long-term target. */
export function IndicatorSummary({ indicator, unit }: { indicator: IndicatorView | null; unit: string }) {
  if (!indicator) return null;
  const { baseline, longTerm } = indicator;
  return (
    <span class="eval-indicator">
      <span class="eval-indicator-kind">{indicator.kindLabel}</span>
      {indicator.name ? <span>指標名: {indicator.name}</span> : null}
      {baseline ? (
        <span>
          基準値 {number(baseline.value)}
          {unit}
          {baseline.date ? `（${dateText(baseline.date)}）` : ''}
        </span>
      ) : null}
      {longTerm ? (
        <span>
          長期目標 {number(longTerm.value)}
          {unit}
          {longTerm.year ? `（${longTerm.year}年度）` : ''}
        </span>
      ) : null}
    </span>
  );
}
