import type { ImportWarning } from '../format/document.schema.ts';
import { warningText } from './warning-text.ts';

/** Warnings the import reported; shown above the table so readers check them against the original. */
export function WarningsNotice({ warnings }: { warnings: ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section class="notice notice--warning" aria-labelledby="warnings-heading">
      <h2 id="warnings-heading" class="notice__heading">
        <span class="notice__icon" aria-hidden="true">
          !
        </span>
        警告
      </h2>
      <p>この一覧表の取り込み時に、次の点が見つかりました。原本と照らし合わせてご確認ください。</p>
      <ul>
        {warnings.map((w) => (
          <li>
            {warningText(w.message)}
            {w.line === undefined ? null : <span class="notice__line">（原本の{w.line}行目）</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
