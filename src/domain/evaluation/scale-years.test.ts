import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { evaluateCity } from './evaluate.service.ts';
import { departmentId, planningOf } from './evaluation.testkit.ts';
import { regradeCandidates, regradeYear, setGradeScale } from './grade.service.ts';
import { scaleForYear, scalesForYears } from './grade-scale.repo.ts';
import { DEFAULT_SCALE } from './grades.ts';

/** Issue 10, item 5: a scale belongs to the years it was set for; published years keep theirs. */
describe('grade scales by fiscal year (demo city: 2023–2025 published)', () => {
  let db: TestDb;
  let municipalityId: number;
  let somu: number;
  const planning = () => planningOf(municipalityId);
  const dashboard2024 = async () => {
    const city = await evaluateCity(db.kysely, municipalityId, 2024);
    return { scale: city.scale.name, byGrade: city.rollUp.goals.byGrade.map((g) => `${g.label}:${g.count}`) };
  };
  const searchGrades2024 = async () =>
    (
      await db.kysely
        .selectFrom('search_entry')
        .innerJoin('fiscal_year', 'fiscal_year.id', 'search_entry.fiscal_year_id')
        .select(['search_entry.id', 'search_entry.grade'])
        .where('fiscal_year.year', '=', 2024)
        .where('search_entry.grade', 'is not', null)
        .orderBy('search_entry.id')
        .execute()
    ).map((r) => `${r.id}:${r.grade}`);

  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    municipalityId = (await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
    somu = await departmentId(db.kysely, '総務部');
  });
  after(() => db.destroy());

  test('a scale for 2026 leaves the 2024 dashboard and search grades as they were', async () => {
    const dashboard = await dashboard2024();
    const grades = await searchGrades2024();
    assert.equal(dashboard.scale, '達成度（3段階）');
    assert.ok(
      grades.some((g) => g.endsWith(':達成')),
      'the demo has graded entries in 2024',
    );
    await setGradeScale(db.kysely, planning(), municipalityId, { preset: 'abc', fromYear: 2026 });
    assert.equal((await scaleForYear(db.kysely, municipalityId, 2026)).name, 'A・B・C（3段階）');
    assert.equal((await scaleForYear(db.kysely, municipalityId, 2025)).name, '達成度（3段階）');
    assert.deepEqual(await dashboard2024(), dashboard);
    assert.deepEqual(await searchGrades2024(), grades);
    assert.deepEqual(await regradeCandidates(db.kysely, municipalityId), []);
  });

  test('a scale from 2022 on: the published years keep theirs, an unpublished one takes it', async () => {
    const dashboard = await dashboard2024();
    const grades = await searchGrades2024();
    await setGradeScale(db.kysely, planning(), municipalityId, { preset: 's_to_c', fromYear: 2022 });
    assert.deepEqual(await dashboard2024(), dashboard);
    assert.deepEqual(await searchGrades2024(), grades);
    // 2026 has its own version (A/B/C); nothing of 2021 is published, so the new scale grades it.
    assert.equal((await scaleForYear(db.kysely, municipalityId, 2021)).name, '達成度（3段階）');
    assert.equal((await scaleForYear(db.kysely, municipalityId, 2026)).name, 'A・B・C（3段階）');
    const candidates = await regradeCandidates(db.kysely, municipalityId);
    assert.deepEqual(
      candidates.map((c) => [c.fiscalYear, c.kept.name, c.inForce.name]),
      [2022, 2023, 2024, 2025].map((y) => [y, '達成度（3段階）', 'S・A・B・C（4段階）']),
    );
  });

  test('re-grading 2024 is explicit: planning only, it changes 2024 alone and is audited', async () => {
    const grades = await searchGrades2024();
    const editor = {
      userId: 0,
      login: 'ed',
      municipalityId,
      grants: [{ role: 'editor' as const, departmentId: somu }],
    };
    await assert.rejects(regradeYear(db.kysely, editor, municipalityId, 2024), { code: 'FORBIDDEN' });
    await assert.rejects(regradeYear(db.kysely, planning(), municipalityId, 2019), { code: 'INVALID_INPUT' });
    const before2023 = (await evaluateCity(db.kysely, municipalityId, 2023)).scale.name;

    await regradeYear(db.kysely, planning(), municipalityId, 2024);
    const dashboard = await dashboard2024();
    assert.equal(dashboard.scale, 'S・A・B・C（4段階）');
    assert.deepEqual(
      dashboard.byGrade.map((g) => g.split(':')[0]),
      ['S', 'A', 'B', 'C'],
    );
    const after = await searchGrades2024();
    assert.equal(after.length, grades.length);
    assert.ok(
      after.every((g) => /:[SABC]$/.test(g)),
      after.join(' '),
    );
    assert.equal((await evaluateCity(db.kysely, municipalityId, 2023)).scale.name, before2023);

    const audit = await db.kysely
      .selectFrom('audit_event')
      .select(['summary', 'before_json', 'after_json', 'actor_login'])
      .where('action', '=', 'grade_scale.regrade')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.summary, 'regrade 2024: 達成度（3段階） → S・A・B・C（4段階）');
    assert.match(audit[0]?.before_json ?? '', /"fiscalYear":2024/);
    assert.match(audit[0]?.after_json ?? '', /"S"/);
    // A later change of scale again leaves the re-graded year alone.
    await setGradeScale(db.kysely, planning(), municipalityId, { preset: 'achievement', fromYear: 2022 });
    assert.equal((await dashboard2024()).scale, 'S・A・B・C（4段階）');
  });

  test('scalesForYears: kept, re-graded, versioned and default years, in one call', async () => {
    // By now 2022, 2023 and 2025 keep 達成度, 2024 was re-graded to S・A・B・C, a version from 2022
    // (達成度) and one from 2026 (A・B・C) are in force, and nothing covers the years before 2022.
    const expected: Record<number, string> = {
      2018: DEFAULT_SCALE.name,
      2021: DEFAULT_SCALE.name,
      2022: '達成度（3段階）',
      2024: 'S・A・B・C（4段階）',
      2025: '達成度（3段階）',
      2026: 'A・B・C（3段階）',
      2030: 'A・B・C（3段階）',
    };
    const years = Object.keys(expected).map((year) => ({ municipalityId, year: Number(year) }));
    const batch = await scalesForYears(db.kysely, [
      ...years,
      { municipalityId: municipalityId + 99, year: 2024 },
    ]);
    assert.deepEqual(
      Object.fromEntries(years.map(({ year }) => [year, batch.get(`${municipalityId}:${year}`)?.name])),
      expected,
    );
    assert.deepEqual(batch.get(`${municipalityId + 99}:2024`), DEFAULT_SCALE, 'an unknown city: the default');
    assert.deepEqual(
      (batch.get(`${municipalityId}:2024`)?.bands ?? []).map((b) => b.label),
      ['S', 'A', 'B', 'C'],
    );
    assert.equal((await scaleForYear(db.kysely, municipalityId, 2024)).name, 'S・A・B・C（4段階）');
    assert.equal((await scalesForYears(db.kysely, [])).size, 0);
  });
});
