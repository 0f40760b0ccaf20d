import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  evaluateDepartmentYear,
  type QuantityView,
  type TargetEvaluation,
} from '../src/domain/evaluation/index.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { makeUser, TEST_PASSWORD } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';

let server: TestServer;
let browser: Browser | undefined;
let departmentId: number;
let login: string;

before(async () => {
  server = await startTestServer();
  const db = server.db.kysely;
  const department = await db
    .selectFrom('department')
    .select(['id', 'municipality_id'])
    .where('name', '=', '総務部')
    .executeTakeFirstOrThrow();
  departmentId = department.id;
  login = (await makeUser(db, department.municipality_id, 'editor', department.id)).login;
});
after(async () => {
  await browser?.close();
  await server.close();
});

test('an editor confirms one match and corrects another in Chromium', { skip: chromiumSkip }, async () => {
  const db = server.db.kysely;
  const before = await evaluateDepartmentYear(db, departmentId, 2023);
  const items = before.goals.flatMap((g) => g.items);
  // A realistic correction: another actual of the item in the target's own unit.
  const sameUnitOther = (t: TargetEvaluation, actuals: QuantityView[]) =>
    actuals.find((a) => a.id !== t.actual?.id && a.unit === t.target.unit);
  const choices = items.flatMap((i) =>
    i.targets.map((t) => ({ t, other: sameUnitOther(t, i.reviewItem?.actuals ?? []) })),
  );
  const choice = choices.find((c) => c.other !== undefined) ?? assert.fail('no target with a choice');
  const corrected = choice.t;
  const other = choice.other ?? assert.fail('no other actual');
  const confirmed =
    items.flatMap((i) => i.targets).find((t) => t.actual && t.target.id !== corrected.target.id) ??
    assert.fail('no paired target');

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const url = `${server.url}/staff/evaluation/${departmentId}/2023`;
  await page.goto(`${server.url}/login?next=${encodeURIComponent(`/staff/evaluation/${departmentId}/2023`)}`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(url);

  const first = page.locator(`#target-${confirmed.target.id}`);
  await first.getByRole('button', { name: '確定', exact: true }).click();
  await page.waitForURL(/\?saved=confirm/);
  assert.equal(new URL(page.url()).hash, `#target-${confirmed.target.id}`);
  assert.equal(await page.getByRole('status').textContent(), '対応を確定しました。');
  assert.equal(await first.locator('.eval-match').textContent(), '確定済み');

  const row = page.locator(`#target-${corrected.target.id}`);
  await row.getByLabel('実績を選ぶ').selectOption(String(other.id));
  await row.getByRole('button', { name: '選んだ実績で保存' }).click();
  await page.waitForURL(/\?saved=set/);
  assert.equal(await row.locator('.eval-match').textContent(), '担当者が指定');

  const after = await evaluateDepartmentYear(db, departmentId, 2023);
  const targets = after.goals.flatMap((g) => g.items.flatMap((i) => i.targets));
  const one = targets.find((t) => t.target.id === confirmed.target.id);
  const two = targets.find((t) => t.target.id === corrected.target.id);
  assert.equal(one?.match.status, 'confirmed');
  assert.equal(two?.match.status, 'manual');
  assert.equal(two?.actual?.id, other.id);
  await page.screenshot({ path: screenshotPath('evaluation-staff.png'), fullPage: false });
});
