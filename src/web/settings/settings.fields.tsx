import type { Child } from 'hono/jsx';
import type { FieldError } from '../components/error-summary.tsx';
import { errorMap, FieldMessage, invalid } from './grade-scale.fields.tsx';

/**
 * Fields shared by the account, organisation and municipality settings forms: a label, a hint, the
 * error under the field (named in aria-describedby), and the value as typed when the form came back.
 */
export type Errors = ReturnType<typeof errorMap>;
export type { FieldError };
export { errorMap };

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  errors: Errors;
  hint?: string;
  type?: 'text' | 'password';
  autocomplete?: string;
  maxlength?: number;
  inputmode?: 'numeric';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.type === 'password' ? '' : props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        {...invalid(props.id, props.errors, hintId)}
      />
      <FieldMessage id={props.id} errors={props.errors} />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  errors: Errors;
  hint?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      <select id={props.id} name={props.name} {...invalid(props.id, props.errors, hintId)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={props.id} errors={props.errors} />
    </div>
  );
}

/** A one-button form (CSRF included) for an action on a row: 無効にする, 廃止する, … */
export function ActionButton(props: {
  action: string;
  csrf: string;
  label: string;
  describedBy?: string;
  primary?: boolean;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
      <button
        type="submit"
        class={props.primary ? 'button-primary' : 'button-secondary'}
        aria-describedby={props.describedBy}
      >
        {props.label}
      </button>
    </form>
  );
}

/** The status line after a Post/Redirect/Get. */
export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <div class="workflow-notice" role="status">
      <p>{text}</p>
    </div>
  ) : null;
}
