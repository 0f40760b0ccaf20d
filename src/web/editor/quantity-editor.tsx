import { CsrfField } from '../components/csrf-field.tsx';
import { FlashNotice, problemFor } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView, ItemView, QuantityFields, QuantityView } from './editor.view.ts';
import { comparatorLabels } from './labels.ts';
import { ProblemNotice } from './problem-notice.tsx';

const comparators = ['=', '>=', '<=', '>', '<'];

function QuantityFieldset(props: { idPrefix: string; fields: QuantityFields }) {
  const { idPrefix, fields } = props;
  return (
    <div class="quantity-fields">
      <div class="field">
        <label for={`${idPrefix}-value`}>値</label>
        <input
          id={`${idPrefix}-value`}
          name="value"
          type="text"
          inputmode="decimal"
          required
          value={fields.value}
          size={8}
        />
      </div>
      <div class="field">
        <label for={`${idPrefix}-unit`}>単位</label>
        <input id={`${idPrefix}-unit`} name="unit" type="text" required value={fields.unit} size={6} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-comparator`}>比較</label>
        <select id={`${idPrefix}-comparator`} name="comparator">
          {comparators.map((c) => (
            <option value={c} selected={c === fields.comparator}>
              {comparatorLabels[c]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function QuantityRow({ view, item, q }: { view: BlockView; item: ItemView; q: QuantityView }) {
  const target = `quantity-${item.id}-${q.id}`;
  const problem = problemFor(view, target);
  const fields = (problem?.kind === 'quantity' && problem.fields) || {
    value: String(q.value),
    unit: q.unit,
    comparator: q.comparator,
  };
  return (
    <tr>
      <td class="num">{q.value.toLocaleString('ja-JP')}</td>
      <td>{q.unit}</td>
      <td>{q.comparatorLabel}</td>
      <td>{q.manual ? '手入力' : `読み取り「${q.spanText ?? ''}」`}</td>
      <td>
        <details open={problem !== undefined}>
          <summary>
            修正<span class="visually-hidden">（{`${q.value}${q.unit}`}）</span>
          </summary>
          <form
            method="post"
            action={editorUrls.quantity(view.address, item.id, q.id)}
            class="staff-form quantity-form"
          >
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="item_version" value={String(problem?.version ?? item.version)} />
            {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
            <QuantityFieldset idPrefix={target} fields={fields} />
            <button type="submit" class="button-secondary">
              修正を保存
            </button>
          </form>
        </details>
        <form
          method="post"
          action={editorUrls.quantityDelete(view.address, item.id, q.id)}
          class="inline-form"
        >
          <CsrfField token={view.csrfToken} />
          <input type="hidden" name="item_version" value={String(item.version)} />
          <button type="submit" class="button-small">
            削除<span class="visually-hidden">（{`${q.value}${q.unit}`}）</span>
          </button>
        </form>
      </td>
    </tr>
  );
}

/** The quantities read from the note, beside it: the editor checks, corrects, removes or adds. */
export function QuantityEditor({ view, item }: { view: BlockView; item: ItemView }) {
  const anchor = `quantity-${item.id}`;
  const addTarget = `new-quantity-${item.id}`;
  const problem = problemFor(view, addTarget);
  const fields = (problem?.kind === 'quantity' && problem.fields) || { value: '', unit: '', comparator: '=' };
  return (
    <section class="quantities" id={anchor} aria-labelledby={`${anchor}-heading`}>
      <h4 id={`${anchor}-heading`}>数量（{view.noteLabel}から読み取り）</h4>
      <FlashNotice flash={view.flash} anchor={anchor} />
      {item.quantities.length === 0 ? (
        <p class="muted">読み取った数量はありません。</p>
      ) : (
        <table class="quantity-table">
          <thead>
            <tr>
              <th scope="col">値</th>
              <th scope="col">単位</th>
              <th scope="col">比較</th>
              <th scope="col">由来</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {item.quantities.map((q) => (
              <QuantityRow view={view} item={item} q={q} />
            ))}
          </tbody>
        </table>
      )}
      <details open={problem !== undefined}>
        <summary>数量を追加</summary>
        <form
          method="post"
          action={editorUrls.quantities(view.address, item.id)}
          class="staff-form quantity-form"
        >
          <CsrfField token={view.csrfToken} />
          <input type="hidden" name="item_version" value={String(problem?.version ?? item.version)} />
          {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
          <QuantityFieldset idPrefix={addTarget} fields={fields} />
          <button type="submit" class="button-secondary">
            数量を追加
          </button>
        </form>
      </details>
    </section>
  );
}
