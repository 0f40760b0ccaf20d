import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { can } from '../../domain/auth/policy.ts';
import { loadInbox } from '../../domain/workflow/inbox.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { waitingAlreadyCounted } from '../components/staff-bar.tsx';
import { loginRedirect, requireSession } from './require-session.ts';
import { staffCss } from './staff.css.ts';
import { StaffHomePage } from './staff-home.page.tsx';
import { presentStaffHome } from './staff-home.presenter.ts';
import { menuFor } from './staff-menu.ts';

export function registerStaffRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/assets/staff.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(staffCss);
  });

  /** The staff home: what waits for me, what is late, my departments' year, and the menu I may use. */
  app.get('/staff', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const session = requireSession(c);
    const inbox = await loadInbox(db, session.actor, new Date());
    waitingAlreadyCounted(inbox.waiting.length);
    const names = new Map(inbox.progress.departments.map((d) => [d.id, d.name]));
    const { actor } = session;
    const canOpenYear = can(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
    const view = presentStaffHome(session, inbox, menuFor(actor), names, canOpenYear);
    return c.html(await renderPage(<StaffHomePage view={view} />));
  });
}
