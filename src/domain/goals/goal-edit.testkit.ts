import type { PhaseState } from '../../db/schema.ts';
import { importCity, setPhaseState } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { phaseOfBlock } from '../workflow/phase-status.repo.ts';
import type { BlockAddress } from './goal-edit.types.ts';

/** A municipality with two departments; 2023's table is imported (published), as a city starts. */
export interface EditFixture {
  db: TestDb;
  municipalityId: number;
  departmentId: number;
  otherDepartmentId: number;
  editor: Actor;
  as(role: Role, departmentId?: number | null): Actor;
}

let users = 100;

export async function editFixture(): Promise<EditFixture> {
  const db = await createTestDb();
  const city = await importCity(db, { code: 'test', name: 'テスト市', departments: ['テスト部', 'ほか部'] });
  const id = (name: string) => city.departments[name] ?? -1;
  const municipalityId = city.municipalityId;
  const as = (role: Role, departmentId: number | null = id('テスト部')): Actor => {
    users += 1;
    return { userId: users, login: `${role}${users}`, municipalityId, grants: [{ role, departmentId }] };
  };
  return {
    db,
    municipalityId,
    departmentId: id('テスト部'),
    otherDepartmentId: id('ほか部'),
    editor: as('editor'),
    as,
  };
}

/** Puts a block's phase into a state (what the workflow module does through its own services). */
export async function setBlockState(db: TestDb, address: BlockAddress, status: PhaseState): Promise<void> {
  await setPhaseState(
    db.kysely,
    { departmentId: address.departmentId, year: address.year, phase: phaseOfBlock(address.block) },
    status,
  );
}

export async function auditActions(db: TestDb): Promise<string[]> {
  const rows = await db.kysely.selectFrom('audit_event').select('action').orderBy('id').execute();
  return rows.map((r) => r.action);
}
