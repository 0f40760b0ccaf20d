import assert from 'node:assert/strict';
import { evaluateDepartmentYear, type TargetEvaluation } from '../../domain/evaluation/index.ts';
import { demoDepartmentId, demoMunicipalityId } from '../../test-support/demo-app.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

/** Shared by the indicator route tests: the demo city's 総務部 in 2023, its users, and requests as them. */
export const YEAR = 2023;

/** A complete form as people type it: full-width digits, commas, a decimal. */
export const FULL_FORM = {
  kind: 'outcome',
  name: '転入者数',
  baselineValue: '１，２００',
  baselineDate: '2023-04-01',
  longTermValue: '2,000.5',
  longTermYear: '２０３０',
};

export async function indicatorFixture() {
  const db: TestDb = await createTestDb(undefined, { demo: true });
  const app = createApp(db.kysely);
  const municipalityId = await demoMunicipalityId(db.kysely);
  const departmentId = await demoDepartmentId(db.kysely, '総務部');
  const otherId = await demoDepartmentId(db.kysely, '健康福祉部');
  const pageUrl = `/staff/evaluation/${departmentId}/${YEAR}`;
  const targetsOf = async (id: number) =>
    (await evaluateDepartmentYear(db.kysely, id, YEAR)).goals.flatMap((g) =>
      g.items.flatMap((i) => i.targets),
    );
  const page = async (user: TestUser, query = '') =>
    (await app.request(`${pageUrl}${query}`, { headers: { cookie: user.cookie } })).text();
  /** The CSRF token from /staff, which every signed-in user may open. */
  const csrfOf = async (user: TestUser) =>
    csrfFrom(await (await app.request('/staff', { headers: { cookie: user.cookie } })).text());
  const target: TargetEvaluation = (await targetsOf(departmentId))[0] ?? assert.fail('no target');
  return {
    db,
    app,
    pageUrl,
    target,
    foreignTarget: (await targetsOf(otherId))[0] ?? assert.fail('no target in the other department'),
    editor: await makeUser(db.kysely, municipalityId, 'editor', departmentId),
    otherEditor: await makeUser(db.kysely, municipalityId, 'editor', otherId),
    viewer: await makeUser(db.kysely, municipalityId, 'viewer'),
    setUrl: (targetId: number) => `${pageUrl}/indicator/${targetId}`,
    page,
    indicatorOf: async (targetId: number) =>
      (await targetsOf(departmentId)).find((t) => t.target.id === targetId)?.indicator ?? null,
    rows: () => db.kysely.selectFrom('evaluation_indicator').selectAll().orderBy('id').execute(),
    post: async (user: TestUser, url: string, fields: Record<string, string>) =>
      app.request(url, {
        method: 'POST',
        headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: await csrfOf(user), ...fields }).toString(),
      }),
  };
}
export type IndicatorFixture = Awaited<ReturnType<typeof indicatorFixture>>;
