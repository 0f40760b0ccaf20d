import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useSettingsApp } from './settings.test-support.ts';

const URL = '/staff/settings/accounts';

describe('アカウントの管理 (routes)', () => {
  const { demo, users, get, post, audit } = useSettingsApp();
  const account = (login: string) =>
    demo.db.kysely.selectFrom('app_user').selectAll().where('login', '=', login).executeTakeFirst();

  it('sends anonymous visitors to sign in and refuses everyone but the admin (403), reads and writes', async () => {
    const anonymous = await get(undefined, URL);
    assert.equal(anonymous.status, 302);
    for (const who of ['planning', 'editor', 'viewer'] as const) {
      const res = await get(users[who].cookie, URL);
      assert.equal(res.status, 403, who);
      assert.match(await res.text(), /管理者/);
      const write = await post(users[who], URL, {
        login: `x-${who}`,
        displayName: 'x',
        role: 'viewer',
        department: '',
      });
      assert.equal(write.status, 403, who);
      assert.equal(await account(`x-${who}`), undefined);
    }
    const menu = await (await get(users.admin.cookie, '/staff')).text();
    assert.ok(menu.includes(`href="${URL}"`) && menu.includes('href="/staff/settings/municipality"'));
    assert.ok(!(await (await get(users.planning.cookie, '/staff')).text()).includes(`href="${URL}"`));
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await post(
      users.admin,
      URL,
      { login: 'nocsrf', displayName: 'x', role: 'viewer', department: '' },
      'forged',
    );
    assert.equal(res.status, 403);
    assert.equal(await account('nocsrf'), undefined);
  });

  it('names wrong fields (400) and keeps what was typed', async () => {
    const res = await post(users.admin, URL, {
      login: 'ひらがな',
      displayName: '山田 花子',
      role: 'editor',
      department: '',
    });
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /<a href="#account-login">ログインIDは半角の英小文字/);
    assert.match(page, /<a href="#account-department">この役割では、担当する部局を選んでください。/);
    assert.match(page, /id="account-login" name="login" value="ひらがな"/);
    assert.match(page, /value="山田 花子"/);
    assert.match(page, /id="account-login"[^>]*aria-invalid="true"/);
    const taken = await post(users.admin, URL, {
      login: users.viewer.login,
      displayName: 'x',
      role: 'viewer',
      department: '',
    });
    assert.equal(taken.status, 400);
    assert.match(await taken.text(), /このログインIDはすでに使われています/);
  });

  it('creates an account, shows its temporary password once, and that sign-in must change it first', async () => {
    const soumu = await demo.db.kysely
      .selectFrom('department')
      .select('id')
      .where('name', '=', '総務部')
      .executeTakeFirstOrThrow();
    const res = await post(users.admin, URL, {
      login: 'hanako',
      displayName: '総務 花子',
      role: 'editor',
      department: String(soumu.id),
    });
    assert.equal(res.status, 200);
    const temporary = /id="temporary-password">([^<]+)</.exec(await res.text())?.[1];
    assert.ok(temporary);
    assert.equal((await account('hanako'))?.must_change_password, 1);
    const signIn = await demo.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'mokuhyo_csrf=t' },
      body: new URLSearchParams({ _csrf: 't', login: 'hanako', password: temporary }).toString(),
    });
    assert.equal(signIn.status, 303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const home = await get(cookie, '/staff');
    assert.equal(home.status, 303);
    assert.equal(home.headers.get('location'), '/staff/settings/password');
    const forced = await get(cookie, '/staff/settings/password');
    const page = await forced.text();
    assert.match(page, /変更するまで、ほかの画面は使えません/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const change = (fields: Record<string, string>) =>
      demo.app.request('/staff/settings/password', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const mismatch = await change({ current: temporary, next: 'hanako-own-password', confirm: 'different' });
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /<a href="#password-confirm">確認のために/);
    const done = await change({
      current: temporary,
      next: 'hanako-own-password',
      confirm: 'hanako-own-password',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/staff');
    assert.equal((await get(cookie, '/staff')).status, 200);
    const trail = await audit();
    assert.ok(trail.includes('user.create') && trail.includes('user.password_change'));
  });

  it('refuses to let the last active admin disable or demote themself, in Japanese at the field', async () => {
    const id = users.admin.actor.userId;
    const res = await post(users.admin, `${URL}/${id}/disable`, {});
    assert.equal(res.status, 400);
    assert.match(
      await res.text(),
      /有効な管理者はこのアカウントだけのため.*先に別のアカウントに管理者の役割を付けてから/,
    );
    const demote = await post(users.admin, `${URL}/${id}/revoke`, { role: 'admin', department: '' });
    assert.equal(demote.status, 400);
    assert.equal((await account(users.admin.login))?.disabled, 0);
  });

  it('grants and revokes roles, resets a password and disables an account', async () => {
    const id = users.viewer.actor.userId;
    assert.equal(
      (await post(users.admin, `${URL}/${id}/grant`, { role: 'planning', department: '' })).status,
      303,
    );
    const bad = await post(users.admin, `${URL}/${id}/grant`, { role: 'approver', department: '' });
    assert.equal(bad.status, 400);
    const reset = await post(users.admin, `${URL}/${id}/password-reset`, { password: '' });
    assert.match(await reset.text(), /仮パスワードを発行しました/);
    assert.equal((await get(users.viewer.cookie, '/staff')).status, 302, 'the old session ended');
    assert.equal((await post(users.admin, `${URL}/${id}/disable`, {})).status, 303);
    const page = await (await get(users.admin.cookie, `${URL}/${id}?done=disabled`)).text();
    assert.match(page, /アカウントを無効にしました/);
    const trail = await audit();
    for (const a of ['user.grant', 'user.password_reset', 'user.disable']) assert.ok(trail.includes(a), a);
  });
});
