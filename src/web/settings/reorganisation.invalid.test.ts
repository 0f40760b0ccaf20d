import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { fieldErrorOf } from './reorganisation.errors.ts';
import { type Fields, type Fixture, form, reorganisationFixture } from './reorganisation.test-support.ts';

type Dept = Fixture['dept'];
/** [what, form fields, id of the wrong field, message] */
const INVALID: Array<[string, (d: Dept) => Fields, (d: Dept) => string, string]> = [
  [
    'no kind',
    (d) => form('', '2025', [d.総務部], [d.未来創造部]),
    () => 'reorg-kind-rename',
    '種別を選んでください。',
  ],
  [
    'no year',
    (d) => form('rename', '', [d.総務部], [d.未来創造部]),
    () => 'reorg-year',
    '実施年度を選んでください。',
  ],
  [
    'no department before',
    (d) => form('rename', '2025', [], [d.未来創造部]),
    (d) => `reorg-from-${d.総務部}`,
    '改編前の部局を選んでください。',
  ],
  [
    'a split into one',
    (d) => form('split', '2025', [d.総務部], [d.未来創造部]),
    (d) => `reorg-to-${d.総務部}`,
    '分割では、改編後の部局を2つ以上選んでください。',
  ],
  [
    'an unknown department',
    (d) => form('rename', '2025', [999999], [d.未来創造部]),
    (d) => `reorg-from-${d.総務部}`,
    '選んだ改編前の部局が見つかりません。ページを再読み込みしてから選び直してください。',
  ],
];

describe('組織改編 settings page: invalid input', () => {
  let f: Fixture;
  before(async () => {
    f = await reorganisationFixture();
  });
  after(() => f.db.destroy());

  it('refuses a merge of one department with 400, names the field, keeps the input, stores nothing', async () => {
    const res = await f.post(
      f.planning,
      form('merge', '2027', [f.dept.健康福祉部], [f.dept.未来創造部], '試し'),
    );
    assert.equal(res.status, 400);
    const page = await res.text();
    const first = `reorg-from-${f.dept.総務部}`; // the group's first box: the summary links there
    const message = '統合では、改編前の部局を2つ以上選んでください。';
    assert.match(page, /<div class="form-error" role="alert" id="reorg-errors">/);
    assert.ok(page.includes(`<a href="#${first}">${message}</a>`), 'the summary links the field');
    assert.ok(
      page.includes(
        `<fieldset class="reorg-group is-invalid" aria-describedby="${first}-hint ${first}-error"><legend>改編前の部局</legend>`,
      ),
      'the group is described by its error',
    );
    assert.ok(page.includes(`<p class="form-error" id="${first}-error">${message}</p>`));
    assert.match(page, /value="merge" checked=""/, 'kind kept');
    assert.match(page, /<option value="2027" selected="">/, 'year kept');
    const kept = `id="reorg-from-${f.dept.健康福祉部}" name="from" value="${f.dept.健康福祉部}" checked=""`;
    assert.ok(page.includes(kept), 'ticked box kept');
    assert.match(page, />試し<\/textarea>/, 'note kept');
    assert.deepEqual(await f.events(), []);
  });

  for (const [what, fields, field, message] of INVALID) {
    it(`refuses ${what} with 400 and the message at the field; stores nothing`, async () => {
      const res = await f.post(f.planning, fields(f.dept));
      assert.equal(res.status, 400);
      const page = await res.text();
      assert.ok(page.includes(`<a href="#${field(f.dept)}">${message}</a>`), 'in the summary');
      assert.ok(page.includes(`id="${field(f.dept)}-error">${message}</p>`), 'at the field');
      assert.deepEqual(await f.events(), []);
    });
  }

  it('puts a refusal of the service itself on the form, in Japanese', () => {
    const error = new AppError('INVALID_INPUT', 'a split takes one department into two or more', {
      field: 'kind',
    });
    assert.deepEqual(fieldErrorOf(error), {
      field: 'reorg-kind-rename',
      message: '分割では、改編前の部局を1つ、改編後の部局を2つ以上選んでください。',
    });
  });
});
