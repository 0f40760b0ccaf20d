import type { PhaseState } from '../../db/schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
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
  await importSources(
    db.kysely,
    [sourceOf(makeDocument({ department: 'テスト部' }), makeDocument({ department: 'ほか部' }))],
    { published: true, municipality: { code: 'test', name: 'テスト市' } },
  );
  const departments = await db.kysely
    .selectFrom('department')
    .select(['id', 'name', 'municipality_id'])
    .execute();
  const id = (name: string) => departments.find((d) => d.name === name)?.id ?? -1;
  const municipalityId = departments[0]?.municipality_id ?? -1;
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
  const year = await db.kysely
    .selectFrom('fiscal_year')
    .select('id')
    .where('year', '=', address.year)
    .executeTakeFirstOrThrow();
  const phase = phaseOfBlock(address.block);
  const now = new Date().toISOString();
  await db.kysely
    .deleteFrom('phase_status')
    .where('department_id', '=', address.departmentId)
    .where('fiscal_year_id', '=', year.id)
    .where('phase', '=', phase)
    .execute();
  await db.kysely
    .insertInto('phase_status')
    .values({
      department_id: address.departmentId,
      fiscal_year_id: year.id,
      phase,
      status,
      published_at: status === 'published' ? now : null,
      version: 1,
      updated_at: now,
    })
    .execute();
}

export async function auditActions(db: TestDb): Promise<string[]> {
  const rows = await db.kysely.selectFrom('audit_event').select('action').orderBy('id').execute();
  return rows.map((r) => r.action);
}
