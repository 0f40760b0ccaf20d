import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadCityYear } from '../../domain/evaluation/city-year.service.ts';
import { loadDepartmentYear } from '../../domain/evaluation/department-year.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { presentCityDashboard } from './city.presenter.ts';
import { dashboardCss } from './dashboard.css.ts';
import { dashboardUrls } from './dashboard.view.ts';
import { presentDepartmentDashboard } from './department.presenter.ts';

/**
 * Public evaluation dashboards; charts are inline SVG rendered here, so pages need no script. The pages (and
 * with them ECharts, tens of MB once loaded) are imported on the first dashboard shown, not at start.
 */
export function registerDashboardRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(dashboardUrls.stylesheet(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(dashboardCss);
  });

  app.get('/m/:code/dashboard/:year{[0-9]{4}}', async (c) => {
    const year = Number(c.req.param('year'));
    const view = presentCityDashboard(await loadCityYear(db, c.req.param('code'), year), year);
    const { CityDashboardPage } = await import('./city.page.tsx');
    return c.html(await renderPage(<CityDashboardPage view={view} />));
  });

  app.get('/m/:code/d/:id{[0-9]+}/dashboard/:year{[0-9]{4}}', async (c) => {
    const year = Number(c.req.param('year'));
    const data = await loadDepartmentYear(db, c.req.param('code'), Number(c.req.param('id')), year);
    const view = presentDepartmentDashboard(data);
    const { DepartmentDashboardPage } = await import('./department.page.tsx');
    return c.html(await renderPage(<DepartmentDashboardPage view={view} />));
  });
}
