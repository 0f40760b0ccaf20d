import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../src/db/schema.ts';
import { demoDepartmentId, demoMunicipalityId } from '../src/test-support/demo-ids.ts';
import { makeUser, type TestUser } from '../src/test-support/users.ts';

/** The pages the accessibility walks open, and as whom: one list, so both engines check the same pages. */
export interface WalkedPage {
  name: string;
  path: string;
  status: number;
  /** Signed in as this user (the session cookie); signed out when absent. */
  as?: TestUser;
}

const q = encodeURIComponent;

/** Every public page of the demo city: the 一覧表 (screen and print), search, open data, a 404. */
export async function publicPages(db: Kysely<Database>): Promise<WalkedPage[]> {
  const somu = await demoDepartmentId(db, '総務部');
  return [
    { name: 'index', path: '/', status: 200 },
    { name: 'municipality', path: '/m/minatodai', status: 200 },
    { name: 'ichiranhyo', path: `/m/minatodai/d/${somu}/2024`, status: 200 },
    { name: 'ichiranhyo-marks', path: `/m/minatodai/d/${somu}/2024?marks=1`, status: 200 },
    { name: 'search-empty', path: '/search', status: 200 },
    { name: 'search-results', path: `/search?q=${q('移住')}`, status: 200 },
    { name: 'search-graded', path: `/search?q=${q('推進')}&grade=${q('概ね達成')}`, status: 200 },
    { name: 'search-no-hits', path: `/search?q=${q('存在しない語句')}`, status: 200 },
    { name: 'not-found', path: '/no-such-page', status: 404 },
    { name: 'open-data', path: '/open-data', status: 200 },
    { name: 'print-city', path: '/m/minatodai/print/2024', status: 200 },
    { name: 'print-department', path: `/m/minatodai/d/${somu}/2024/print`, status: 200 },
    { name: 'dashboard-city', path: '/m/minatodai/dashboard/2024', status: 200 },
    { name: 'dashboard-department', path: `/m/minatodai/d/${somu}/dashboard/2024`, status: 200 },
    { name: 'lineage', path: `/m/minatodai/d/${somu}/lineage`, status: 200 },
    { name: 'policies', path: '/m/minatodai/policies/2024', status: 200 },
  ];
}

/**
 * The staff pages the other browser tests check with axe (audit log, refusal, settings, evaluation,
 * review with its 一覧表, the editor), plus the staff home and inbox, each as a user who may open it.
 */
export async function staffPages(db: Kysely<Database>): Promise<WalkedPage[]> {
  const m = await demoMunicipalityId(db);
  const somu = await demoDepartmentId(db, '総務部');
  const admin = await makeUser(db, m, 'admin');
  const planning = await makeUser(db, m, 'planning');
  const editor = await makeUser(db, m, 'editor', somu);
  const viewer = await makeUser(db, m, 'viewer');
  return [
    { name: 'staff-home', path: '/staff', status: 200, as: editor },
    { name: 'inbox', path: '/staff/inbox', status: 200, as: planning },
    { name: 'audit', path: '/staff/audit', status: 200, as: admin },
    { name: 'refusal', path: '/staff/audit', status: 403, as: viewer },
    { name: 'search-variants', path: '/staff/settings/search-variants', status: 200, as: planning },
    { name: 'grade-scale', path: '/staff/settings/grade-scale', status: 200, as: planning },
    { name: 'reorganisations', path: '/staff/settings/reorganisations', status: 200, as: planning },
    { name: 'evaluation', path: `/staff/evaluation/${somu}/2023`, status: 200, as: editor },
    { name: 'review-final', path: `/staff/review/${somu}/2024/final`, status: 200, as: planning },
    {
      name: 'review-goal-setting',
      path: `/staff/review/${somu}/2024/goal_setting`,
      status: 200,
      as: planning,
    },
    { name: 'editor-plan', path: `/staff/edit/${somu}/2024/plan`, status: 200, as: editor },
    { name: 'editor-list', path: '/staff/edit', status: 200, as: editor },
    { name: 'pairing', path: `/staff/edit/${somu}/2025/plan/pairing`, status: 200, as: editor },
    { name: 'workflow-home', path: '/staff/workflow', status: 200, as: planning },
    { name: 'workflow-matrix', path: '/staff/workflow/matrix/2025', status: 200, as: planning },
    { name: 'workflow-panel', path: `/staff/workflow/${somu}/2025`, status: 200, as: editor },
    { name: 'interim-report', path: `/staff/workflow/${somu}/2025/interim`, status: 200, as: editor },
    { name: 'final-report', path: `/staff/workflow/${somu}/2025/final`, status: 200, as: editor },
    { name: 'import-upload', path: '/staff/import', status: 200, as: planning },
    { name: 'accounts', path: '/staff/settings/accounts', status: 200, as: admin },
    { name: 'account', path: `/staff/settings/accounts/${editor.actor.userId}`, status: 200, as: admin },
    { name: 'organisation', path: '/staff/settings/organisation', status: 200, as: planning },
    { name: 'municipality', path: '/staff/settings/municipality', status: 200, as: admin },
    { name: 'password', path: '/staff/settings/password', status: 200, as: viewer },
    { name: 'deadlines', path: '/staff/settings/deadlines?year=2025', status: 200, as: planning },
    { name: 'interim-publication', path: '/staff/settings/interim-publication', status: 200, as: planning },
  ];
}

/**
 * Opens walked pages at one width in one browser context, so that what every page shares (the
 * stylesheet, the self-hosted fonts, scripts) is fetched once per walk, not once per page. Before
 * each page the context's cookies are set anew: signed in as the page says, or signed out. The
 * app's CSP forbids inline scripts (rightly); only the tests' injected engines bypass it.
 */
export async function pageWalker(browser: Browser, baseUrl: string, width: number) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ja-JP',
    bypassCSP: true,
  });
  let tab: Page | undefined;
  return {
    async open(walked: WalkedPage): Promise<{ page: Page; status: number | undefined }> {
      await context.clearCookies();
      if (walked.as) {
        const [name, value] = walked.as.cookie.split('=', 2) as [string, string];
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      // One tab for the walk: each page is a new document in it, without a new renderer to start.
      tab ??= await context.newPage();
      const page = tab;
      const response = await page.goto(`${baseUrl}${walked.path}`);
      return { page, status: response?.status() };
    },
    close: () => context.close(),
  };
}

/** A fresh context at `width` showing the page, signed in as the page says; close its context after. */
export async function openWalkedPage(
  browser: Browser,
  baseUrl: string,
  walked: WalkedPage,
  width: number,
): Promise<{ page: Page; status: number | undefined }> {
  return (await pageWalker(browser, baseUrl, width)).open(walked);
}
