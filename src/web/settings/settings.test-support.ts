import { demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';

/** The demo city with an admin, planning, an editor and a viewer, and requests as them with their CSRF token. */
export function useSettingsApp() {
  const users = {} as Record<'admin' | 'planning' | 'editor' | 'viewer', TestUser>;
  const demo = useDemoApp(async ({ db }) => {
    const m = await demoMunicipalityId(db.kysely);
    users.admin = await makeUser(db.kysely, m, 'admin');
    users.planning = await makeUser(db.kysely, m, 'planning');
    const soumu = await db.kysely
      .selectFrom('department')
      .select('id')
      .where('name', '=', '総務部')
      .executeTakeFirstOrThrow();
    users.editor = await makeUser(db.kysely, m, 'editor', soumu.id);
    users.viewer = await makeUser(db.kysely, m, 'viewer');
  });
  const get = (cookie: string | undefined, path: string) =>
    demo.app.request(path, { headers: cookie ? { cookie } : {} });
  const post = async (user: TestUser, path: string, fields: Record<string, string>, csrf?: string) => {
    const token = csrf ?? csrfFrom(await (await get(user.cookie, '/staff')).text());
    return demo.app.request(path, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
  };
  const audit = async () =>
    (
      await demo.db.kysely.selectFrom('audit_event').select(['action', 'after_json']).orderBy('id').execute()
    ).map((e) => e.action);
  return { demo, users, get, post, audit };
}
