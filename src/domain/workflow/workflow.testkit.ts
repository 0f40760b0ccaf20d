import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { systemActor } from '../auth/actor.ts';
import { listGrants } from '../auth/user.repo.ts';
import { createUser } from '../auth/user.service.ts';

export const OWN = '総務部';
export const OTHER = '健康福祉部';

export type Who =
  | 'admin'
  | 'planning'
  | 'editorOwn'
  | 'editorOther'
  | 'approverOwn'
  | 'approverOther'
  | 'viewer';
export const everyone: readonly Who[] = [
  'admin',
  'planning',
  'editorOwn',
  'editorOther',
  'approverOwn',
  'approverOther',
  'viewer',
];

const accounts: Record<Who, { role: Role; department?: string }> = {
  admin: { role: 'admin' },
  planning: { role: 'planning' },
  editorOwn: { role: 'editor', department: OWN },
  editorOther: { role: 'editor', department: OTHER },
  approverOwn: { role: 'approver', department: OWN },
  approverOther: { role: 'approver', department: OTHER },
  viewer: { role: 'viewer' },
};

export interface WorkflowFixture {
  db: TestDb;
  municipalityId: number;
  own: number;
  other: number;
  actors: Record<Who, Actor>;
}

/**
 * Two departments imported with plan year 2026 (so the review block of 2025 has goals and 2025's
 * final phase is published by the import), and one user per role.
 */
export async function workflowFixture(): Promise<WorkflowFixture> {
  const db = await createTestDb();
  await importSources(
    db.kysely,
    [
      sourceOf(
        makeDocument({ department: OWN, planYear: 2026 }),
        makeDocument({ department: OTHER, planYear: 2026 }),
      ),
    ],
    { published: true, municipality: { code: 'wf', name: 'ワークフロー市' } },
  );
  const m = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  const dept = async (name: string) =>
    (await db.kysely.selectFrom('department').select('id').where('name', '=', name).executeTakeFirstOrThrow())
      .id;
  const actors = {} as Record<Who, Actor>;
  for (const who of everyone) {
    const login = who.toLowerCase();
    const userId = await createUser(db.kysely, systemActor(m.id), {
      login,
      password: 'password-1234',
      ...accounts[who],
    });
    actors[who] = { userId, login, municipalityId: m.id, grants: await listGrants(db.kysely, userId) };
  }
  return { db, municipalityId: m.id, own: await dept(OWN), other: await dept(OTHER), actors };
}

/** The users who move the own department's phases (see openInOrder in test-support/phase-fill.ts). */
export function ownCrew(f: WorkflowFixture): { editor: Actor; approver: Actor; planning: Actor } {
  return { editor: f.actors.editorOwn, approver: f.actors.approverOwn, planning: f.actors.planning };
}
