import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import type { AppEnv } from '../../http/env.ts';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { registerChainRoutes } from './chain.routes.tsx';
import { workflowUrls } from './format.ts';
import { registerInboxRoutes } from './inbox.routes.tsx';
import { registerMatrixRoutes } from './matrix.routes.tsx';
import { registerPanelRoutes } from './panel.routes.tsx';
import { registerReportRoutes } from './report.routes.tsx';
import { registerReviewRoutes } from './review.routes.tsx';

const css = readFileSync(new URL('./workflow.css', import.meta.url));

/** The yearly approval workflow: panels, the planning matrix, the chain, the inbox. */
export function registerWorkflowRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(workflowUrls.stylesheet(), (c) =>
    c.body(new Uint8Array(css), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  /** Department staff land on their department's panel, city-wide staff on the matrix. */
  app.get('/staff/workflow', (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const year = fiscalYearOf(new Date());
    const own = requireSession(c).actor.grants.find((g) => g.departmentId !== null);
    return c.redirect(
      own?.departmentId ? workflowUrls.panel(own.departmentId, year) : workflowUrls.matrix(year),
    );
  });

  registerMatrixRoutes(app, db);
  registerChainRoutes(app, db);
  registerInboxRoutes(app, db);
  registerReportRoutes(app, db);
  registerPanelRoutes(app, db);
  registerReviewRoutes(app, db);
}
