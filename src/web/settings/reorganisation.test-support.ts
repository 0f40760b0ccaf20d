import { ensureDepartment } from '../../domain/departments/department.repo.ts';
import { listReorganisations } from '../../domain/organisation/reorganisation.service.ts';
import { demoDepartmentId, demoMunicipalityId } from '../../test-support/demo-app.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

/** Shared by the 組織改編 route tests: the demo city (plus departments created by 改編), its users, requests as them. */
export const URL = '/staff/settings/reorganisations';
export type Fields = Array<[string, string]>;
const DEMO = ['総務部', '健康福祉部', '市民生活部', '産業観光部'] as const;
const CREATED = ['市民協働部', '未来創造部'] as const;
export type DepartmentName = (typeof DEMO)[number] | (typeof CREATED)[number];

export interface Fixture {
  db: TestDb;
  app: ReturnType<typeof createApp>;
  planning: TestUser;
  editor: TestUser;
  viewer: TestUser;
  /** Top-level department ids by name: the demo's four, 市民協働部 and 未来創造部. */
  dept: Record<DepartmentName, number>;
  events: () => ReturnType<typeof listReorganisations>;
  page: (user: TestUser, query?: string) => Promise<Response>;
  /** Posts the form fields (with the CSRF token the user's page carries) to URL or another path. */
  post: (user: TestUser, fields: Fields, path?: string) => Promise<Response>;
}

export async function reorganisationFixture(): Promise<Fixture> {
  const db = await createTestDb(undefined, { demo: true });
  const m = await demoMunicipalityId(db.kysely);
  const dept = {} as Record<DepartmentName, number>;
  for (const name of DEMO) dept[name] = await demoDepartmentId(db.kysely, name);
  for (const name of CREATED) dept[name] = (await ensureDepartment(db.kysely, m, name)).id;
  const app = createApp(db.kysely);
  const page = async (user: TestUser, query = '') =>
    app.request(`${URL}${query}`, { headers: { cookie: user.cookie } });
  const post = async (user: TestUser, fields: Fields, path = URL) => {
    const csrf = csrfFrom(await (await app.request('/staff', { headers: { cookie: user.cookie } })).text());
    return app.request(path, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
    });
  };
  return {
    db,
    app,
    planning: await makeUser(db.kysely, m, 'planning'),
    editor: await makeUser(db.kysely, m, 'editor', dept.総務部),
    viewer: await makeUser(db.kysely, m, 'viewer'),
    dept,
    events: () => listReorganisations(db.kysely, m),
    page,
    post,
  };
}

/** The form's fields: a checked box repeats its name (from=1&from=2). */
export function form(kind: string, year: string, from: number[], to: number[], note = ''): Fields {
  return [
    ['kind', kind],
    ['effectiveYear', year],
    ...from.map((id): [string, string] => ['from', String(id)]),
    ...to.map((id): [string, string] => ['to', String(id)]),
    ['note', note],
  ];
}
