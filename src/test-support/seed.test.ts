import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../domain/auth/actor.ts';
import { listUsers } from '../domain/auth/user.repo.ts';
import { createUser } from '../domain/auth/user.service.ts';
import { getDepartment } from '../domain/departments/department.repo.ts';
import { findPhaseState } from '../domain/workflow/phase-status.repo.ts';
import {
  addUnit,
  fiscalYearIdOf,
  importCity,
  municipalityIdOf,
  phaseVersion,
  returnPhase,
  type SeededCity,
  setEmail,
  setPhaseState,
} from './seed.ts';
import { createTestDb, type TestDb } from './test-db.ts';

const KO = '甲部';
const OTSU = '乙部';
let db: TestDb;
let city: SeededCity;
before(async () => {
  db = await createTestDb();
  city = await importCity(db, { code: 'seedtest', departments: [KO, OTSU], planYear: 2025 });
});
after(() => db.destroy());

test('importCity: the municipality and every department, by name', async () => {
  assert.equal(await municipalityIdOf(db.kysely, 'seedtest'), city.municipalityId);
  assert.equal(await municipalityIdOf(db.kysely), city.municipalityId, 'the only one there is');
  const ids = Object.values(city.departments);
  assert.equal(new Set(ids).size, 2);
  for (const id of ids)
    assert.equal((await getDepartment(db.kysely, id))?.municipality_id, city.municipalityId);
});

const state = async (departmentId: number, year: number, phase: 'goal_setting' | 'interim' | 'final') =>
  findPhaseState(db.kysely, {
    departmentId,
    fiscalYearId: await fiscalYearIdOf(db.kysely, city.municipalityId, year),
    phase,
  });

test('returnPhase withdraws a published phase through the workflow; setPhaseState sets any', async () => {
  const departmentId = city.departments[KO] ?? -1;
  const at = { departmentId, year: 2025, phase: 'goal_setting' as const };
  assert.equal(await state(departmentId, 2025, 'goal_setting'), 'published');
  const version = await phaseVersion(db.kysely, at);
  await returnPhase(db.kysely, at);
  assert.equal(await state(departmentId, 2025, 'goal_setting'), 'draft');
  assert.equal(await phaseVersion(db.kysely, at), version + 1);
  await setPhaseState(db.kysely, { departmentId, year: 2025, phase: 'interim' }, 'published');
  assert.equal(await state(departmentId, 2025, 'interim'), 'published', 'a missing row is made');
  await setPhaseState(db.kysely, at, 'accepted');
  assert.equal(await state(departmentId, 2025, 'goal_setting'), 'accepted');
});

test('addUnit and setEmail go through the organisation service and the user repository', async () => {
  const parent = city.departments[OTSU] ?? -1;
  const unit = await getDepartment(
    db.kysely,
    await addUnit(db.kysely, city.municipalityId, parent, '企画課'),
  );
  assert.deepEqual([unit?.parent_id, unit?.kind, unit?.name], [parent, 'unit', '企画課']);
  const userId = await createUser(db.kysely, systemActor(city.municipalityId), {
    login: 'seed-viewer',
    password: 'password-1234',
    role: 'viewer',
  });
  await setEmail(db.kysely, userId, 'viewer@city.example.jp');
  const stored = (await listUsers(db.kysely, city.municipalityId)).find((u) => u.id === userId);
  assert.equal(stored?.email, 'viewer@city.example.jp');
});
