import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { ensureDepartment } from '../domain/departments/department.repo.ts';
import { demoMunicipalityId } from '../test-support/demo-app.ts';
import { setPhasesWhere } from '../test-support/seed.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { makeUser, type TestUser } from '../test-support/users.ts';
import { createApp } from './app.tsx';

/**
 * Walks EVERY state-changing route the app registers (new routes are picked up by themselves) as
 * roles that must not change the department it targets: anonymous, viewer, and the editor and
 * approver of another department. Each request carries a valid CSRF token, so only authorisation
 * stands between it and the data; the test asserts a refusal and that no table changed.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_ROUTES = new Set(['/login', '/logout', '/api/session']);
/** Routes that only ever touch the caller's own records (marking one's own inbox read, one's own password). */
const SELF_ROUTES = new Set([
  '/staff/inbox/read-all',
  '/staff/inbox/:id{[0-9]+}/read',
  '/staff/settings/password',
  '/staff/settings/password/sign-out-everywhere',
]);
/** Tables a refused request may still touch: its own session bookkeeping. */
const BOOKKEEPING = new Set(['session', 'login_attempt', 'kysely_migration', 'kysely_migration_lock']);

let db: TestDb;
let app: ReturnType<typeof createApp>;
let ids: Record<string, number>;
const actors: Record<string, TestUser | undefined> = {};

before(async () => {
  db = await createTestDb(undefined, { demo: true });
  const municipalityId = await demoMunicipalityId(db.kysely);
  const target = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('name', '=', '総務部')
    .executeTakeFirstOrThrow();
  const other = await ensureDepartment(db.kysely, municipalityId, '他部');
  const goal = await db.kysely
    .selectFrom('goal')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select('goal.id')
    .where('goal.department_id', '=', target.id)
    .where('fiscal_year.year', '=', 2025)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.id')
    .executeTakeFirstOrThrow();
  const item = await db.kysely
    .selectFrom('item')
    .select('id')
    .where('goal_id', '=', goal.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const quantity = await db.kysely
    .selectFrom('quantity')
    .select('id')
    .where('item_id', '=', item.id)
    .executeTakeFirst();
  ids = { department: target.id, goal: goal.id, item: item.id, quantity: quantity?.id ?? 1 };
  // Drafts, so that a lock never stands in for the authorisation this test is about.
  await setPhasesWhere(db.kysely, { departmentId: target.id }, 'draft');
  actors.anonymous = undefined;
  actors.viewer = await makeUser(db.kysely, municipalityId, 'viewer');
  actors.otherEditor = await makeUser(db.kysely, municipalityId, 'editor', other.id);
  actors.otherApprover = await makeUser(db.kysely, municipalityId, 'approver', other.id);
  app = createApp(db.kysely);
});
after(async () => {
  await db.destroy();
});

/** A concrete URL for a route pattern: real ids of the target department where the name says what it is. */
function concrete(path: string): string {
  // A pattern may hold braces of its own (`{[0-9]{4}}`): one level of nesting is read whole.
  return path.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, name: string, pattern?: string) => {
    const lower = name.toLowerCase();
    if (lower.includes('year')) return pattern?.includes('json') ? '2025.json' : '2025';
    if (lower.includes('goal')) return String(ids.goal);
    if (lower.includes('item')) return String(ids.item);
    if (lower.includes('target') || lower.includes('quantity')) return String(ids.quantity);
    if (lower === 'phase') return 'goal_setting';
    if (lower === 'block') return 'plan';
    if (lower === 'code') return 'minatodai';
    if (lower === 'token') return 'no-such-token';
    return String(ids.department);
  });
}

async function snapshot(): Promise<Record<string, number>> {
  const tables = (await db.kysely.introspection.getTables())
    .map((t) => t.name)
    .filter((t) => !BOOKKEEPING.has(t));
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db.kysely);
    counts[t] = Number(row.rows[0]?.n ?? 0);
  }
  const versions = await sql<{ v: number }>`select coalesce(sum(version), 0) as v from goal`.execute(
    db.kysely,
  );
  counts['goal.version'] = Number(versions.rows[0]?.v ?? 0);
  return counts;
}

async function csrfOf(user: TestUser | undefined): Promise<{ cookie: string; token: string }> {
  const res = await app.request('/api/me', { headers: user ? { cookie: user.cookie } : {} });
  if (user) return { cookie: user.cookie, token: ((await res.json()) as { csrfToken: string }).csrfToken };
  const csrf =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('mokuhyo_csrf='))
      ?.split(';')[0] ?? '';
  return { cookie: csrf, token: csrf.split('=')[1] ?? '' };
}

test('no state-changing route lets anonymous, viewer or another department change anything', async () => {
  const routes = app.routes
    .filter((r) => UNSAFE.has(r.method) && !SESSION_ROUTES.has(r.path) && !SELF_ROUTES.has(r.path))
    .map((r) => ({ method: r.method, path: r.path }));
  const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
  assert.ok(unique.length >= 10, `found ${unique.length} state-changing routes`);
  const before = await snapshot();
  const failures: string[] = [];
  for (const [role, user] of Object.entries(actors)) {
    const { cookie, token } = await csrfOf(user);
    for (const route of unique) {
      const url = concrete(route.path);
      const form = new URLSearchParams({
        _csrf: token,
        version: '1',
        title: 'x',
        text: 'x',
        comment: '差し戻し',
        action: 'submit',
        department: '総務部',
        planYear: '2025',
      });
      const isApi = url.startsWith('/api/');
      const res = await app.request(url, {
        method: route.method,
        headers: {
          cookie,
          'x-csrf-token': token,
          'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded',
        },
        body: isApi ? JSON.stringify({ action: 'confirm', version: 1, title: 'x' }) : form.toString(),
      });
      // Refused for who they are. Signed out or viewer: 401/403 (or the login page) before any body
      // is read. Another department's staff: also 404 (not yours, not shown) or a 400/415 from reading
      // a body whose department decides (an import); never a redirect that looks like a result.
      const status = res.status;
      const toLogin = status === 302 && (res.headers.get('location') ?? '').startsWith('/login');
      const strict = role === 'anonymous' || role === 'viewer';
      const refused =
        status === 401 || status === 403 || toLogin || (!strict && [400, 404, 415].includes(status));
      if (!refused) failures.push(`${role} ${route.method} ${url} → ${res.status}`);
    }
  }
  assert.deepEqual(failures, [], 'every request is refused');
  assert.deepEqual(await snapshot(), before, 'and no table changed');
});
