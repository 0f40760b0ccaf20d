import type { AuditEvent } from '../../domain/audit/audit.service.ts';
import { formatTokyo } from '../components/datetime.ts';
import { type AuditChangeView, presentAuditEvent } from './audit-view.ts';

/** Longer values are cut here; the whole text opens below on request. */
export const SHORT_TEXT = 80;

function Value({ text }: { text: string }) {
  const chars = [...text];
  if (chars.length <= SHORT_TEXT) return <span class="audit-value">{text}</span>;
  return (
    <span class="audit-value">
      {chars.slice(0, SHORT_TEXT).join('')}…
      <details class="audit-full">
        <summary>全文を表示（{chars.length}文字）</summary>
        <span class="audit-full-text">{text}</span>
      </details>
    </span>
  );
}

/** Before/after field by field, in words; user text is escaped by JSX, never shown as markup. */
function Changes({ changes }: { changes: AuditChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <dl class="audit-changes">
      {changes.map((c) => (
        <div>
          <dt>{c.label}</dt>
          <dd>
            <span class="audit-before">
              変更前: <Value text={c.before} />
            </span>
            <span class="audit-after">
              変更後: <Value text={c.after} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditEventList({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p>記録はありません。</p>;
  return (
    <ol class="audit-list">
      {events.map(presentAuditEvent).map((e) => (
        <li>
          <p class="audit-head">
            <time datetime={e.at}>{formatTokyo(e.at)}</time> <span class="audit-actor">{e.actor}</span>{' '}
            <strong class="audit-action">{e.action}</strong>
          </p>
          {e.target.length > 0 ? <p class="audit-target">{e.target.join('　')}</p> : null}
          {e.facts.map((f) => (
            <p class="audit-fact">{f}</p>
          ))}
          <Changes changes={e.changes} />
        </li>
      ))}
    </ol>
  );
}
