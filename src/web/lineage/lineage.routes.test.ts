import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setPhasesWhere } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';
import { presentLineage } from './lineage.presenter.ts';

describe('public lineage page (demo city)', () => {
  let db: TestDb;
  let code: string;
  const get = (url: string) => createApp(db.kysely).request(url);

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    code = (await db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow()).code;
  });
  after(() => db.destroy());

  it('follows a renamed goal with marks and a word diff labelled for screen readers', async () => {
    const res = await get(`/m/${code}/d/1/lineage`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('<h2>自治体DXの推進による市民サービスの向上と業務の効率化</h2>'));
    assert.match(html, /<ins><span class="visually-hidden">［追加］<\/span>[^<]+/);
    assert.match(html, /<del><span class="visually-hidden">［削除］<\/span>[^<]+/);
    for (const mark of ['継続', '新規']) assert.ok(html.includes(`">${mark}</span>`), mark);
    assert.ok(html.includes('前年度から文言の変更なし'));
    assert.ok(html.includes(`href="/m/${code}/d/1/2023"`), 'links each year to its table');
  });

  it('does not collide with the table or dashboard routes', async () => {
    assert.equal((await get(`/m/${code}/d/1/2023`)).status, 200);
    assert.ok((await (await get(`/m/${code}/d/1/2023`)).text()).includes('重点目標一覧表'));
    assert.equal((await get(`/m/${code}/d/1/dashboard/2023`)).status, 200);
    assert.equal((await get(`/m/${code}/d/999/lineage`)).status, 404);
    assert.equal((await get(`/m/${code}/d/3/lineage`)).status, 404, 'a sub-unit has no page of its own');
  });

  it('leaves out goals of blocks that are not published', async () => {
    const full = await presentLineage(db.kysely, code, 1);
    const latest = Math.max(...full.years);
    assert.ok(full.threads.some((t) => t.steps.some((s) => s.year === latest)));
    await setPhasesWhere(db.kysely, { departmentId: 1, year: latest }, 'draft');
    const hidden = await presentLineage(db.kysely, code, 1);
    assert.ok(!hidden.threads.some((t) => t.steps.some((s) => s.year === latest)), `${latest} is hidden`);
    assert.ok(
      !hidden.threads.some((t) => t.steps.some((s) => s.year === latest - 1 && s.marks.includes('ended'))),
    );
  });
});
