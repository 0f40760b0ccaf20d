import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { appendAudit } from '../src/domain/audit/audit.repo.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { demoMunicipalityId } from '../src/test-support/demo-app.ts';
import { setDisplayName } from '../src/test-support/seed.ts';
import { makeUser, type TestUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/**
 * Issue 11, item 4 in Chromium: the audit log reads as Japanese (actions, display names, before/after
 * in words, long texts folded) and a refusal is a Japanese sentence saying whom to ask.
 */
let server: TestServer;
let browser: Browser | undefined;
let admin: TestUser;
let viewer: TestUser;

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const m = await demoMunicipalityId(db);
  admin = await makeUser(db, m, 'admin');
  viewer = await makeUser(db, m, 'viewer');
  await setDisplayName(db, admin.actor.userId, '港 花子');
  const goal = await db
    .selectFrom('goal')
    .select(['id', 'no', 'title', 'department_id'])
    .where('block', '=', 'plan')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const where = { departmentId: goal.department_id, goalId: goal.id };
  await appendAudit(db, admin.actor, {
    action: 'goal.update',
    entityType: 'goal',
    entityId: goal.id,
    ...where,
    summary: `goal ${goal.no} of 2026 plan retitled`,
    before: { id: goal.id, no: goal.no, position: 1, title: goal.title, version: 1 },
    after: { id: goal.id, no: goal.no, position: 1, title: `${goal.title}（改訂）`, version: 2 },
  });
  await appendAudit(db, admin.actor, {
    action: 'item.update',
    entityType: 'item',
    entityId: 1,
    ...where,
    summary: `item 1 of goal ${goal.id} (2026 plan) edited`,
    before: {
      no: 1,
      text: '窓口の待ち時間を短くする',
      quantities: [{ value: 30, unit: '分', comparator: '<=' }],
    },
    after: {
      no: 1,
      text: `窓口の待ち時間を短くするため、${'予約制の導入と案内表示の改善、職員配置の見直しを進め、'.repeat(4)}市民の満足度を高める`,
      quantities: [{ value: 20, unit: '分', comparator: '<=' }],
    },
  });
  await appendAudit(db, admin.actor, {
    action: 'workflow.publish',
    entityType: 'phase_status',
    departmentId: goal.department_id,
    summary: 'goal_setting 2026: publish accepted → published',
    before: { status: 'accepted', version: 3 },
    after: { status: 'published', version: 4 },
  });
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`the audit log in words at ${width}px: names, actions, before/after, no JSON`, {
    skip: chromiumSkip,
  }, async () => {
    browser ??= await launchChromium();
    const page = await signedInPage(browser, server, admin.login, '/staff/audit', width);
    const list = page.locator('.audit-list');
    const text = (await list.textContent()) ?? '';
    for (const words of [
      '港 花子',
      '目標の変更',
      '取組の変更',
      '公表',
      '一覧表の取り込み',
      '公表済み',
      '20分以下',
    ]) {
      assert.ok(text.includes(words), `shows ${words}`);
    }
    assert.doesNotMatch(text, /[{}]|workflow\.|goal\.update|imported/);
    const actors = await page.locator('.audit-actor').allTextContents();
    assert.ok(!actors.includes(admin.login), 'display names, not login ids');
    const more = page.getByText(/全文を表示/).first();
    assert.equal(await page.getByText('市民の満足度を高める', { exact: false }).first().isVisible(), false);
    await more.click();
    assert.equal(await page.getByText('市民の満足度を高める', { exact: false }).first().isVisible(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath(`audit-log-${width}.png`), fullPage: false });
    await page.context().close();
  });
}

test('a refusal in Chromium: Japanese, says whom to ask, no English', { skip: chromiumSkip }, async () => {
  browser ??= await launchChromium();
  const page = await signedInPage(browser, server, viewer.login, '/staff', 1280);
  const response = await page.goto(`${server.url}/staff/audit`);
  assert.equal(response?.status(), 403);
  const body = (await page.locator('main, body').first().textContent()) ?? '';
  assert.match(
    body,
    /全庁の変更履歴の閲覧は、あなたの権限（閲覧者）ではできません。必要なときは、管理者に依頼してください。/,
  );
  assert.doesNotMatch(body, /may not|audit\.readAll|FORBIDDEN/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('refusal-403.png') });
  await page.context().close();
});
