import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { fillPhase, openInOrder } from '../../test-support/phase-fill.ts';
import { loadChain, saveChain } from './chain.repo.ts';
import { DEFAULT_CHAIN, validateChain } from './chain.ts';
import { NO_PROGRESS, planTransition, possibleActions } from './state-machine.ts';
import { transition } from './transition.service.ts';
import { ownCrew, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

test('a chain runs department → planning → extra steps and needs one of each of the first two', () => {
  assert.throws(() => validateChain([{ name: '企画', stage: 'planning' }]), code('INVALID_INPUT'));
  assert.throws(
    () =>
      validateChain([
        { name: '企画', stage: 'planning' },
        { name: '部長', stage: 'department' },
      ]),
    code('INVALID_INPUT'),
  );
  assert.throws(
    () =>
      validateChain([
        { name: ' ', stage: 'department' },
        { name: '企画', stage: 'planning' },
      ]),
    code('INVALID_INPUT'),
  );
  assert.deepEqual(validateChain(DEFAULT_CHAIN), DEFAULT_CHAIN);
});

test('the state machine: what each state allows', () => {
  assert.deepEqual(possibleActions(DEFAULT_CHAIN, 'draft', NO_PROGRESS), ['submit']);
  assert.deepEqual(possibleActions(DEFAULT_CHAIN, 'submitted', NO_PROGRESS), ['approve', 'return']);
  assert.deepEqual(possibleActions(DEFAULT_CHAIN, 'approved', NO_PROGRESS), ['accept', 'return']);
  assert.deepEqual(possibleActions(DEFAULT_CHAIN, 'accepted', NO_PROGRESS), ['publish', 'return']);
  assert.deepEqual(possibleActions(DEFAULT_CHAIN, 'published', NO_PROGRESS), ['return']);
  const two = [
    { name: '課長', stage: 'department' as const },
    { name: '部長', stage: 'department' as const },
    { name: '企画', stage: 'planning' as const },
  ];
  assert.deepEqual(planTransition(two, 'submitted', NO_PROGRESS, 'approve'), {
    to: 'submitted',
    step: two[0],
  });
  assert.deepEqual(planTransition(two, 'submitted', { ...NO_PROGRESS, department: 1 }, 'approve'), {
    to: 'approved',
    step: two[1],
  });
});

let f: WorkflowFixture;
before(async () => {
  f = await workflowFixture();
});
after(async () => {
  await f.db.destroy();
});

test('課 → 部 → 企画 → 市長: two department approvals, acceptance, the mayor recorded before publishing', async () => {
  assert.deepEqual(await loadChain(f.db.kysely, f.municipalityId), DEFAULT_CHAIN, 'default until configured');
  const chain = [
    { name: '課長', stage: 'department' as const },
    { name: '部長', stage: 'department' as const },
    { name: '企画', stage: 'planning' as const },
    { name: '市長', stage: 'extra' as const },
  ];
  await assert.rejects(saveChain(f.db.kysely, f.actors.editorOwn, chain), code('FORBIDDEN'));
  await assert.rejects(saveChain(f.db.kysely, f.actors.approverOwn, chain), code('FORBIDDEN'));
  await saveChain(f.db.kysely, f.actors.admin, chain);
  assert.deepEqual(await loadChain(f.db.kysely, f.municipalityId), chain);

  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2027 });
  let version = 1;
  const step = async (
    who: keyof WorkflowFixture['actors'],
    action: 'submit' | 'approve' | 'accept' | 'sign' | 'publish',
  ) => {
    const r = await transition(f.db.kysely, f.actors[who], {
      departmentId: f.own,
      year: 2027,
      phase: 'interim',
      action,
      version,
    });
    version = r.version;
    return r;
  };
  // 中間報告 opens once 目標設定 is published (through the same chain).
  await openInOrder(f.db.kysely, ownCrew(f), { departmentId: f.own, year: 2027, phase: 'interim' });
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2027, phase: 'interim' });
  await step('editorOwn', 'submit');
  assert.deepEqual(await step('approverOwn', 'approve'), {
    from: 'submitted',
    to: 'submitted',
    version,
    stepName: '課長',
  });
  assert.equal((await step('approverOwn', 'approve')).to, 'approved');
  assert.equal((await step('planning', 'accept')).to, 'accepted');
  await assert.rejects(step('planning', 'publish'), code('CONFLICT'), 'the mayor has not signed yet');
  await assert.rejects(step('approverOwn', 'sign'), code('FORBIDDEN'));
  assert.deepEqual(await step('planning', 'sign'), {
    from: 'accepted',
    to: 'accepted',
    version,
    stepName: '市長',
  });
  await assert.rejects(step('planning', 'sign'), code('CONFLICT'), 'every extra step is signed once');
  assert.equal((await step('planning', 'publish')).to, 'published');
  const signed = await f.db.kysely
    .selectFrom('workflow_event')
    .select(['action', 'step_name'])
    .where('phase', '=', 'interim')
    .where('step_name', 'is not', null)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    signed.map((e) => `${e.action}:${e.step_name}`),
    ['approve:課長', 'approve:部長', 'accept:企画', 'sign:市長'],
  );
});
