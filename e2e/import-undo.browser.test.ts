import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { importSources } from '../src/importer/import.service.ts';
import { makeDocument, sourceOf } from '../src/test-support/factories.ts';
import { makeUser, type TestUser } from '../src/test-support/users.ts';
import { chromiumSkip, screenshotPath, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

let server: TestServer;
let browser: Browser | undefined;
let planning: TestUser;

before(async () => {
  server = await startTestServer();
  const m = await server.db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  planning = await makeUser(server.db.kysely, m.id, 'planning');
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`取り込み履歴 and its 取り消す confirmation at ${width}px: axe clean, the undo lands`, {
    skip: chromiumSkip,
  }, async () => {
    const department = `取消確認部${width}`;
    const { importId } = await importSources(
      server.db.kysely,
      [sourceOf(makeDocument({ department, planYear: 2024 }))],
      {
        actor: planning.actor,
      },
    );
    browser ??= await launchChromium();
    const page = await signedInPage(browser, server, planning.login, '/staff/import/history', width);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath(`import-history-${width}.png`), fullPage: false });

    await page.getByRole('link', { name: `取り込み ${importId} を取り消す` }).click();
    await page.waitForURL(`${server.url}/staff/import/history/${importId}`);
    assert.match(await page.locator('main, body').first().innerText(), new RegExp(`${department}`));
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath(`import-undo-confirm-${width}.png`), fullPage: true });

    await page.getByRole('button', { name: '取り消す' }).click();
    await page.waitForURL(`${server.url}/staff/import/history?undone=${importId}`);
    assert.match(
      await page.getByRole('status').innerText(),
      new RegExp(`取り込み ${importId} を取り消しました`),
    );
    assert.deepEqual(await axeViolations(page), []);
    const goals = await server.db.kysely
      .selectFrom('goal')
      .innerJoin('department', 'department.id', 'goal.department_id')
      .select('goal.id')
      .where('department.name', '=', department)
      .execute();
    assert.equal(goals.length, 0, 'the import into an empty department is gone');
    await page.context().close();
  });
}
