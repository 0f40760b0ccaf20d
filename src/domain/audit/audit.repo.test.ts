import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { tamperWithAudit } from '../../test-support/forced-state.repo.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { systemActor } from '../auth/actor.ts';
import { appendAudit, listAuditForEntity } from './audit.repo.ts';
import { onAuditAppended } from './audit-listeners.ts';

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

test('whoever registered hears of each event appended in this process, until it lets go', async () => {
  const heard: string[] = [];
  const stop = onAuditAppended(() => heard.push('heard'));
  const event = { action: 'goal.update', entityType: 'goal', entityId: 8, summary: 'heard' } as const;
  await appendAudit(db.kysely, systemActor(1), event);
  assert.deepEqual(heard, ['heard']);
  stop();
  await appendAudit(db.kysely, systemActor(1), event);
  assert.deepEqual(heard, ['heard'], 'not after letting go');
  assert.equal((await listAuditForEntity(db.kysely, 'goal', 8)).length, 2);
});

test('the audit trail names no module that listens to it (publication registers itself)', async () => {
  const dir = new URL('./', import.meta.url);
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const source = await readFile(new URL(name, dir), 'utf8');
    assert.doesNotMatch(source, /from '\.\.\/publication\//, `${name} imports publication`);
  }
});
