import type { SessionContext } from '../../domain/auth/session.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';

const roleLabels: Record<string, string> = {
  admin: '管理者',
  planning: '企画（全庁）',
  editor: '部局 編集者',
  approver: '部局長（承認者）',
  viewer: '閲覧者',
};

export interface StaffHomeView {
  session: SessionContext;
  departmentNames: Record<number, string>;
  links: Array<{ href: string; label: string; description: string }>;
}

export function StaffHomePage({ view }: { view: StaffHomeView }) {
  const { session } = view;
  return (
    <Layout title="職員メニュー" stylesheets={['/assets/staff.css']}>
      <div class="page">
        <h1 class="page-title">職員メニュー</h1>
        <p>
          {session.displayName}（{session.actor.login}）としてログインしています。
        </p>
        <ul class="grant-list">
          {session.actor.grants.map((g) => (
            <li>
              {roleLabels[g.role] ?? g.role}
              {g.departmentId === null ? '' : `: ${view.departmentNames[g.departmentId] ?? g.departmentId}`}
            </li>
          ))}
        </ul>
        {view.links.length > 0 ? (
          <ul class="staff-links">
            {view.links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
                <span class="hint">{l.description}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action="/logout">
          <CsrfField token={session.csrfToken} />
          <button type="submit" class="button-secondary">
            ログアウト
          </button>
        </form>
      </div>
    </Layout>
  );
}
