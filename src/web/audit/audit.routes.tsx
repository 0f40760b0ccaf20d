import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AUDIT_PAGE_SIZE, cityLog, goalHistory } from '../../domain/audit/audit.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { Layout } from '../components/layout.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { AuditEventList } from './audit-events.tsx';

const blockLabel: Record<string, string> = { plan: '目標', review: '達成状況' };

export function registerAuditRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/staff/history/goal/:id{[0-9]+}', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const history = await goalHistory(db, actor, Number(c.req.param('id')));
    const { goal } = history;
    return c.html(
      await renderPage(
        <Layout title={`変更履歴: ${goal.title}`} stylesheets={['/assets/staff.css']}>
          <div class="page">
            <h1 class="page-title">変更履歴</h1>
            <p>
              {goal.departmentName} {goal.year}年度 {blockLabel[goal.block] ?? goal.block}: {goal.title}
            </p>
            <AuditEventList events={history.events} />
          </div>
        </Layout>,
      ),
    );
  });

  app.get('/staff/audit', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const before = c.req.query('before');
    const events = await cityLog(db, actor, {
      beforeId: before && /^\d+$/.test(before) ? Number(before) : undefined,
      action: c.req.query('action') || undefined,
    });
    const last = events.at(-1);
    return c.html(
      await renderPage(
        <Layout title="変更履歴（全庁）" stylesheets={['/assets/staff.css']}>
          <div class="page">
            <h1 class="page-title">変更履歴（全庁）</h1>
            <p class="hint">記録は追記のみで、画面や API から削除・変更することはできません。</p>
            <AuditEventList events={events} />
            {last && events.length === AUDIT_PAGE_SIZE ? (
              <a href={`/staff/audit?before=${last.id}`}>さらに古い記録</a>
            ) : null}
          </div>
        </Layout>,
      ),
    );
  });
}
