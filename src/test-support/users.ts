import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type Actor, type Role, systemActor } from '../domain/auth/actor.ts';
import { login } from '../domain/auth/session.service.ts';
import { listGrants } from '../domain/auth/user.repo.ts';
import { createUser } from '../domain/auth/user.service.ts';

export const TEST_PASSWORD = 'test-password-0123';

export interface TestUser {
  login: string;
  actor: Actor;
  /** A Cookie header value for a live session of this user. */
  cookie: string;
}

let counter = 0;

/** A real account with a real session: the same path a person takes, minus the form. */
export async function makeUser(
  db: Kysely<Database>,
  municipalityId: number,
  role: Role,
  departmentId?: number,
): Promise<TestUser> {
  counter += 1;
  const name = `${role}${departmentId ?? ''}-${counter}`;
  const userId = await createUser(db, systemActor(municipalityId), {
    login: name,
    password: TEST_PASSWORD,
    role,
    department: departmentId === undefined ? undefined : String(departmentId),
  });
  const { token } = await login(db, { login: name, password: TEST_PASSWORD, client: `test-${counter}` });
  return {
    login: name,
    actor: { userId, login: name, municipalityId, grants: await listGrants(db, userId) },
    cookie: `mokuhyo_session=${token}`,
  };
}

/** The CSRF token a page rendered for this session (forms echo it as `_csrf`). */
export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no _csrf field on the page');
  return token;
}

/** Calls the JSON API as this user, the way a client does: session cookie plus the X-CSRF-Token it reads from /api/me. */
export async function apiCall(
  app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> },
  user: TestUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const me = await app.request('/api/me', { headers: { cookie: user.cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return app.request(`/api${path}`, {
    method,
    headers: { cookie: user.cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
