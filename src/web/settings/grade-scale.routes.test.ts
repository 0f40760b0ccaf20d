import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { custom, type Fixture, gradeScaleFixture, URL } from './grade-scale.test-support.ts';

describe('grade scale settings page (demo city)', () => {
  let f: Fixture;
  before(async () => {
    f = await gradeScaleFixture();
  });
  after(() => f.db.destroy());

  const html = async (res: Response | Promise<Response>) => (await res).text();
  const menuOf = async (cookie: string) => html(f.app.request('/staff', { headers: { cookie } }));
  const gradeOptions = async () => {
    const page = await html(f.app.request(`/search?q=${encodeURIComponent('の')}`));
    const select = /<select id="search-grade"[^>]*>([\s\S]*?)<\/select>/.exec(page)?.[1] ?? '';
    return [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  };

  it('sends anonymous visitors to the login form', async () => {
    const res = await f.app.request(URL);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(URL)}`);
  });

  it('shows planning the current scale, the presets with their bands and the custom rows', async () => {
    const res = await f.page(f.planning);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(
      page,
      /<h2 id="grade-current-heading">今年度（令和\d+年度）の評価区分: 達成度（3段階）<\/h2>/,
    );
    assert.match(page, /<select id="grade-from-year" name="fromYear"/);
    assert.match(page, /<option value="(\d{4})" selected="">令和\d+年度（\1年度）・今年度<\/option>/);
    assert.match(page, /<th scope="row">概ね達成<\/th><td>80%<\/td>/);
    assert.match(page, /name="_csrf" value="[^"]+"/);
    assert.match(
      page,
      /id="grade-preset-achievement" name="preset" value="achievement" required="" checked=""/,
    );
    for (const key of ['abc', 'a_to_d', 's_to_c', 'custom'])
      assert.match(page, new RegExp(`<label for="grade-preset-${key}">`));
    assert.ok(page.includes('S（120%以上）・A（100%以上）・B（80%以上）・C（80%未満）'), 'the S–C bands');
    assert.equal([...page.matchAll(/<input type="text" id="grade-label-\d+" name="label-\d+"/g)].length, 10);
    assert.match(page, /<legend>独自の評価区分/);
    assert.match(page, /公表済みの年度は公表したときの評価区分のまま/);
    assert.match(page, /<button type="submit" class="button-primary">保存<\/button>/);
    assert.ok((await menuOf(f.planning.cookie)).includes(`href="${URL}"`), 'on the staff menu');
  });

  it('saves preset abc from this 年度 (Post/Redirect/Get); published years and the search filter keep theirs', async () => {
    assert.deepEqual(await gradeOptions(), ['達成', '概ね達成', '未達成']);
    const res = await f.post(f.planning, { preset: 'abc' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${URL}?saved=1`);
    assert.equal((await f.scale()).preset, 'abc');
    const page = await html(f.page(f.planning, '?saved=1'));
    assert.match(page, /role="status"><p>評価区分を保存しました。/);
    assert.match(page, /の評価区分: A・B・C（3段階）/);
    assert.match(page, /<th scope="row">令和\d+年度（\d{4}年度）から<\/th><td>A・B・C（3段階）: /);
    assert.deepEqual(
      await gradeOptions(),
      ['達成', '概ね達成', '未達成'],
      'the published years are unchanged',
    );
    assert.doesNotMatch(page, /id="grade-regrade"/, 'nothing to re-grade: the published years are older');
  });

  it('a scale from 令和5年度 leaves the published years alone until planning re-grades one, confirmed and audited', async () => {
    assert.equal((await f.post(f.planning, { preset: 'abc', fromYear: '2023' })).status, 303);
    assert.deepEqual(await gradeOptions(), ['達成', '概ね達成', '未達成']);
    const page = await html(f.page(f.planning));
    assert.match(page, /<h2 id="grade-regrade-heading">公表済みの年度の評価を付け直す<\/h2>/);
    assert.match(page, /<h3>令和5年度（2023年度）<\/h3>/);
    assert.match(page, /令和6年度の評価を付け直す<\/button>/);
    const regrade = async (user: typeof f.planning, fields: Record<string, string>) => {
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await html(f.page(f.planning)))?.[1] ?? '';
      return f.app.request(`${URL}/regrade`, {
        method: 'POST',
        headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    };
    const unconfirmed = await regrade(f.planning, { fiscalYear: '2024' });
    assert.equal(unconfirmed.status, 400);
    assert.match(await unconfirmed.text(), /確認の欄にチェックを入れてください。/);
    assert.deepEqual(await gradeOptions(), ['達成', '概ね達成', '未達成']);
    const done = await regrade(f.planning, { fiscalYear: '2024', confirm: '1' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${URL}?regraded=2024`);
    assert.match(await html(f.page(f.planning, '?regraded=2024')), /令和6年度の評価を付け直しました。/);
    assert.deepEqual(await gradeOptions(), ['達成', '概ね達成', '未達成', 'A', 'B', 'C']);
    const audit = await f.db.kysely
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'grade_scale.regrade')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.summary),
      ['regrade 2024: 達成度（3段階） → A・B・C（3段階）'],
    );
  });

  it('saves a custom scale with 4 bands (full-width digits and % accepted) and shows it filled in', async () => {
    assert.equal((await f.post(f.planning, custom(' 四段階評価 ', '◎=110 ○=９０ △=50.5% ×=0'))).status, 303);
    assert.deepEqual(await f.scale(), {
      preset: 'custom',
      name: '四段階評価',
      bands: [
        { label: '◎', minRate: 110 },
        { label: '○', minRate: 90 },
        { label: '△', minRate: 50.5 },
        { label: '×', minRate: 0 },
      ],
    });
    const page = await html(f.page(f.planning));
    assert.match(page, /id="grade-preset-custom" name="preset" value="custom" checked=""/);
    assert.match(page, /id="grade-label-2" name="label-2"[^>]*value="△"/);
    assert.match(page, /<td>0%（50.5%未満）<\/td>/);
    assert.ok(!(await gradeOptions()).includes('◎'), 'the published years keep their scales');
  });

  it('refuses a department editor and a viewer with 403 and leaves the scale unchanged', async () => {
    const before = await f.scale();
    for (const user of [f.editor, f.viewer]) {
      const res = await f.post(user, { preset: 's_to_c' });
      assert.equal(res.status, 403, user.login);
      assert.doesNotMatch(await res.text(), /name="preset"/);
    }
    assert.deepEqual(await f.scale(), before);
    const page = await html(f.page(f.viewer));
    assert.doesNotMatch(page, /<form method="post" action="\/staff\/settings/, 'no form for a viewer');
    assert.match(page, /評価区分を変更できるのは、企画担当と管理者です。/);
    assert.ok(!(await menuOf(f.viewer.cookie)).includes(`href="${URL}"`), 'not on a viewer’s menu');
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await f.app.request(URL, {
      method: 'POST',
      headers: { cookie: f.planning.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'preset=s_to_c',
    });
    assert.equal(res.status, 403);
    assert.notEqual((await f.scale()).preset, 's_to_c');
  });
});
