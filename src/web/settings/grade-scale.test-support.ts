import { getGradeScale } from '../../domain/evaluation/index.ts';
import { demoDepartmentId, demoMunicipalityId } from '../../test-support/demo-app.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

/** Shared by the grade-scale route tests: the demo city, its users, and requests as them. */
export const URL = '/staff/settings/grade-scale';

export interface Fixture {
  db: TestDb;
  app: ReturnType<typeof createApp>;
  planning: TestUser;
  editor: TestUser;
  viewer: TestUser;
  scale: () => ReturnType<typeof getGradeScale>;
  page: (user: TestUser, query?: string) => Promise<Response>;
  post: (user: TestUser, fields: Record<string, string>) => Promise<Response>;
}

export async function gradeScaleFixture(): Promise<Fixture> {
  const db = await createTestDb(undefined, { demo: true });
  const municipalityId = await demoMunicipalityId(db.kysely);
  const departmentId = await demoDepartmentId(db.kysely, '総務部');
  const app = createApp(db.kysely);
  const page = async (user: TestUser, query = '') =>
    app.request(`${URL}${query}`, { headers: { cookie: user.cookie } });
  const post = async (user: TestUser, fields: Record<string, string>) => {
    const csrf = csrfFrom(await (await app.request('/staff', { headers: { cookie: user.cookie } })).text());
    return app.request(URL, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  };
  return {
    db,
    app,
    planning: await makeUser(db.kysely, municipalityId, 'planning'),
    editor: await makeUser(db.kysely, municipalityId, 'editor', departmentId),
    viewer: await makeUser(db.kysely, municipalityId, 'viewer'),
    scale: () => getGradeScale(db.kysely, municipalityId),
    page,
    post,
  };
}

/** Form fields for a custom scale; bands as "label=minRate" separated by spaces ("=0": no label). */
export function custom(name: string, bands: string): Record<string, string> {
  const fields: Record<string, string> = { preset: 'custom', name };
  bands.split(' ').forEach((band, i) => {
    const [label = '', minRate = ''] = band.split('=');
    fields[`label-${i}`] = label;
    fields[`minRate-${i}`] = minRate;
  });
  return fields;
}
