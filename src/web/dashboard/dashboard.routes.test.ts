import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { averageOf, averageText, evaluateDepartmentYear } from '../../domain/evaluation/index.ts';
import { setPhasesWhere } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { createApp } from '../app.tsx';

const YEAR = 2023;

describe('evaluation dashboards (demo city)', () => {
  let db: TestDb;
  let code: string;
  let departments: Array<{ id: number; name: string }>;
  const get = (url: string) => createApp(db.kysely).request(url);

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    const m = await db.kysely.selectFrom('municipality').selectAll().executeTakeFirstOrThrow();
    code = m.code;
    departments = await db.kysely
      .selectFrom('department')
      .select(['id', 'name'])
      .where('municipality_id', '=', m.id)
      .where('parent_id', 'is', null)
      .execute();
  });
  after(() => db.destroy());

  it('city dashboard lists every department, links to it, and has an accessible SVG chart', async () => {
    const res = await get(`/m/${code}/dashboard/${YEAR}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(departments.length >= 4);
    for (const d of departments) {
      assert.ok(html.includes(`>${d.name}</a>`), d.name);
      assert.ok(html.includes(`href="/m/${code}/d/${d.id}/dashboard/${YEAR}"`), `link to ${d.name}`);
    }
    assert.match(html, /<svg role="img" aria-label="[^"]*評価の内訳[^"]*"/);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.ok(svg.length > 0 && !svg.includes(' style="'), 'no inline style in the SVG');
    assert.ok(html.includes('<th scope="col">未報告</th>'));
    // The headline average is the domain's, over every published department's reported targets.
    const evaluations = await Promise.all(
      departments.map((d) => evaluateDepartmentYear(db.kysely, d.id, YEAR)),
    );
    const scale = evaluations[0]?.scale ?? assert.fail('no evaluation');
    const average = averageOf(
      scale,
      evaluations.flatMap((e) => e.goals),
    );
    assert.ok(average.reported > 0);
    assert.ok(html.includes(averageText(average)), averageText(average));
  });

  it('department dashboard shows every numeric target of the plan block', async () => {
    const department = departments[1] ?? assert.fail('no department');
    const evaluation = await evaluateDepartmentYear(db.kysely, department.id, YEAR);
    const ids = evaluation.goals.flatMap((g) => g.items.flatMap((i) => i.targets.map((t) => t.target.id)));
    const stored = await db.kysely
      .selectFrom('quantity as q')
      .innerJoin('item as i', 'i.id', 'q.item_id')
      .innerJoin('goal as g', 'g.id', 'i.goal_id')
      .innerJoin('fiscal_year as fy', 'fy.id', 'g.fiscal_year_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('g.department_id', '=', department.id)
      .where('g.block', '=', 'plan')
      .where('fy.year', '=', YEAR)
      .executeTakeFirstOrThrow();
    assert.ok(ids.length > 0);
    assert.equal(Number(stored.n), ids.length, 'evaluation covers every stored target');
    const res = await get(`/m/${code}/d/${department.id}/dashboard/${YEAR}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const rendered = [...html.matchAll(/data-target-id="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(rendered.sort(), [...ids].sort());
    for (const g of evaluation.goals) assert.ok(html.includes(g.title), g.title);
    assert.match(html, /<meter [^>]*value="/);
    assert.match(html, /\d+\.\d%<\/span>/);
    assert.match(html, /複数年度の推移/);
    assert.match(html, /<svg role="img" aria-label="[^"]*の推移/);
  });

  it('does not show a year whose achievements are not published', async () => {
    const department = departments[0] ?? assert.fail('no department');
    await setPhasesWhere(db.kysely, { departmentId: department.id, year: YEAR, phase: 'final' }, 'draft');
    const page = await get(`/m/${code}/d/${department.id}/dashboard/${YEAR}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('実績はまだ公開されていない'));
    assert.ok(!html.includes('data-target-id'), 'no targets evaluated');
    const city = await (await get(`/m/${code}/dashboard/${YEAR}`)).text();
    assert.ok(!city.includes(`href="/m/${code}/d/${department.id}/dashboard/${YEAR}"`));
    assert.ok(city.includes('実績が未公開のため集計に含めていない部局'));
    assert.ok(
      city.includes(`<th scope="row">${department.name}</th><td colspan="7">未公表`),
      'listed as 未公表',
    );
    await setPhasesWhere(db.kysely, { departmentId: department.id, year: YEAR }, 'draft');
    assert.equal((await get(`/m/${code}/d/${department.id}/dashboard/${YEAR}`)).status, 404);
  });

  it('answers 404 for unknown municipalities, departments and years', async () => {
    assert.equal((await get(`/m/nowhere/dashboard/${YEAR}`)).status, 404);
    assert.equal((await get(`/m/${code}/dashboard/1999`)).status, 404);
    assert.equal((await get(`/m/${code}/d/999999/dashboard/${YEAR}`)).status, 404);
  });

  it('serves its stylesheet', async () => {
    const res = await get('/assets/dashboard.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
  });
});
