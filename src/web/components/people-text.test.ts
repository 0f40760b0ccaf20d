import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import { fieldErrorOf as gradeScaleError } from '../settings/grade-scale.errors.ts';
import { fieldErrorOf as reorganisationError } from '../settings/reorganisation.errors.ts';
import { messageOf } from '../workflow/form.ts';
import { forPeople, isForPeople } from './people-text.ts';

test('English messages are kept from pages; Japanese ones are shown as written', () => {
  assert.equal(isForPeople('henshu may not import.run'), false);
  assert.equal(isForPeople('ファイルを選んでください'), true);
  assert.equal(forPeople('no such phase', '見つかりません。'), '見つかりません。');
  assert.equal(forPeople('年度が開始されていません。', '見つかりません。'), '年度が開始されていません。');
});

test('pages that show a refused form never quote the English of a service', () => {
  const english = new AppError('INVALID_INPUT', 'version is missing', { field: 'version' });
  for (const shown of [
    messageOf(english),
    gradeScaleError(english).message,
    reorganisationError(english).message,
  ]) {
    assert.ok(isForPeople(shown), shown);
    assert.doesNotMatch(shown, /version|missing/);
  }
  const japanese = new AppError('INVALID_INPUT', '評価を選んでください。', { field: 'assessment' });
  assert.equal(messageOf(japanese), '評価を選んでください。');
});
