import { CsrfField } from '../components/csrf-field.tsx';
import { type Flash, flashMessage } from './editor.urls.ts';
import type { BlockView, Problem } from './editor.view.ts';

/** The Post/Redirect/Get confirmation, placed inside the changed element and focused on arrival. */
export function FlashNotice({ flash, anchor }: { flash?: Flash; anchor?: string }) {
  if (!flash || flash.anchor !== anchor) return null;
  return (
    <p class="flash" role="status" tabindex={-1} autofocus>
      {flashMessage(flash)}
    </p>
  );
}

export function problemFor(view: BlockView, target: string): Problem | undefined {
  return view.problem?.target === target ? view.problem : undefined;
}

/** Up/down as two submit buttons of one form: keyboard and screen-reader friendly, no script. */
export function MoveButtons(props: {
  action: string;
  csrf: string;
  version: number;
  label: string;
  first: boolean;
  last: boolean;
}) {
  return (
    <form method="post" action={props.action} class="inline-form move-form">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      <button type="submit" name="direction" value="up" class="button-small" disabled={props.first}>
        ↑ 上へ<span class="visually-hidden">（{props.label}）</span>
      </button>
      <button type="submit" name="direction" value="down" class="button-small" disabled={props.last}>
        ↓ 下へ<span class="visually-hidden">（{props.label}）</span>
      </button>
    </form>
  );
}

export function SaveButton({ label, context }: { label: string; context: string }) {
  return (
    <button type="submit" class="button-primary">
      {label}
      <span class="visually-hidden">（{context}）</span>
    </button>
  );
}

/** A field's own error, between its label and the input, named by the input's id. */
export function FieldError({ id, issues }: { id: string; issues: Record<string, string> }) {
  const message = issues[id];
  if (!message) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {message}
    </p>
  );
}
