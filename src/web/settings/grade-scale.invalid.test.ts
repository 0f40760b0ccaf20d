import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { fieldErrorOf } from './grade-scale.errors.ts';
import { custom, type Fixture, gradeScaleFixture } from './grade-scale.test-support.ts';

/** [what, form fields, id of the wrong field, message] */
const INVALID: Array<[string, Record<string, string>, string, string]> = [
  [
    'bands not descending',
    custom('X', 'A=80 B=90 C=0'),
    'grade-min-1',
    '段階2の下限は上の段階（80%）より小さくしてください。',
  ],
  [
    'a last band not from 0',
    custom('X', 'A=100 B=50'),
    'grade-min-1',
    '最後の段階（段階2）の下限は0%にしてください。',
  ],
  ['duplicate labels', custom('X', 'A=100 A=0'), 'grade-label-1', '段階2の評価「A」は段階1と同じです。'],
  ['an empty label', custom('X', 'A=100 =0'), 'grade-label-1', '段階2の評価を入力してください。'],
  [
    'a rate that is no number',
    custom('X', 'A=abc B=0'),
    'grade-min-0',
    '段階1の達成率の下限は0以上の数（%）で入力してください。',
  ],
  ['a single band', custom('X', 'A=0'), 'grade-label-1', '2つ以上の段階を入力してください。'],
  ['no name', custom(' ', 'A=100 B=0'), 'grade-name', '独自の評価区分の名称を入力してください。'],
  ['an unknown preset', { preset: 'z' }, 'grade-preset-achievement', '評価区分を選んでください。'],
];

describe('grade scale settings page: invalid input', () => {
  let f: Fixture;
  before(async () => {
    f = await gradeScaleFixture();
  });
  after(() => f.db.destroy());

  for (const [what, fields, field, message] of INVALID) {
    it(`refuses ${what} with 400, names the field, keeps the input and saves nothing`, async () => {
      const before = await f.scale();
      const res = await f.post(f.planning, fields);
      assert.equal(res.status, 400);
      const page = await res.text();
      assert.match(page, /<div class="form-error" role="alert" id="grade-scale-errors">/);
      assert.ok(page.includes(`<a href="#${field}">${message}</a>`), `the summary links ${field}`);
      const described = new RegExp(
        `id="${field}"[^>]*aria-invalid="true" aria-describedby="[^"]*${field}-error"`,
      );
      assert.match(page, described);
      assert.ok(page.includes(`<p class="form-error" id="${field}-error">${message}</p>`));
      if (fields['label-0'] === 'A')
        assert.ok(page.includes(`value="${fields['minRate-0']}"`), 'typed values are kept');
      assert.deepEqual(await f.scale(), before);
    });
  }

  it('puts a refusal of the service itself on the form, in Japanese', () => {
    const error = new AppError('INVALID_INPUT', 'labels must differ', { field: 'bands' });
    assert.deepEqual(fieldErrorOf(error), {
      field: 'grade-label-0',
      message: '評価の名称が重複しています。',
    });
  });
});
