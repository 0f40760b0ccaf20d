import type { AuditEvent } from '../../domain/audit/audit.repo.ts';
import { formatTokyo } from '../components/datetime.ts';

/** Before/after values field by field; JSON is shown as text, never as markup. */
function Changes({ event }: { event: AuditEvent }) {
  const before = parse(event.before_json);
  const after = parse(event.after_json);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (keys.length === 0) return null;
  return (
    <dl class="audit-changes">
      {keys.map((k) => (
        <div>
          <dt>{k}</dt>
          <dd>
            <span class="audit-before">変更前: {show(before[k])}</span>
            <span class="audit-after">変更後: {show(after[k])}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}

const show = (v: unknown) => (v === undefined ? '（なし）' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditEventList({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p>記録はありません。</p>;
  return (
    <ol class="audit-list">
      {events.map((e) => (
        <li>
          <p class="audit-head">
            <time datetime={e.at}>{formatTokyo(e.at)}</time> <span class="audit-actor">{e.actor_login}</span>{' '}
            <code>{e.action}</code>
          </p>
          <p>{e.summary}</p>
          <Changes event={e} />
        </li>
      ))}
    </ol>
  );
}
