import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicReader } from '../domain/publication/reader.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../test-support/demo-app.ts';
import { reportInterim } from '../test-support/interim-publish.ts';
import { csrfFrom, makeUser, type TestUser } from '../test-support/users.ts';
import { INTERIM_PUBLICATION_URL } from './settings/interim-publication.page.tsx';

/** Issue 10, item 8: a published 中間報告 is on the department's public page and in open data. */
let municipalityId = 0;
let somu = 0;
let kenko = 0;
let planning: TestUser;
let editor: TestUser;
const demo = useDemoApp(async ({ db: { kysely: db } }) => {
  municipalityId = await demoMunicipalityId(db);
  somu = await demoDepartmentId(db, '総務部');
  kenko = await demoDepartmentId(db, '健康福祉部');
  planning = await makeUser(db, municipalityId, 'planning');
  editor = await makeUser(db, municipalityId, 'editor', somu);
});

const PROGRESS = '9月末までに説明会を6回開催（参加者 180人）';
const page = async (department: number) =>
  (await demo.app.request(`/m/minatodai/d/${department}/2025`)).text();
const section = (html: string) =>
  /<section class="interim-report"[\s\S]*?<\/section>\s*(?=<\/div>)/.exec(html)?.[0] ?? '';
const csv = async (path: string) => {
  const res = await demo.app.request(`/open-data/minatodai/2025${path}/interim.csv`);
  assert.equal(res.status, 200);
  return (await res.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
};
const reader = async () => {
  const m = await demo.db.kysely
    .selectFrom('municipality')
    .selectAll()
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return publicReader(demo.db.kysely, m);
};

test('the interim report is public only once published, on the page and in interim.csv', async () => {
  assert.deepEqual(await (await reader()).interim(somu, 2025), { status: 'unpublished' });
  assert.match(section(await page(somu)), /令和7年度の中間報告[\s\S]*まだ公表されていません/);
  assert.equal((await csv('')).length, 1, 'the header only');

  const { itemText } = await reportInterim(
    demo.db.kysely,
    { municipalityId, departmentId: somu, year: 2025 },
    PROGRESS,
    { publish: false },
  );
  assert.deepEqual(
    await (await reader()).interim(somu, 2025),
    { status: 'unpublished' },
    'accepted is not public',
  );
  assert.doesNotMatch(await page(somu), /説明会を6回開催/);
  assert.equal((await csv(`/${somu}`)).length, 1);

  // Publish the accepted report.
  const { transition } = await import('../domain/workflow/transition.service.ts');
  const status = await demo.db.kysely
    .selectFrom('phase_status')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'phase_status.fiscal_year_id')
    .select('phase_status.version')
    .where('department_id', '=', somu)
    .where('fiscal_year.year', '=', 2025)
    .where('phase', '=', 'interim')
    .executeTakeFirstOrThrow();
  const planner = {
    userId: 0,
    login: 'p',
    municipalityId,
    grants: [{ role: 'planning' as const, departmentId: null }],
  };
  await transition(demo.db.kysely, planner, {
    departmentId: somu,
    year: 2025,
    phase: 'interim',
    action: 'publish',
    version: status.version,
  });

  const interim = await (await reader()).interim(somu, 2025);
  assert.equal(interim.status, 'published');
  const html = section(await page(somu));
  assert.ok(html.includes(PROGRESS), 'the progress is on the public page');
  assert.ok(html.includes(itemText), 'next to its item');
  assert.match(html, /<th scope="col">進捗状況<\/th>/);
  assert.match(section(await page(kenko)), /まだ公表されていません/, 'another department is not');
  const rows = await csv('');
  assert.equal(
    rows[0],
    '自治体コード,自治体名,担当部局名,年度（西暦）,年度（和暦）,重点目標番号,重点目標,取組番号,具体的な重点取組項目,未着手,進捗状況,公表日時',
  );
  const ours = rows.find((r) => r.includes('説明会を6回開催'));
  assert.match(
    ours ?? '',
    /^990019,みなと台市,総務部,2025,令和7年度,\d+,.*,いいえ,"?9月末までに説明会を6回開催（参加者 180人）"?,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/,
  );
  assert.ok(
    rows.slice(1).every((r) => r.includes(',総務部,')),
    'only the published department',
  );
  assert.deepEqual(await csv(`/${kenko}`), [rows[0]]);
  const catalog = await (await demo.app.request('/open-data')).text();
  assert.match(catalog, /中間報告の表（interim.csv）/);
  assert.match(catalog, /href="\/open-data\/minatodai\/2025\/interim.csv"/);
});

test('a city that keeps interim reports internal says so, and open data has none; planning only, audited', async () => {
  const post = async (user: TestUser, value: string) => {
    const csrf = csrfFrom(
      await (await demo.app.request('/staff', { headers: { cookie: user.cookie } })).text(),
    );
    return demo.app.request(INTERIM_PUBLICATION_URL, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, interimPublic: value }).toString(),
    });
  };
  assert.equal((await post(editor, '0')).status, 403);
  assert.ok(section(await page(somu)).includes(PROGRESS), 'still public after a refused change');
  assert.equal((await post(planning, 'x')).status, 400);
  const saved = await post(planning, '0');
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${INTERIM_PUBLICATION_URL}?saved=1`);
  const html = section(await page(somu));
  assert.match(html, /この自治体では、中間報告を公表していません/);
  assert.doesNotMatch(html, /説明会を6回開催/);
  assert.equal((await csv('')).length, 1);
  const audit = await demo.db.kysely
    .selectFrom('audit_event')
    .select(['summary', 'actor_login'])
    .where('action', '=', 'municipality.interim_public')
    .execute();
  assert.deepEqual(audit, [{ summary: 'interim reports internal only', actor_login: planning.login }]);
  const settings = await (
    await demo.app.request(INTERIM_PUBLICATION_URL, { headers: { cookie: planning.cookie } })
  ).text();
  assert.match(settings, /id="interim-internal" name="interimPublic" value="0" checked=""/);
  assert.equal((await post(planning, '1')).status, 303);
  assert.ok(section(await page(somu)).includes(PROGRESS));
});
