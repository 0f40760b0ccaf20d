import { circledNumber } from '../../views/circled-number.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { FieldError, FlashNotice, MoveButtons, problemFor, SaveButton } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView, ItemFields, ItemView } from './editor.view.ts';
import { goalFormNames } from './goal-form.ts';
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

type FieldName = 'no' | 'unit' | 'new-unit' | 'text' | 'note';

/** How an item's inputs are named: plain names in the add form, `item-<id>-…` in a goal's one form. */
export interface ItemFieldNaming {
  id: (field: FieldName) => string;
  name: (field: FieldName) => string;
  /** The goal form these inputs belong to (the `form` attribute: they sit outside its element). */
  form?: string;
}

const plainNames: Record<FieldName, string> = {
  no: 'no',
  unit: 'unit',
  'new-unit': 'new_unit',
  text: 'text',
  note: 'note',
};

/** The invalid-field attributes: the message is the field's description, read with it. */
function invalid(id: string, issues: Record<string, string>, hint?: string) {
  const message = issues[id];
  const describedBy = [message ? `${id}-error` : undefined, hint].filter(Boolean).join(' ');
  return {
    'aria-invalid': message ? ('true' as const) : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}

/**
 * Number, 担当課等 (an existing sub-unit or a new name), text and note. `answers` is the target the
 * note reports on (a review item's 期限・数値目標等), shown right above it.
 */
export function ItemFieldset(props: {
  view: BlockView;
  naming: ItemFieldNaming;
  fields: ItemFields;
  issues?: Record<string, string>;
  answers?: string;
}) {
  const { view, naming, fields } = props;
  const issues = props.issues ?? {};
  const id = naming.id;
  const common = (field: FieldName) => ({ id: id(field), name: naming.name(field), form: naming.form });
  const answersId = `${id('note')}-answers`;
  return (
    <div class="item-fields">
      <div class="item-form__row">
        <div class="field field--no">
          <label for={id('no')}>番号</label>
          <FieldError id={id('no')} issues={issues} />
          <input
            {...common('no')}
            type="number"
            min="1"
            max="99"
            value={fields.no}
            {...invalid(id('no'), issues)}
          />
        </div>
        <div class="field">
          <label for={id('unit')}>担当課等</label>
          <select {...common('unit')}>
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
            {...common('new-unit')}
            type="text"
            value={fields.newUnit}
            aria-describedby={`${id('new-unit')}-hint`}
          />
          <span class="hint" id={`${id('new-unit')}-hint`}>
            一覧にない場合だけ入力（入力すると左の選択より優先）
          </span>
        </div>
      </div>
      <div class="field">
        <label for={id('text')}>具体的な重点取組項目</label>
        <FieldError id={id('text')} issues={issues} />
        <textarea {...common('text')} rows={3} required {...invalid(id('text'), issues)}>
          {fields.text}
        </textarea>
      </div>
      <div class="field">
        {props.answers === undefined ? null : (
          <div class="answers-target" id={answersId}>
            <span class="answers-target__label">この達成状況が答える目標（期限・数値目標等）</span>
            <p class="pre">{props.answers || '（期限・数値目標等の記載なし）'}</p>
          </div>
        )}
        <label for={id('note')}>{view.noteLabel}</label>
        <textarea
          {...common('note')}
          rows={3}
          aria-describedby={[props.answers === undefined ? '' : answersId, `${id('note')}-hint`]
            .filter(Boolean)
            .join(' ')}
        >
          {fields.note}
        </textarea>
        <span class="hint" id={`${id('note')}-hint`}>
          保存すると数量（値・単位・比較）を読み取り直します。手入力した数量はそのまま残ります。
        </span>
      </div>
    </div>
  );
}

/** The add-item form: a form of its own (a new row has no version to share with the goal's form). */
export function ItemForm(props: {
  view: BlockView;
  action: string;
  idPrefix: string;
  fields: ItemFields;
  label: string;
  context: string;
}) {
  const naming: ItemFieldNaming = {
    id: (field) => `${props.idPrefix}-${field}`,
    name: (field) => plainNames[field],
  };
  return (
    <form method="post" action={props.action} class="staff-form item-form">
      <CsrfField token={props.view.csrfToken} />
      <ItemFieldset view={props.view} naming={naming} fields={props.fields} />
      <SaveButton label={props.label} context={props.context} />
    </form>
  );
}

/** An item of a goal: its fields belong to the goal's one form; quantities and order have their own. */
export function ItemEditor(props: {
  view: BlockView;
  item: ItemView;
  goalId: number;
  fields: ItemFields;
  issues: Record<string, string>;
  /** After a stale goal save: this item is one the other person changed (shown at the goal's top). */
  changedByOther?: boolean;
  first: boolean;
  last: boolean;
}) {
  const { view, item } = props;
  const anchor = `item-${item.id}`;
  const problem = problemFor(view, anchor);
  const name = `取組項目${circledNumber(item.no)}`;
  const naming: ItemFieldNaming = {
    id: (field) => goalFormNames.item(item.id, field),
    name: (field) => goalFormNames.item(item.id, field),
    form: goalFormNames.form(props.goalId),
  };
  return (
    <article class="editor-item" id={anchor} aria-labelledby={`${anchor}-heading`}>
      <h3 id={`${anchor}-heading`}>{name}</h3>
      <FlashNotice flash={view.flash} anchor={anchor} />
      {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
      <StaleDateHint view={view} item={item} />
      {props.changedByOther ? (
        <p class="field-error">
          この取組項目は他の人が先に変更しました。その内容は重点目標の上に表示しています。見比べてから保存してください。
        </p>
      ) : null}
      <div class="editor-item__body">
        <div class="staff-form item-form" data-form={naming.form}>
          <ItemFieldset
            view={view}
            naming={naming}
            fields={props.fields}
            issues={props.issues}
            answers={item.answers}
          />
        </div>
        <QuantityEditor view={view} item={item} />
      </div>
      <div class="row-controls">
        <MoveButtons
          action={editorUrls.itemMove(view.address, item.id)}
          csrf={view.csrfToken}
          version={item.version}
          label={name}
          first={props.first}
          last={props.last}
        />
        <a href={editorUrls.itemDelete(view.address, item.id)} class="delete-link">
          {name}を削除…
        </a>
      </div>
    </article>
  );
}
