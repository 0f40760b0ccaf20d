import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Fixture, form, reorganisationFixture, URL } from './reorganisation.test-support.ts';

describe('組織改編 settings page (demo city)', () => {
  let f: Fixture;
  before(async () => {
    f = await reorganisationFixture();
  });
  after(() => f.db.destroy());

  const html = async (res: Response | Promise<Response>) => (await res).text();
  const menuOf = async (cookie: string) => html(f.app.request('/staff', { headers: { cookie } }));
  const box = (side: string, id: number) => `id="reorg-${side}-${id}" name="${side}" value="${id}"`;
  const remove = (id: number | undefined) => `${URL}/${id}/delete`;

  it('sends anonymous visitors to the login form', async () => {
    const res = await f.app.request(URL);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(URL)}`);
  });

  it('shows planning an empty record and the form: kinds, years in 和暦 and 西暦, departments', async () => {
    const res = await f.page(f.planning);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /記録された組織改編はまだありません。/);
    assert.match(page, /<form method="post" action="\/staff\/settings\/reorganisations" class="staff-form"/);
    assert.match(page, /name="_csrf" value="[^"]+"/);
    assert.match(page, /<legend>種別<\/legend>/);
    for (const [kind, label] of [
      ['rename', '名称変更'],
      ['merge', '統合'],
      ['split', '分割'],
    ])
      assert.match(
        page,
        new RegExp(`value="${kind}"[^>]*/><label for="reorg-kind-${kind}">${label}</label>`),
      );
    assert.match(page, /<option value="2025">令和7年度（2025年度）<\/option>/);
    assert.match(page, /<legend>改編前の部局<\/legend>/);
    for (const side of ['from', 'to'])
      for (const [name, id] of [
        ['総務部', f.dept.総務部],
        ['市民協働部', f.dept.市民協働部],
      ] as const)
        assert.ok(page.includes(`${box(side, id)}/><label for="reorg-${side}-${id}">${name}</label>`));
    assert.ok((await menuOf(f.planning.cookie)).includes(`href="${URL}"`), 'on the planning menu');
    assert.ok(!(await menuOf(f.viewer.cookie)).includes(`href="${URL}"`), 'not on a viewer’s menu');
  });

  it('records a rename (Post/Redirect/Get) and lists it with both year forms, names and note', async () => {
    const fields = form('rename', '2025', [f.dept.市民生活部], [f.dept.市民協働部], ' 条例改正による ');
    const res = await f.post(f.planning, fields);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${URL}?saved=1`);
    const [event] = await f.events();
    assert.deepEqual(
      [event?.kind, event?.effectiveYear, event?.from, event?.to, event?.note],
      [
        'rename',
        2025,
        [{ id: f.dept.市民生活部, name: '市民生活部' }],
        [{ id: f.dept.市民協働部, name: '市民協働部' }],
        '条例改正による',
      ],
    );
    const page = await html(f.page(f.planning, '?saved=1'));
    assert.match(page, /role="status"><p>組織改編を記録しました。/);
    assert.ok(page.includes(`<h3 id="reorg-${event?.id}-heading">令和7年度（2025年度）　名称変更</h3>`));
    assert.ok(
      page.includes(
        '<dt>改編前</dt><dd>市民生活部</dd><dt>改編後</dt><dd>市民協働部</dd><dt>備考</dt><dd class="comment">条例改正による</dd>',
      ),
    );
    assert.match(page, new RegExp(`action="${remove(event?.id)}"[^>]*><input type="hidden" name="_csrf"`));
    assert.match(page, /<button type="submit" class="button-secondary"[^>]*>この記録を削除<\/button>/);
  });

  it('records a merge of two departments into one, listed after the rename', async () => {
    const fields = form('merge', '2026', [f.dept.総務部, f.dept.産業観光部], [f.dept.未来創造部]);
    assert.equal((await f.post(f.planning, fields)).status, 303);
    const events = await f.events();
    assert.deepEqual(
      events.map((e) => [
        e.kind,
        e.effectiveYear,
        e.from.map((d) => d.name),
        e.to.map((d) => d.name),
        e.note,
      ]),
      [
        ['rename', 2025, ['市民生活部'], ['市民協働部'], '条例改正による'],
        ['merge', 2026, ['総務部', '産業観光部'], ['未来創造部'], null],
      ],
    );
    const page = await html(f.page(f.planning));
    assert.ok(
      page.includes(
        '令和8年度（2026年度）　統合</h3><dl class="reorg-facts"><dt>改編前</dt><dd>総務部、産業観光部</dd><dt>改編後</dt><dd>未来創造部</dd><dt>記録</dt>',
      ),
    );
  });

  it('refuses an editor and a viewer with 403 on recording and deleting; nothing changes', async () => {
    const before = await f.events();
    assert.equal(before.length, 2);
    for (const user of [f.editor, f.viewer]) {
      const fields = form('rename', '2025', [f.dept.総務部], [f.dept.未来創造部]);
      assert.equal((await f.post(user, fields)).status, 403, `${user.login} records`);
      assert.equal((await f.post(user, [], remove(before[0]?.id))).status, 403, `${user.login} deletes`);
    }
    assert.deepEqual(await f.events(), before);
    const page = await html(f.page(f.viewer));
    assert.match(page, /令和7年度（2025年度）　名称変更/, 'a viewer sees the record');
    assert.doesNotMatch(page, /<form method="post"/, 'but no form and no delete button');
    assert.match(page, /組織改編を記録できるのは、企画担当と管理者です。/);
  });

  it('refuses posts without the CSRF token', async () => {
    const before = await f.events();
    const send = (path: string, body: string) =>
      f.app.request(path, {
        method: 'POST',
        headers: { cookie: f.planning.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const fields = form('split', '2025', [f.dept.健康福祉部], [f.dept.市民協働部, f.dept.未来創造部]);
    assert.equal((await send(URL, new URLSearchParams(fields).toString())).status, 403);
    assert.equal((await send(remove(before[0]?.id), '')).status, 403);
    assert.deepEqual(await f.events(), before);
  });

  it('deletes a record (Post/Redirect/Get); an unknown one is 404', async () => {
    const [rename, merge] = await f.events();
    const res = await f.post(f.planning, [], remove(rename?.id));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${URL}?deleted=1`);
    assert.deepEqual(
      (await f.events()).map((e) => e.id),
      [merge?.id],
    );
    const page = await html(f.page(f.planning, '?deleted=1'));
    assert.match(page, /role="status"><p>組織改編の記録を削除しました。/);
    assert.doesNotMatch(page, /名称変更<\/h3>/);
    assert.equal((await f.post(f.planning, [], remove(rename?.id))).status, 404);
  });
});
