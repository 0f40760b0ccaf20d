import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../domain/auth/actor.ts';
import { transition } from '../../domain/workflow/transition.service.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { fillPhase } from '../../test-support/phase-fill.ts';
import { makeUser, type TestUser } from '../../test-support/users.ts';

/** A year far from the demo's own, opened for these tests: its 目標設定 of 総務部 is submitted. */
const YEAR = 2031;
const users = {} as Record<Role, TestUser>;

const demo = useDemoApp(async ({ db }) => {
  const m = await demoMunicipalityId(db.kysely);
  const soumu = await demoDepartmentId(db.kysely, '総務部');
  for (const role of ['admin', 'planning', 'viewer'] as const)
    users[role] = await makeUser(db.kysely, m, role);
  users.editor = await makeUser(db.kysely, m, 'editor', soumu);
  users.approver = await makeUser(db.kysely, m, 'approver', soumu);
  await openFiscalYear(db.kysely, users.planning.actor, { year: YEAR });
  await fillPhase(db.kysely, users.editor.actor, { departmentId: soumu, year: YEAR, phase: 'goal_setting' });
  const row = await db.kysely
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('department_id', '=', soumu)
    .where('fiscal_year.year', '=', YEAR)
    .where('phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  await transition(db.kysely, users.editor.actor, {
    departmentId: soumu,
    year: YEAR,
    phase: 'goal_setting',
    action: 'submit',
    version: row.version,
  });
});

const get = (user: TestUser, path: string) => demo.app.request(path, { headers: { cookie: user.cookie } });

/** The menu's links: the two lists under 日々の手続き and 設定と管理. */
function menuLinks(html: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const list of html.matchAll(/<ul class="staff-links">([\s\S]*?)<\/ul>/g)) {
    for (const a of (list[1] ?? '').matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g))
      links.set(a[2] ?? '', a[1] ?? '');
  }
  return links;
}

const expected: Record<Role, { present: string[]; absent: string[] }> = {
  admin: {
    present: ['一覧表の取り込み', '実績の確認', '変更履歴（全庁）', '承認経路の設定', '組織改編の記録'],
    absent: ['目標の編集'],
  },
  planning: {
    present: ['一覧表の取り込み', '実績の確認', '承認経路の設定', '評価区分の設定', '検索の表記ゆれ'],
    absent: ['変更履歴（全庁）', '目標の編集'],
  },
  editor: {
    present: ['目標の編集', '一覧表の取り込み', '実績の確認', '年度の手続き', '受信箱'],
    absent: ['変更履歴（全庁）', '承認経路の設定', '評価区分の設定', '組織改編の記録'],
  },
  approver: {
    present: ['年度の手続き', '受信箱'],
    absent: ['変更履歴（全庁）', '一覧表の取り込み', '目標の編集', '実績の確認', '承認経路の設定'],
  },
  viewer: {
    present: ['年度の手続き', '受信箱'],
    absent: ['変更履歴（全庁）', '一覧表の取り込み', '目標の編集', '実績の確認', '評価区分の設定'],
  },
};

for (const role of Object.keys(expected) as Role[]) {
  test(`${role}: every menu link opens (no 403), and the role's own pages are on the menu`, async () => {
    const home = await get(users[role], '/staff');
    assert.equal(home.status, 200);
    const links = menuLinks(await home.text());
    assert.ok(links.size >= 2, `${role} has a menu`);
    for (const label of expected[role].present) assert.ok(links.has(label), `${role} sees ${label}`);
    for (const label of expected[role].absent) assert.ok(!links.has(label), `${role} does not see ${label}`);
    for (const [label, href] of links) {
      const res = await get(users[role], href);
      assert.ok(res.status === 200 || res.status === 302, `${role} ${label} ${href} answers ${res.status}`);
      if (res.status === 302) {
        const next = await get(users[role], res.headers.get('location') ?? '');
        assert.equal(next.status, 200, `${role} ${label} → ${res.headers.get('location')}`);
      }
    }
  });
}

test('the approver sees the waiting submission first, linked to its review page; others do not', async () => {
  const soumu = await demoDepartmentId(demo.db.kysely, '総務部');
  const html = await (await get(users.approver, '/staff')).text();
  const review = `/staff/review/${soumu}/${YEAR}/goal_setting`;
  assert.match(html, /あなたの対応待ち（1件）/);
  assert.ok(
    html.includes(`<a href="${review}">総務部 令和13年度（2031年度） 目標設定の内容を確認して承認する</a>`),
  );
  assert.equal((await get(users.approver, review)).status, 200, 'the link opens');
  for (const role of ['admin', 'viewer'] as const) {
    const other = await (await get(users[role], '/staff')).text();
    assert.match(other, /対応待ちの手続きはありません/);
  }
  // The demo's current year is not opened: planning is told where to open it, the others who will.
  const planning = await (await get(users.planning, '/staff')).text();
  assert.match(planning, /の画面で年度を開始してください/);
  assert.match(await (await get(users.viewer, '/staff')).text(), /企画担当が年度を開始すると/);
  const editor = await (await get(users.editor, '/staff')).text();
  assert.ok(!editor.includes(review), 'the editor has nothing to approve');
  assert.match(editor, /中間報告を入力して提出する/);
});

test('every link of the waiting, overdue and progress lists opens for its reader', async () => {
  for (const role of Object.keys(expected) as Role[]) {
    const html = await (await get(users[role], '/staff')).text();
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    const hrefs = new Set(
      [...main.matchAll(/<a href="(\/staff\/(?:edit|review|workflow)\/[^"#]+)/g)].map((m) => m[1] ?? ''),
    );
    assert.ok(hrefs.size > 0, `${role} has links to follow`);
    for (const href of hrefs) assert.equal((await get(users[role], href)).status, 200, `${role} ${href}`);
  }
});

test('every staff page carries the city and the 対応待ち count; public pages do not', async () => {
  for (const path of ['/staff', '/staff/inbox', '/staff/workflow/chain', '/staff/import']) {
    const html = await (await get(users.approver, path)).text();
    assert.match(html, /<span class="site-header__municipality">みなと台市<\/span>/, path);
    assert.match(html, /対応待ち<span class="staff-bar__count">1<\/span>/, path);
  }
  const viewer = await (await get(users.viewer, '/staff/inbox')).text();
  assert.match(viewer, /対応待ち<span class="staff-bar__count">0<\/span>/);
  const publicPage = await (await get(users.approver, '/')).text();
  assert.ok(!publicPage.includes('staff-bar'), 'the public portal has no staff bar');
});

test('signed out, /staff asks for the login first', async () => {
  const res = await demo.app.request('/staff');
  assert.equal(res.status, 302);
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
});
