import { importCity } from '../../test-support/seed.ts';
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
  const city = await importCity(db, {
    code: 'wf',
    name: 'ワークフロー市',
    departments: [OWN, OTHER],
    planYear: 2026,
  });
  const municipalityId = city.municipalityId;
  const actors = {} as Record<Who, Actor>;
  for (const who of everyone) {
    const login = who.toLowerCase();
    const userId = await createUser(db.kysely, systemActor(municipalityId), {
      login,
      password: 'password-1234',
      ...accounts[who],
    });
    actors[who] = { userId, login, municipalityId, grants: await listGrants(db.kysely, userId) };
  }
  return {
    db,
    municipalityId,
    own: city.departments[OWN] ?? -1,
    other: city.departments[OTHER] ?? -1,
    actors,
  };
}

/** The users who move the own department's phases (see openInOrder in test-support/phase-fill.ts). */
export function ownCrew(f: WorkflowFixture): { editor: Actor; approver: Actor; planning: Actor } {
  return { editor: f.actors.editorOwn, approver: f.actors.approverOwn, planning: f.actors.planning };
}
