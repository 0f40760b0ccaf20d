import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { reviewLinksOf } from '../../domain/review/review.service.ts';
import { countUnread, listInbox, markRead } from '../../domain/workflow/notification.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { idParam } from './form.ts';
import { workflowUrls } from './format.ts';
import { InboxPage } from './inbox.page.tsx';
import { reviewUrls } from './review.urls.ts';

/** Each user's notifications: requests to act, returns with their comments, deadline reminders. */
export function registerInboxRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(workflowUrls.inbox(), async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const session = requireSession(c);
    const items = await listInbox(db, session.actor.userId);
    const view = {
      csrfToken: session.csrfToken,
      unread: await countUnread(db, session.actor.userId),
      items,
      reviewHrefs: await reviewLinksOf(db, session.actor, items, reviewUrls.phase),
      notice: c.req.query('done') === 'read' ? '既読にしました。' : undefined,
    };
    return c.html(await renderPage(<InboxPage view={view} />));
  });

  app.post(`${workflowUrls.inbox()}/read-all`, async (c) => {
    await markRead(db, requireSession(c).actor, 'all');
    return c.redirect(`${workflowUrls.inbox()}?done=read`, 303);
  });

  app.post(`${workflowUrls.inbox()}/:id{[0-9]+}/read`, async (c) => {
    await markRead(db, requireSession(c).actor, idParam(c.req.param('id')));
    return c.redirect(`${workflowUrls.inbox()}?done=read`, 303);
  });
}
