import type { NotificationRow } from '../../db/tables/workflow.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { formatInstant, workflowUrls } from './format.ts';
import { WorkflowShell } from './shell.tsx';

export interface InboxView {
  csrfToken: string;
  unread: number;
  items: NotificationRow[];
  notice?: string;
  /** The review page of the phase an entry is about, by notification id. */
  reviewHrefs?: ReadonlyMap<number, string>;
}

const kindLabels: Record<string, string> = {
  submitted: '承認の依頼',
  approved: '受理の依頼',
  accepted: '公表の依頼',
  published: '公表',
  returned: '差し戻し',
  deadline_soon: '期限のお知らせ',
  deadline_overdue: '期限超過',
};

export function InboxPage({ view }: { view: InboxView }) {
  return (
    <WorkflowShell title="受信箱" unread={view.unread} notice={view.notice}>
      <p>{view.unread > 0 ? `未読が${view.unread}件あります。` : '未読の通知はありません。'}</p>
      {view.unread > 0 ? (
        <form method="post" action={`${workflowUrls.inbox()}/read-all`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button-secondary">
            すべて既読にする
          </button>
        </form>
      ) : null}
      {view.items.length === 0 ? (
        <p>通知はまだありません。</p>
      ) : (
        <ul class="inbox">
          {view.items.map((n) => (
            <li class={n.read_at ? 'inbox-item' : 'inbox-item is-unread'}>
              <p class="inbox-meta">
                {n.read_at ? null : <strong class="unread">未読</strong>}
                <span class="inbox-kind">{kindLabels[n.kind] ?? n.kind}</span>
                <span>{formatInstant(n.created_at)}</span>
              </p>
              <p class="inbox-message">{n.message}</p>
              <div class="inbox-links">
                <a href={n.link}>手続きの画面を開く</a>
                {view.reviewHrefs?.has(n.id) ? (
                  <a href={view.reviewHrefs.get(n.id)}>
                    内容を確認する<span class="visually-hidden">（{n.message}）</span>
                  </a>
                ) : null}
                {n.read_at ? null : (
                  <form method="post" action={`${workflowUrls.inbox()}/${n.id}/read`} class="inline-form">
                    <CsrfField token={view.csrfToken} />
                    <button type="submit" class="button-secondary">
                      既読にする<span class="visually-hidden">（{kindLabels[n.kind] ?? n.kind}）</span>
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </WorkflowShell>
  );
}
