import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tamperWithAudit } from '../../test-support/forced-state.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { systemActor } from '../auth/actor.ts';
import { appendAudit, listAuditForEntity } from './audit.repo.ts';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

test('the audit trail appends and the database refuses to change or delete it', async () => {
  const actor = systemActor(1);
  await appendAudit(db.kysely, actor, {
    action: 'goal.update',
    entityType: 'goal',
    entityId: 7,
    summary: 'title changed',
    before: { title: 'a' },
    after: { title: 'b' },
  });
  const events = await listAuditForEntity(db.kysely, 'goal', 7);
  assert.equal(events.length, 1);
  assert.deepEqual(JSON.parse(events[0]?.after_json ?? 'null'), { title: 'b' });
  await assert.rejects(tamperWithAudit(db.kysely, 'update'), /append-only/);
  await assert.rejects(tamperWithAudit(db.kysely, 'delete'), /append-only/);
  assert.equal((await listAuditForEntity(db.kysely, 'goal', 7))[0]?.summary, 'title changed');
});
