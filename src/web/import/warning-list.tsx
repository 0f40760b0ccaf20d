import type { ImportWarning } from '../../format/document.schema.ts';
import { warningText } from '../../views/warning-text.ts';

/** An import's warnings, each with its line when it has one, in Japanese (staff pages only). */
export function WarningList({
  warnings,
  class: className,
}: {
  warnings: readonly ImportWarning[];
  class?: string;
}) {
  return (
    <ul class={className}>
      {warnings.map((w) => (
        <li>
          {w.line === undefined ? '' : `${w.line}行目: `}
          {warningText(w.message)}
        </li>
      ))}
    </ul>
  );
}
