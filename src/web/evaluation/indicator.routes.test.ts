import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FULL_FORM, type IndicatorFixture, indicatorFixture } from './indicator.test-support.ts';

describe('indicator form on the staff evaluation page (demo city)', () => {
  let f: IndicatorFixture;
  let id: number;
  before(async () => {
    f = await indicatorFixture();
    id = f.target.target.id;
  });
  after(() => f.db.destroy());

  /** The target's table row in the page's HTML. */
  const rowOf = (html: string) => {
    const start = html.indexOf(`id="target-${id}"`);
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it('stores a 成果指標 typed with full-width digits and commas, then shows it labelled and pre-filled', async () => {
    const res = await f.post(f.editor, f.setUrl(id), FULL_FORM);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${f.pageUrl}?saved=indicator#target-${id}`);
    assert.deepEqual(await f.indicatorOf(id), {
      kind: 'outcome',
      kindLabel: '成果指標',
      name: '転入者数',
      baseline: { value: 1200, date: '2023-04-01' },
      longTerm: { value: 2000.5, year: 2030 },
    });
    const html = await f.page(f.editor, '?saved=indicator');
    assert.ok(html.includes('指標の設定を保存しました。'));
    const row = rowOf(html);
    const unit = f.target.target.unit;
    assert.match(row, /<span class="eval-indicator-kind">成果指標<\/span>/);
    assert.ok(row.includes(`基準値 1,200${unit}（2023年4月1日）`), 'baseline in words');
    assert.ok(row.includes(`長期目標 2,000.5${unit}（2030年度）`), 'long-term target in words');
    const input = (name: string, value: string) =>
      new RegExp(`id="indicator-${id}-${name}" name="${name}" value="${value}"`);
    assert.match(
      row,
      new RegExp(`id="indicator-${id}-kind-outcome" name="kind" value="outcome" required="" checked=""`),
    );
    assert.match(row, input('name', '転入者数'));
    assert.match(row, input('baselineValue', '1200'));
    assert.match(row, input('baselineDate', '2023-04-01'));
    assert.match(row, input('longTermValue', '2000.5'));
    assert.match(row, input('longTermYear', '2030'));
    assert.match(row, new RegExp(`<label for="indicator-${id}-baselineDate">基準日</label>`));
    assert.ok(row.includes('指標の設定を変更・解除'));
  });

  it('replaces it: empty optional fields mean "not set"', async () => {
    const empty = { baselineValue: '', baselineDate: '', longTermValue: '', longTermYear: '', name: ' ' };
    assert.equal((await f.post(f.editor, f.setUrl(id), { ...empty, kind: 'activity' })).status, 303);
    assert.deepEqual(await f.indicatorOf(id), {
      kind: 'activity',
      kindLabel: '活動指標',
      name: null,
      baseline: null,
      longTerm: null,
    });
    assert.match(rowOf(await f.page(f.editor)), /<span class="eval-indicator-kind">活動指標<\/span>/);
  });

  it('names the wrong field on the page and stores nothing', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ baselineDate: '2023-02-30' }, 'baselineDate', '基準日'],
      [{ baselineValue: '千二百' }, 'baselineValue', '基準値'],
      [{ baselineValue: '', baselineDate: '2023-04-01' }, 'baselineValue', '基準値'],
      [{ longTermValue: '1,2,3' }, 'longTermValue', '長期目標値'],
      [{ longTermYear: '30' }, 'longTermYear', '目標年度'],
      [{ kind: 'other' }, 'kind', '種別'],
    ];
    const stored = await f.rows();
    for (const [change, field, label] of cases) {
      const res = await f.post(f.editor, f.setUrl(id), { ...FULL_FORM, ...change });
      assert.equal(res.status, 303);
      const location = res.headers.get('location') ?? '';
      assert.equal(location, `${f.pageUrl}?failed=invalid&target=${id}&field=${field}#target-${id}`);
      const html = await f.page(f.editor, location.replace(f.pageUrl, '').replace(/#.*/, ''));
      assert.match(
        html,
        new RegExp(`role="alert">入力内容を確認してください。 <a [^>]*>指標の「${label}」</a>`),
      );
      const inputId = field === 'kind' ? `indicator-${id}-kind-outcome` : `indicator-${id}-${field}`;
      const describedBy = `aria-invalid="true" aria-describedby="${inputId}-error"`;
      assert.match(rowOf(html), new RegExp(`id="${inputId}"[^>]*${describedBy}`), `${field} is marked`);
      assert.match(rowOf(html), new RegExp(`<p class="form-error eval-field-error" id="${inputId}-error">`));
      assert.match(rowOf(html), /<details class="eval-indicator-form" open="">/);
    }
    assert.deepEqual(await f.rows(), stored, 'nothing stored');
  });

  it('ignores a field name in the query that the form does not have', async () => {
    const html = await f.page(f.editor, `?failed=invalid&target=${id}&field=%3Cscript%3E`);
    assert.ok(html.includes('入力内容を確認してください。'));
    assert.doesNotMatch(html, /指標の「|aria-invalid|<details class="eval-indicator-form" open/);
  });

  it('removes the indicator', async () => {
    assert.notEqual(await f.indicatorOf(id), null);
    const res = await f.post(f.editor, `${f.setUrl(id)}/delete`, {});
    assert.equal(res.headers.get('location'), `${f.pageUrl}?saved=indicator-removed#target-${id}`);
    assert.equal(await f.indicatorOf(id), null);
    assert.equal((await f.rows()).length, 0);
    const html = await f.page(f.editor, '?saved=indicator-removed');
    assert.ok(html.includes('指標の設定を解除しました。'));
    assert.ok(!rowOf(html).includes('class="eval-indicator-kind"'), 'no label left');
    assert.ok(rowOf(html).includes('<summary>指標として設定</summary>'));
  });
});
