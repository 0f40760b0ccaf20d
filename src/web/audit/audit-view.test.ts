import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEvent } from '../../domain/audit/audit.repo.ts';
import { presentAuditEvent } from './audit-view.ts';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  municipality_id: 1,
  actor_user_id: 5,
  actor_login: 'kikaku01',
  actor_name: '企画 太郎',
  at: '2026-04-01T00:00:00.000Z',
  action: 'goal.update',
  entity_type: 'goal',
  entity_id: 1,
  department_id: 2,
  department_name: '総務部',
  goal_id: 1,
  summary: '',
  before_json: null,
  after_json: null,
  ...over,
});

/** Snapshots as the services store them: every field has a Japanese name or is bookkeeping. */
const stored: Array<Partial<AuditEvent>> = [
  {
    action: 'item.update',
    entity_type: 'item',
    before_json: JSON.stringify({
      id: 3,
      goalId: 1,
      no: 2,
      position: 2,
      unitId: 4,
      unitName: '総務課',
      text: 'a',
      note: null,
      version: 1,
      quantities: [
        {
          id: 9,
          kind: 'target',
          value: 80,
          unit: '%',
          comparator: '>=',
          spanText: '80%以上',
          origin: 'extracted',
        },
      ],
    }),
    after_json: JSON.stringify({
      id: 3,
      goalId: 1,
      no: 2,
      position: 2,
      unitId: 4,
      unitName: '企画課',
      text: 'b',
      note: '80%以上',
      version: 2,
      quantities: [
        {
          id: 9,
          kind: 'target',
          value: 90,
          unit: '%',
          comparator: '>=',
          spanText: '90%以上',
          origin: 'manual',
        },
      ],
    }),
  },
  {
    action: 'quantity.correct',
    entity_type: 'item',
    before_json: '[{"id":1,"value":3,"unit":"件","comparator":"="}]',
    after_json: '[{"id":1,"value":4,"unit":"件","comparator":"="}]',
  },
  {
    action: 'grade_scale.set',
    entity_type: 'grade_scale',
    after_json: JSON.stringify({
      preset: 'custom',
      name: '三段階',
      bands: [
        { label: 'A', minRate: 100 },
        { label: 'B', minRate: 0 },
      ],
    }),
  },
  {
    action: 'reorganisation.record',
    entity_type: 'reorganisation',
    after_json: JSON.stringify({
      kind: 'merge',
      effectiveYear: 2026,
      note: null,
      from: [
        { id: 1, name: '総務部' },
        { id: 2, name: '企画部' },
      ],
      to: [{ id: 3, name: '総合政策部' }],
    }),
  },
  {
    action: 'indicator.set',
    entity_type: 'quantity',
    after_json: JSON.stringify({
      kind: 'outcome',
      name: '満足度',
      baseline: { value: 60, date: '2024-03-31' },
      longTerm: { value: 80, year: 2030 },
    }),
  },
  {
    action: 'workflow.assess',
    entity_type: 'final_assessment',
    after_json: JSON.stringify({ assessment: 'mostly', reason: '概ね' }),
  },
  {
    action: 'user.create',
    entity_type: 'user',
    actor_user_id: null,
    actor_name: null,
    after_json: JSON.stringify({ login: 'henshu', role: 'editor', departmentId: 2 }),
  },
  {
    action: 'block.copy_next_year',
    entity_type: 'block',
    after_json: JSON.stringify({ goals: [{ id: 5, copiedFrom: 1, title: '目標A' }] }),
  },
];

test('stored snapshots read as Japanese: labelled fields, words for codes, never JSON', () => {
  for (const over of stored) {
    const view = presentAuditEvent(event(over));
    const text = [
      view.actor,
      view.action,
      ...view.target,
      ...view.facts,
      ...view.changes.flatMap((c) => [c.label, c.before, c.after]),
    ].join(' ');
    assert.ok(view.changes.length > 0, `${over.action} shows a change`);
    assert.doesNotMatch(text, /[{}[\]"]|その他の/, `${over.action}: ${text}`);
    // Codes of a role, a state, a kind, an origin or a comparator never show.
    assert.doesNotMatch(
      text,
      /\b(editor|target|manual|extracted|merge|outcome|mostly|custom)\b|>=/,
      `${over.action}: ${text}`,
    );
  }
});

test('the operator, the import counts and an unknown action are in words', () => {
  const imported = presentAuditEvent(
    event({
      action: 'import',
      actor_user_id: null,
      actor_name: null,
      entity_type: 'department',
      summary: 'soumu.txt: 総務部 2025/2026 imported: 14 added, 2 changed, 0 removed',
    }),
  );
  assert.equal(imported.actor, 'システム管理者（コマンド操作）');
  assert.equal(imported.action, '一覧表の取り込み');
  assert.deepEqual(imported.facts, [
    'ファイル「soumu.txt」（2025年度の達成状況・2026年度の目標）',
    '追加 14件・変更 2件・削除 0件',
  ]);
  assert.equal(presentAuditEvent(event({ action: 'future.thing' })).action, 'その他の操作');
});
