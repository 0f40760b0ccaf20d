import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useSettingsApp } from './settings.test-support.ts';

const ORG = '/staff/settings/organisation';
const CITY = '/staff/settings/municipality';

describe('部局と課・センター, 自治体の設定 (routes)', () => {
  const { demo, users, get, post, audit } = useSettingsApp();
  const unit = (name: string) =>
    demo.db.kysely.selectFrom('department').selectAll().where('name', '=', name).executeTakeFirst();

  it('lets planning add a department and a sub-unit, rename and order them, and links to 組織改編', async () => {
    const page = await (await get(users.planning.cookie, ORG)).text();
    assert.ok(page.includes('href="/staff/settings/reorganisations"'));
    assert.equal(
      (await post(users.planning, ORG, { name: '未来創造部', parent: '', displayOrder: '１' })).status,
      303,
    );
    const dept = await unit('未来創造部');
    assert.equal(dept?.display_order, 1);
    const res = await post(users.planning, ORG, {
      name: '企画課',
      parent: String(dept?.id),
      displayOrder: '',
    });
    assert.equal(res.status, 303);
    assert.equal((await unit('企画課'))?.parent_id, dept?.id);
    const list = await (await get(users.planning.cookie, `${ORG}?done=added`)).text();
    assert.match(list, /未来創造部<\/a><\/td><td><ul class="unit-list"><li><a href="[^"]+">企画課</);
    assert.equal(
      (await post(users.planning, `${ORG}/${dept?.id}`, { name: '未来部', displayOrder: '' })).status,
      303,
    );
    assert.equal((await unit('未来部'))?.display_order, null);
    const trail = await audit();
    for (const a of ['department.create', 'department.rename', 'department.reorder'])
      assert.ok(trail.includes(a), a);
  });

  it('names wrong fields (400), keeps the input, and refuses a retirement while data refers to it', async () => {
    const res = await post(users.planning, ORG, { name: '  ', parent: '', displayOrder: 'abc' });
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /<a href="#org-name">名称を入力してください。/);
    assert.match(page, /<a href="#org-order">表示順は0から9999までの数字/);
    assert.match(page, /id="org-order" name="displayOrder" value="abc"/);
    const taken = await post(users.planning, ORG, { name: '総務部', parent: '', displayOrder: '' });
    assert.equal(taken.status, 400);
    assert.match(await taken.text(), /「総務部」は部局にすでにあります/);
    const soumu = await unit('総務部');
    const retire = await post(users.admin, `${ORG}/${soumu?.id}/retire`, {});
    assert.equal(retire.status, 400);
    assert.match(await retire.text(), /重点目標（\d+件）.*廃止できません。.*組織改編の記録/);
    const child = await unit('企画課');
    assert.equal((await post(users.admin, `${ORG}/${child?.id}/retire`, {})).status, 303);
    assert.equal(await unit('企画課'), undefined);
  });

  it('refuses editors and viewers (403) and forms without CSRF', async () => {
    for (const who of ['editor', 'viewer'] as const) {
      assert.equal(
        (await post(users[who], ORG, { name: '勝手部', parent: '', displayOrder: '' })).status,
        403,
      );
      assert.equal((await get(users[who].cookie, `${ORG}/1`)).status, 403);
    }
    assert.equal(
      (await post(users.planning, ORG, { name: '勝手部', parent: '', displayOrder: '' }, 'x')).status,
      403,
    );
    assert.equal(await unit('勝手部'), undefined);
  });

  it('lets the admin set the name and 全国地方公共団体コード, checking the check digit', async () => {
    assert.equal((await get(users.planning.cookie, CITY)).status, 403);
    assert.equal((await post(users.planning, CITY, { name: 'x', localGovCode: '' })).status, 403);
    const bad = await post(users.admin, CITY, { name: 'みなと台市', localGovCode: '131017' });
    assert.equal(bad.status, 400);
    const page = await bad.text();
    assert.match(page, /<a href="#municipality-code">検査数字（6桁目）が合いません/);
    assert.match(page, /value="131017"/);
    assert.equal(
      (await post(users.admin, CITY, { name: 'みなと台市', localGovCode: '１３１０１６' })).status,
      303,
    );
    const city = await demo.db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow();
    assert.equal(city.local_gov_code, '131016');
    assert.ok((await audit()).includes('municipality.update'));
  });
});
