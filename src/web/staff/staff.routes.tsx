import type { Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import { type Action, canAnywhere } from '../../domain/auth/policy.ts';
import { getDepartment } from '../../domain/departments/department.repo.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../render.tsx';
import { loginRedirect, requireSession } from './require-session.ts';
import { staffCss } from './staff.css.ts';
import { StaffHomePage } from './staff-home.page.tsx';

/** Links on the staff menu; modules add theirs as they arrive. */
export const staffLinks: Array<{ href: string; label: string; description: string; action?: Action }> = [];

export function registerStaffRoutes(app: Hono<AppEnv>, db: Db): void {
  app.get('/assets/staff.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(staffCss);
  });

  app.get('/staff', async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const session = requireSession(c);
    const departmentNames: Record<number, string> = {};
    for (const g of session.actor.grants) {
      if (g.departmentId !== null) {
        const department = await getDepartment(db.kysely, g.departmentId);
        if (department) departmentNames[g.departmentId] = department.name;
      }
    }
    return c.html(
      await renderPage(
        <StaffHomePage
          view={{
            session,
            departmentNames,
            links: staffLinks.filter((l) => !l.action || canAnywhere(session.actor, l.action)),
          }}
        />,
      ),
    );
  });
}
