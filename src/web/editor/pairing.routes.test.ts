import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyPlanToNextYear, startYearEndReport } from '../../domain/goals/block-copy.service.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../../test-support/demo-app.ts';
import { csrfFrom, makeUser, type TestUser } from '../../test-support/users.ts';

let editor: TestUser;
let viewer: TestUser;
let dept: number;
const demo = useDemoApp(async ({ db }) => {
  const municipalityId = await demoMunicipalityId(db.kysely);
  dept = await demoDepartmentId(db.kysely, '市民生活部');
  editor = await makeUser(db.kysely, municipalityId, 'editor', dept);
  viewer = await makeUser(db.kysely, municipalityId, 'viewer');
  await startYearEndReport(db.kysely, editor.actor, { departmentId: dept, year: 2025 });
  await copyPlanToNextYear(db.kysely, editor.actor, { departmentId: dept, year: 2025 });
});

const get = (user: TestUser, path: string) => demo.app.request(path, { headers: { cookie: user.cookie } });
async function post(user: TestUser, path: string, body: Record<string, string>, csrf?: string) {
  const token = csrf ?? csrfFrom(await (await get(user, `/staff/edit/${dept}/2026/plan`)).text());
  return demo.app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, ...body }).toString(),
  });
}
const plans = () =>
  demo.db.kysely
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.version', 'goal.title'])
    .where('goal.department_id', '=', dept)
    .where('fy.year', '=', 2026)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.position')
    .execute();
const pairAudits = async () =>
  (await demo.db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'lineage.pair').execute())
    .length;

describe('editor: moving goals and the 「前年度との対応」 form', () => {
  it('moving a goal whose rows are paired by lineage says nothing about re-pairing', async () => {
    const [, second] = await plans();
    assert.ok(second);
    const res = await post(editor, `/staff/edit/${dept}/2026/plan/goals/${second.id}/move`, {
      version: String(second.version),
      direction: 'up',
    });
    assert.equal(res.status, 303);
    assert.doesNotMatch(res.headers.get('location') ?? '', /pairing=position/);
  });

  it('the pairing form shows each plan goal with the goal it continues', async () => {
    const page = await get(editor, `/staff/edit/${dept}/2026/plan`);
    assert.match(await page.text(), new RegExp(`href="/staff/edit/${dept}/2026/plan/pairing"`));
    const res = await get(editor, `/staff/edit/${dept}/2026/plan/pairing`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(html.match(/<select/g)?.length, 5);
    assert.equal(html.match(/<option[^>]*selected[^>]*>重点目標/g)?.length, 5, 'every goal shows its source');
  });

  it('refuses a viewer and a post without the CSRF token, changing nothing', async () => {
    const [first] = await plans();
    assert.ok(first);
    const before = await pairAudits();
    const asViewer = await post(
      viewer,
      `/staff/edit/${dept}/2026/plan/pairing`,
      { planGoal: String(first.id), reviewGoal: '' },
      'x',
    );
    assert.equal(asViewer.status, 403);
    const noToken = await post(
      editor,
      `/staff/edit/${dept}/2026/plan/pairing`,
      { planGoal: String(first.id), reviewGoal: '' },
      'wrong',
    );
    assert.equal(noToken.status, 403);
    assert.equal(await pairAudits(), before);
  });

  it('an editor unsets a pairing (audited); a later move warns that the rows re-pair', async () => {
    const [first, second] = await plans();
    assert.ok(first && second);
    const res = await post(editor, `/staff/edit/${dept}/2026/plan/pairing`, {
      planGoal: String(first.id),
      reviewGoal: '',
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/pairing\?saved=1$/);
    assert.equal(await pairAudits(), 1);
    const saved = await (await get(editor, res.headers.get('location') ?? '')).text();
    assert.match(saved, /前年度の重点目標との対応を保存しました。/);
    const moved = await post(editor, `/staff/edit/${dept}/2026/plan/goals/${second.id}/move`, {
      version: String(second.version),
      direction: 'up',
    });
    const location = moved.headers.get('location') ?? '';
    assert.match(location, /pairing=position/);
    const html = await (await get(editor, location)).text();
    assert.match(html, /この並べ替えで、左右に並ぶ重点目標の組み合わせが変わりました。/);
  });
});
