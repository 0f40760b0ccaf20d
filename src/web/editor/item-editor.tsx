import { circledNumber } from '../components/circled-number.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { FlashNotice, MoveButtons, problemFor, SaveButton } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView, ItemFields, ItemView } from './editor.view.ts';
import { ProblemNotice } from './problem-notice.tsx';
import { QuantityEditor } from './quantity-editor.tsx';
import { StaleDateHint } from './stale-date-hint.tsx';

export const itemFieldsOf = (item: ItemView): ItemFields => ({
  no: String(item.no),
  unit: item.unitId === null ? '' : String(item.unitId),
  newUnit: '',
  text: item.text,
  note: item.note,
});

/** Number, 担当課等 (an existing sub-unit or a new name), text and note: one form, one save. */
export function ItemForm(props: {
  view: BlockView;
  action: string;
  idPrefix: string;
  fields: ItemFields;
  version?: number;
  label: string;
  context: string;
}) {
  const { view, idPrefix, fields } = props;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form method="post" action={props.action} class="staff-form item-form">
      <CsrfField token={view.csrfToken} />
      {props.version === undefined ? null : (
        <input type="hidden" name="version" value={String(props.version)} />
      )}
      <div class="item-form__row">
        <div class="field field--no">
          <label for={id('no')}>番号</label>
          <input id={id('no')} name="no" type="number" min="1" max="99" value={fields.no} />
        </div>
        <div class="field">
          <label for={id('unit')}>担当課等</label>
          <select id={id('unit')} name="unit">
            <option value="">（なし）</option>
            {view.units.map((u) => (
              <option value={String(u.id)} selected={String(u.id) === fields.unit}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('new-unit')}>担当課等を新しく追加</label>
          <input
            id={id('new-unit')}
            name="new_unit"
            type="text"
            value={fields.newUnit}
            aria-describedby={id('new-unit-hint')}
          />
          <span class="hint" id={id('new-unit-hint')}>
            一覧にない場合だけ入力（入力すると左の選択より優先）
          </span>
        </div>
      </div>
      <div class="field">
        <label for={id('text')}>具体的な重点取組項目</label>
        <textarea id={id('text')} name="text" rows={3} required>
          {fields.text}
        </textarea>
      </div>
      <div class="field">
        <label for={id('note')}>{view.noteLabel}</label>
        <textarea id={id('note')} name="note" rows={3} aria-describedby={id('note-hint')}>
          {fields.note}
        </textarea>
        <span class="hint" id={id('note-hint')}>
          保存すると数量（値・単位・比較）を読み取り直します。手入力した数量はそのまま残ります。
        </span>
      </div>
      <SaveButton label={props.label} context={props.context} />
    </form>
  );
}

export function ItemEditor({
  view,
  item,
  first,
  last,
}: {
  view: BlockView;
  item: ItemView;
  first: boolean;
  last: boolean;
}) {
  const anchor = `item-${item.id}`;
  const problem = problemFor(view, anchor);
  const name = `取組項目${circledNumber(item.no)}`;
  return (
    <article class="editor-item" id={anchor} aria-labelledby={`${anchor}-heading`}>
      <h3 id={`${anchor}-heading`}>{name}</h3>
      <FlashNotice flash={view.flash} anchor={anchor} />
      {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
      <StaleDateHint view={view} item={item} />
      <div class="editor-item__body">
        <ItemForm
          view={view}
          action={editorUrls.item(view.address, item.id)}
          idPrefix={anchor}
          fields={(problem?.kind === 'item' && problem.fields) || itemFieldsOf(item)}
          version={problem?.version ?? item.version}
          label="保存"
          context={name}
        />
        <QuantityEditor view={view} item={item} />
      </div>
      <div class="row-controls">
        <MoveButtons
          action={editorUrls.itemMove(view.address, item.id)}
          csrf={view.csrfToken}
          version={item.version}
          label={name}
          first={first}
          last={last}
        />
        <a href={editorUrls.itemDelete(view.address, item.id)} class="delete-link">
          {name}を削除…
        </a>
      </div>
    </article>
  );
}
