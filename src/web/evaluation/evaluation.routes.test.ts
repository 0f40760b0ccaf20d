import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { evaluateDepartmentYear, type TargetEvaluation } from '../../domain/evaluation/index.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';
import { createApp } from '../app.tsx';

const YEAR = 2023;
const DEPARTMENT = '総務部';

describe('staff evaluation page (demo city)', () => {
  let db: TestDb;
  let app: ReturnType<typeof createApp>;
  let departmentId: number;
  let editor: TestUser;
  let otherEditor: TestUser;
  let pageUrl: string;

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    const m = await db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow();
    const d = await db.kysely
      .selectFrom('department')
      .selectAll()
      .where('name', '=', DEPARTMENT)
      .executeTakeFirstOrThrow();
    const other = await db.kysely
      .selectFrom('department')
      .selectAll()
      .where('parent_id', 'is', null)
      .where('id', '<>', d.id)
      .executeTakeFirstOrThrow();
    departmentId = d.id;
    editor = await makeUser(db.kysely, m.id, 'editor', d.id);
    otherEditor = await makeUser(db.kysely, m.id, 'editor', other.id);
    app = createApp(db.kysely);
    pageUrl = `/staff/evaluation/${departmentId}/${YEAR}`;
  });
  after(() => db.destroy());

  const targets = async (): Promise<Array<TargetEvaluation & { actuals: number[] }>> => {
    const e = await evaluateDepartmentYear(db.kysely, departmentId, YEAR);
    return e.goals.flatMap((g) =>
      g.items.flatMap((i) =>
        i.targets.map((t) => ({ ...t, actuals: (i.reviewItem?.actuals ?? []).map((a) => a.id) })),
      ),
    );
  };
  const page = async (user: TestUser) => app.request(pageUrl, { headers: { cookie: user.cookie } });
  const post = async (user: TestUser, url: string, fields: Record<string, string>) => {
    const csrf = csrfFrom(await (await page(user)).text());
    return app.request(url, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  };

  it('sends anonymous visitors to the login form and refuses other departments', async () => {
    const anonymous = await app.request(pageUrl);
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/);
    assert.equal((await page(otherEditor)).status, 403);
  });

  it('lists every target with its actual, status in words and a form with the CSRF token', async () => {
    const res = await page(editor);
    assert.equal(res.status, 200);
    const html = await res.text();
    const all = await targets();
    assert.ok(all.length > 0);
    for (const t of all)
      assert.ok(html.includes(`id="target-${t.target.id}"`), `row of target ${t.target.id}`);
    assert.match(html, /name="_csrf" value="[^"]+"/);
    assert.ok(html.includes('自動提案（未確定）'));
    assert.match(html, /class="eval-status eval-status--achieved">達成</);
    assert.ok(html.includes('name="grade"'), 'a qualitative item has a self-assessment form');
  });

  it('confirms the suggested pair, then shows it as confirmed (Post/Redirect/Get)', async () => {
    const t = (await targets()).find((x) => x.actual !== null) ?? assert.fail('no paired target');
    const url = `${pageUrl}/matches/${t.target.id}`;
    const res = await post(editor, url, { action: 'confirm', expectedActualId: String(t.actual?.id) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${pageUrl}?saved=confirm#target-${t.target.id}`);
    const after = (await targets()).find((x) => x.target.id === t.target.id);
    assert.equal(after?.match.status, 'confirmed');
    assert.equal(after?.actual?.id, t.actual?.id);
    const html = await (
      await app.request(`${pageUrl}?saved=confirm`, { headers: { cookie: editor.cookie } })
    ).text();
    assert.ok(html.includes('対応を確定しました。'));
  });

  it('corrects a pair to another actual of the item, and to 未報告', async () => {
    const t =
      (await targets()).find((x) => x.actuals.some((a) => a !== x.actual?.id)) ?? assert.fail('no choice');
    const other = t.actuals.find((a) => a !== t.actual?.id) ?? assert.fail('no other actual');
    const url = `${pageUrl}/matches/${t.target.id}`;
    assert.equal((await post(editor, url, { action: 'set', actualId: String(other) })).status, 303);
    let now = (await targets()).find((x) => x.target.id === t.target.id);
    assert.equal(now?.match.status, 'manual');
    assert.equal(now?.actual?.id, other);
    assert.equal((await post(editor, url, { action: 'set', actualId: 'none' })).status, 303);
    now = (await targets()).find((x) => x.target.id === t.target.id);
    assert.equal(now?.actual, null);
    assert.equal(now?.status, 'unreported');
  });

  it('rejects a pair; a stale confirm comes back as a conflict on the page', async () => {
    const t = (await targets()).find((x) => x.actual !== null && !x.match.stored) ?? assert.fail('no target');
    const url = `${pageUrl}/matches/${t.target.id}`;
    const stale = await post(editor, url, { action: 'confirm', expectedActualId: '999999' });
    assert.equal(stale.headers.get('location'), `${pageUrl}?failed=conflict#target-${t.target.id}`);
    assert.equal(
      (await post(editor, url, { action: 'reject', expectedActualId: String(t.actual?.id) })).status,
      303,
    );
    const now = (await targets()).find((x) => x.target.id === t.target.id);
    assert.equal(now?.match.status, 'rejected');
    assert.equal(now?.status, 'unreported');
  });

  it('refuses a post without the CSRF token and one from another department', async () => {
    const t = (await targets())[0] ?? assert.fail('no target');
    const url = `${pageUrl}/matches/${t.target.id}`;
    const noToken = await app.request(url, {
      method: 'POST',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=confirm',
    });
    assert.equal(noToken.status, 403);
    const csrf = csrfFrom(
      await (await app.request('/staff', { headers: { cookie: otherEditor.cookie } })).text(),
    );
    const foreign = await app.request(url, {
      method: 'POST',
      headers: { cookie: otherEditor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, action: 'confirm' }).toString(),
    });
    assert.equal(foreign.status, 403);
  });

  it('stores a self-assessment of a qualitative item from the scale', async () => {
    const e = await evaluateDepartmentYear(db.kysely, departmentId, YEAR);
    const item = e.goals.flatMap((g) => g.items).find((i) => i.kind === 'qualitative') ?? assert.fail('none');
    const url = `${pageUrl}/items/${item.id}/assessment`;
    const bad = await post(editor, url, { grade: 'S+', comment: '' });
    assert.equal(bad.headers.get('location'), `${pageUrl}?failed=invalid#item-${item.id}`);
    const res = await post(editor, url, { grade: '概ね達成', comment: '<b>順調</b>' });
    assert.equal(res.headers.get('location'), `${pageUrl}?saved=assessment#item-${item.id}`);
    const html = await (await page(editor)).text();
    assert.ok(html.includes('現在の自己評価: 概ね達成'));
    assert.ok(html.includes('&lt;b&gt;順調&lt;/b&gt;'), 'the comment is escaped');
  });
});
