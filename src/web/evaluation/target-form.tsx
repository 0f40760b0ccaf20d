import type { ItemEvaluation, QuantityView, TargetEvaluation } from '../../domain/evaluation/index.ts';
import {
  actualOption,
  formatRate,
  matchStatusLabel,
  quantityText,
  TARGET_STATUS_LABELS,
} from '../../views/evaluation-labels.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { evaluationUrls, targetAnchor } from './evaluation.urls.ts';
import { IndicatorForm } from './indicator-form.tsx';
import type { IndicatorField } from './indicator-input.ts';
import { IndicatorSummary } from './indicator-summary.tsx';

interface Props {
  departmentId: number;
  year: number;
  item: ItemEvaluation;
  target: TargetEvaluation;
  csrf: string;
  /** The indicator field a failed save of this target named. */
  invalidField?: IndicatorField;
}

/** One target: what is paired with it now, and the editor's choices (confirm, choose, reject). */
export function TargetRow({ departmentId, year, item, target, csrf, invalidField }: Props) {
  const id = target.target.id;
  const current = target.actual?.id ?? null;
  const actuals = item.reviewItem?.actuals ?? [];
  const selectId = `actual-${id}`;
  const rejected = target.match.status === 'rejected';
  // A figure in another unit rarely answers the target: listed apart so it is not picked by mistake.
  const same = actuals.filter((a) => a.unit === target.target.unit);
  const others = actuals.filter((a) => a.unit !== target.target.unit);
  return (
    <tr id={targetAnchor(id)} class="eval-target" data-target-id={String(id)}>
      <td>
        <IndicatorName target={target} />
        <br />
        <strong>{quantityText(target.target)}</strong>
        <IndicatorSummary indicator={target.indicator} unit={target.target.unit} />
      </td>
      <td>{target.actual ? quantityText(target.actual) : '—'}</td>
      <td class="num">{formatRate(target.rate)}</td>
      <td>
        <span class={`eval-status eval-status--${target.status}`}>{TARGET_STATUS_LABELS[target.status]}</span>
        {target.grade ? <span class="eval-grade">評価: {target.grade}</span> : null}
      </td>
      <td>
        <span class="eval-match">{matchStatusLabel(target.match)}</span>
        {rejected && target.match.rejectedActualId !== null ? (
          <span class="eval-hint">却下した実績: {rejectedText(actuals, target.match.rejectedActualId)}</span>
        ) : null}
      </td>
      <td>
        <form method="post" action={evaluationUrls.match(departmentId, year, id)} class="eval-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="expectedActualId" value={current === null ? '' : String(current)} />
          <label for={selectId}>実績を選ぶ</label>
          <select id={selectId} name="actualId">
            {same.map((a) => (
              <ActualOption actual={a} current={current} />
            ))}
            {others.length > 0 ? (
              <optgroup label={`単位が「${target.target.unit}」と異なる実績`}>
                {others.map((a) => (
                  <ActualOption actual={a} current={current} />
                ))}
              </optgroup>
            ) : null}
            <option value="none" selected={current === null}>
              未報告（該当する実績なし）
            </option>
          </select>
          <div class="eval-buttons">
            {rejected ? null : (
              <button type="submit" name="action" value="confirm" class="button-primary">
                確定
              </button>
            )}
            <button type="submit" name="action" value="set" class="button-secondary">
              選んだ実績で保存
            </button>
            {current === null || rejected ? null : (
              <button type="submit" name="action" value="reject" class="button-secondary">
                却下
              </button>
            )}
            {target.match.stored ? (
              <button type="submit" name="action" value="clear" class="button-secondary">
                自動提案に戻す
              </button>
            ) : null}
          </div>
        </form>
        <IndicatorForm
          departmentId={departmentId}
          year={year}
          target={target}
          csrf={csrf}
          invalid={invalidField}
        />
      </td>
    </tr>
  );
}

/** The name the public pages show beside this target, and where it comes from. */
function IndicatorName({ target }: { target: TargetEvaluation }) {
  if (target.nameSource === 'editor') return <span class="eval-name">{target.name}（確定した指標名）</span>;
  if (target.name) return <span class="eval-name">{target.name}</span>;
  return (
    <span class="eval-hint">
      指標名を読み取れません。公開ページでは項目の文を表示します。「指標として設定」で指標名を入力できます。
    </span>
  );
}

function ActualOption({ actual, current }: { actual: QuantityView; current: number | null }) {
  return (
    <option value={String(actual.id)} selected={actual.id === current}>
      {actualOption(actual)}
    </option>
  );
}

function rejectedText(actuals: QuantityView[], id: number): string {
  const found = actuals.find((a) => a.id === id);
  return found ? quantityText(found) : `#${id}`;
}
