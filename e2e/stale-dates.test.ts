import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { copyPlanToNextYear } from '../src/domain/goals/block-copy.service.ts';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import { importSources } from '../src/importer/import.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../src/test-support/factories.ts';
import { makeUser } from '../src/test-support/users.ts';
import { chromiumSkip, startTestServer, type TestServer } from './browser-harness.ts';
import { axeViolations, signedInPage } from './staff-kit.ts';

/** The editor of a copied plan block with a 令和7年度末 deadline in 令和8年度: the hint, axe at zero. */
let server: TestServer;
let browser: Browser | undefined;
let login = '';
let path = '';

before(async () => {
  server = await startTestServer();
  const plan = {
    fiscalYear: 2025,
    goals: [
      makeGoal(1, [makeItem(1, { text: '窓口のオンライン化', target: '令和7年度末までに 30手続以上' })]),
    ],
  };
  await importSources(
    server.testDb.kysely,
    [sourceOf(makeDocument({ department: '期限部', planYear: 2025, plan }))],
    {
      published: true,
      municipality: { code: 'stale', name: '期限市' },
    },
  );
  const db = server.db.kysely;
  const m = await db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'stale')
    .executeTakeFirstOrThrow();
  const d = await db
    .selectFrom('department')
    .select('id')
    .where('name', '=', '期限部')
    .executeTakeFirstOrThrow();
  const editor = await makeUser(db, m.id, 'editor', d.id);
  await copyPlanToNextYear(db, editor.actor, { departmentId: d.id, year: 2025 });
  login = editor.login;
  path = `/staff/edit/${d.id}/2026/plan`;
});
after(async () => {
  await browser?.close();
  await server.close();
});

for (const width of [1280, 390]) {
  test(`the stale-date hint in the editor at ${width}px (axe zero)`, { skip: chromiumSkip }, async () => {
    browser ??= await launchChromium();
    const page = await signedInPage(browser, server, login, path, width);
    const hint = page.locator('.stale-date-hint');
    assert.match((await hint.textContent()) ?? '', /「令和7年度末」は令和8年度が始まる前の日付です/);
    await page
      .locator('.editor-item')
      .first()
      .screenshot({ path: `/tmp/h8/stale-hint-${width}.png` });
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}
