import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Phase, PhaseState } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { assertBlockEditable } from './lock.ts';
import type { WorkflowAction } from './state-machine.ts';
import { transition } from './transition.service.ts';
import { everyone, type Who, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
const YEAR = 2027;

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: YEAR });
});
after(async () => {
  await f.db.destroy();
});

async function statusOf(phase: Phase = 'goal_setting') {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, YEAR);
  return f.db.kysely
    .selectFrom('phase_status')
    .select(['status', 'version'])
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy ?? -1)
    .where('phase', '=', phase)
    .executeTakeFirstOrThrow();
}

async function act(who: Who, action: WorkflowAction, options: { version?: number; comment?: string } = {}) {
  const { version } = await statusOf();
  return transition(f.db.kysely, f.actors[who], {
    departmentId: f.own,
    year: YEAR,
    phase: 'goal_setting',
    action,
    version: options.version ?? version,
    comment: options.comment ?? (action === 'return' ? '数値目標を見直してください' : undefined),
  });
}

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

/** The forward chain, and who may take each step. */
const forward: Array<{ action: WorkflowAction; from: PhaseState; to: PhaseState; allowed: Who }> = [
  { action: 'submit', from: 'draft', to: 'submitted', allowed: 'editorOwn' },
  { action: 'approve', from: 'submitted', to: 'approved', allowed: 'approverOwn' },
  { action: 'accept', from: 'approved', to: 'accepted', allowed: 'planning' },
  { action: 'publish', from: 'accepted', to: 'published', allowed: 'planning' },
];

/** From wherever the phase stands: back to draft (planning may return from anywhere), then forward. */
async function driveTo(state: PhaseState) {
  const now = (await statusOf()).status;
  if (now !== state && now !== 'draft') await act('planning', 'return', { comment: 'やり直し' });
  for (const step of forward) {
    if ((await statusOf()).status === state) return;
    await act(step.allowed, step.action);
  }
  assert.equal((await statusOf()).status, state);
}

test('the whole chain: every wrong role is FORBIDDEN, the right one moves it on', async () => {
  for (const step of forward) {
    const before = await statusOf();
    assert.equal(before.status, step.from);
    for (const who of everyone.filter((w) => w !== step.allowed)) {
      await assert.rejects(act(who, step.action), code('FORBIDDEN'), `${who} may not ${step.action}`);
    }
    assert.deepEqual(await statusOf(), before, 'refusals change nothing');
    const result = await act(step.allowed, step.action);
    assert.equal(result.to, step.to);
    assert.equal((await statusOf()).version, before.version + 1);
  }
});

const returns: Array<{ from: PhaseState; allowed: Who[] }> = [
  { from: 'submitted', allowed: ['approverOwn', 'planning'] },
  { from: 'approved', allowed: ['approverOwn', 'planning'] },
  { from: 'accepted', allowed: ['approverOwn', 'planning'] },
  { from: 'published', allowed: ['planning'] },
];

test('差し戻し from every state: wrong roles FORBIDDEN, right roles return it to draft and unlock the block', async () => {
  const fiscalYearId = (await findFiscalYearId(f.db.kysely, f.municipalityId, YEAR)) ?? -1;
  const block = { departmentId: f.own, fiscalYearId, block: 'plan' as const };
  for (const r of returns) {
    for (const who of r.allowed) {
      await driveTo(r.from);
      await assert.rejects(assertBlockEditable(f.db.kysely, block), code('LOCKED'));
      for (const wrong of everyone.filter((w) => !r.allowed.includes(w))) {
        await assert.rejects(
          act(wrong, 'return'),
          code('FORBIDDEN'),
          `${wrong} may not return from ${r.from}`,
        );
      }
      assert.equal((await statusOf()).status, r.from);
      const result = await act(who, 'return', { comment: `${who}: 修正をお願いします` });
      assert.equal(result.to, 'draft');
      await assertBlockEditable(f.db.kysely, block);
    }
  }
});

test('a return needs a comment; a stale version and an impossible move are refused', async () => {
  await driveTo('submitted');
  const seen = (await statusOf()).version;
  await assert.rejects(act('approverOwn', 'return', { comment: '  ' }), code('INVALID_INPUT'));
  assert.equal((await statusOf()).status, 'submitted');
  await assert.rejects(act('approverOwn', 'accept'), code('FORBIDDEN'));
  await assert.rejects(act('planning', 'publish'), code('CONFLICT'), 'publish before acceptance');
  await act('approverOwn', 'approve', { version: seen });
  await assert.rejects(
    act('planning', 'accept', { version: seen }),
    code('STALE'),
    'the page saw an old version',
  );
  assert.equal((await statusOf()).status, 'approved');
  await act('planning', 'return', { comment: '再確認' });
});

test('history, audit and inbox record each transition with its comment', async () => {
  await driveTo('submitted');
  await act('approverOwn', 'return', { comment: '成果指標を追加してください' });
  const events = await f.db.kysely
    .selectFrom('workflow_event')
    .selectAll()
    .where('department_id', '=', f.own)
    .orderBy('id', 'desc')
    .execute();
  assert.equal(events[0]?.action, 'return');
  assert.equal(events[0]?.comment, '成果指標を追加してください');
  assert.equal(events[0]?.actor_login, 'approverown');
  assert.equal(events[1]?.action, 'submit');
  const audit = await f.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'after_json'])
    .where('action', '=', 'workflow.return')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.match(audit.after_json ?? '', /成果指標を追加してください/);
  const inbox = async (who: Who) =>
    f.db.kysely
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', f.actors[who].userId)
      .orderBy('id', 'desc')
      .execute();
  const editorInbox = await inbox('editorOwn');
  assert.equal(editorInbox[0]?.kind, 'returned');
  assert.match(editorInbox[0]?.message ?? '', /成果指標を追加してください/);
  assert.ok(
    (await inbox('approverOwn')).some((n) => n.kind === 'submitted'),
    'asked to approve',
  );
  assert.equal((await inbox('approverOther')).length, 0, 'another department hears nothing');
  assert.equal((await inbox('editorOther')).length, 0);
});
