import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';
import { insertMunicipality } from '../municipalities/municipality.repo.ts';
import {
  getOwnMunicipality,
  updateMunicipalitySettings,
} from '../municipalities/municipality-settings.service.ts';
import { listTopDepartments } from './department.repo.ts';
import {
  addDepartment,
  editDepartment,
  listOrganisationTree,
  retireDepartment,
} from './organisation.service.ts';

let db: TestDb;
let planning: TestUser;
let admin: TestUser;
let viewer: TestUser;
let m: number;

before(async () => {
  db = await createTestDb();
  m = (await insertMunicipality(db.kysely, { code: 'org', name: '組織市' })).id;
  planning = await makeUser(db.kysely, m, 'planning');
  admin = await makeUser(db.kysely, m, 'admin');
  viewer = await makeUser(db.kysely, m, 'viewer');
});
after(() => db.destroy());

const trail = async () =>
  (await db.kysely.selectFrom('audit_event').select('action').execute()).map((e) => e.action);

test('planning adds departments and sub-units, renames and orders them; the tree follows the order', async () => {
  const soumu = await addDepartment(db.kysely, planning.actor, {
    name: ' 総務部 ',
    parentId: null,
    displayOrder: null,
  });
  const kenko = await addDepartment(db.kysely, planning.actor, {
    name: '健康部',
    parentId: null,
    displayOrder: 1,
  });
  const ka = await addDepartment(db.kysely, planning.actor, {
    name: '人事課',
    parentId: soumu,
    displayOrder: null,
  });
  await editDepartment(db.kysely, planning.actor, ka, { name: '職員課', displayOrder: 2 });
  const tree = await listOrganisationTree(db.kysely, planning.actor);
  assert.deepEqual(
    tree.map((d) => [d.name, d.units.map((u) => u.name)]),
    [
      ['健康部', []],
      ['総務部', ['職員課']],
    ],
  );
  assert.deepEqual(
    (await listTopDepartments(db.kysely, m)).map((d) => d.id),
    [kenko, soumu],
    'other pages list in the same order',
  );
  await assert.rejects(
    addDepartment(db.kysely, planning.actor, { name: '総務部', parentId: null, displayOrder: null }),
    {
      code: 'CONFLICT',
      message: /すでにあります/,
    },
  );
  await assert.rejects(
    addDepartment(db.kysely, planning.actor, { name: '係', parentId: ka, displayOrder: null }),
    {
      code: 'INVALID_INPUT',
    },
  );
  const actions = await trail();
  for (const a of ['department.create', 'department.rename', 'department.reorder'])
    assert.ok(actions.includes(a), a);
});

test('a department with sub-units or grants is kept; an unused one is retired', async () => {
  const [kenko, soumu] = await listOrganisationTree(db.kysely, planning.actor);
  assert.ok(kenko && soumu);
  await assert.rejects(retireDepartment(db.kysely, planning.actor, soumu.id), {
    code: 'CONFLICT',
    message: /課・センター（1件）があるため、廃止できません/,
  });
  await makeUser(db.kysely, m, 'editor', kenko.id);
  await assert.rejects(retireDepartment(db.kysely, planning.actor, kenko.id), { code: 'CONFLICT' });
  const unit = soumu.units[0];
  assert.ok(unit);
  await retireDepartment(db.kysely, planning.actor, unit.id);
  await retireDepartment(db.kysely, admin.actor, soumu.id);
  assert.deepEqual(
    (await listOrganisationTree(db.kysely, planning.actor)).map((d) => d.name),
    ['健康部'],
  );
  assert.ok((await trail()).includes('department.retire'));
});

test('viewers cannot change the organisation', async () => {
  await assert.rejects(
    addDepartment(db.kysely, viewer.actor, { name: '新部', parentId: null, displayOrder: null }),
    {
      code: 'FORBIDDEN',
    },
  );
});

test('the admin names the city and gives its local government code, checked; planning may not', async () => {
  await updateMunicipalitySettings(db.kysely, admin.actor, {
    name: '新組織市',
    localGovCode: '１３１０１６',
  });
  const city = await getOwnMunicipality(db.kysely, admin.actor);
  assert.deepEqual([city.name, city.local_gov_code], ['新組織市', '131016']);
  await assert.rejects(
    updateMunicipalitySettings(db.kysely, admin.actor, { name: '新組織市', localGovCode: '131017' }),
    {
      code: 'INVALID_INPUT',
    },
  );
  await assert.rejects(
    updateMunicipalitySettings(db.kysely, planning.actor, { name: 'x', localGovCode: '' }),
    {
      code: 'FORBIDDEN',
    },
  );
  assert.ok((await trail()).includes('municipality.update'));
});
