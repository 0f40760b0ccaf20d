/** One wrong field of a form: the id of its input (or group) and what to fix. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The errors of a submitted form, above it: what went wrong, each linked to its field, announced to
 * screen readers as soon as the page shows it.
 */
export function ErrorSummary({ id, heading, errors }: { id: string; heading: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="form-error" role="alert" id={id}>
      <p>{heading}</p>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
