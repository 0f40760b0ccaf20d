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
    assert.match(page, /<h2 id="grade-current-heading">現在の評価区分: 達成度（3段階）<\/h2>/);
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
    assert.match(page, /公開検索の「評価」による絞り込み/);
    assert.match(page, /<button type="submit" class="button-primary">保存<\/button>/);
    assert.ok((await menuOf(f.planning.cookie)).includes(`href="${URL}"`), 'on the staff menu');
  });

  it('saves preset abc (Post/Redirect/Get); the search grade filter then offers A/B/C', async () => {
    assert.deepEqual(await gradeOptions(), ['達成', '概ね達成', '未達成']);
    const res = await f.post(f.planning, { preset: 'abc' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${URL}?saved=1`);
    assert.equal((await f.scale()).preset, 'abc');
    const page = await html(f.page(f.planning, '?saved=1'));
    assert.match(page, /role="status"><p>評価区分を保存しました。/);
    assert.match(page, /現在の評価区分: A・B・C（3段階）/);
    assert.deepEqual(await gradeOptions(), ['A', 'B', 'C']);
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
    assert.deepEqual(await gradeOptions(), ['◎', '○', '△', '×']);
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
