import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { documentSchema, type IchiranDocument } from '../format/document.schema.ts';

// The fictional みなと台市 (src/demo/data/minatodai): one interchange-JSON document per department and
// plan year, plus municipality.json naming the departments.

const folder = new URL('./data/minatodai/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));

interface MunicipalityFile {
  code: string;
  name: string;
  nameKana: string;
  prefecture: string;
  departments: { name: string; slug: string; units: string[] }[];
}

const municipality = readJson('municipality.json') as MunicipalityFile;
const documentFiles = readdirSync(folder)
  .filter((n) => n.endsWith('.json') && n !== 'municipality.json')
  .sort();
const PLAN_YEARS = [2023, 2024, 2025];

/** `<slug>-<planYear>.json` → its parsed document. */
const documents = new Map<string, IchiranDocument>();
for (const name of documentFiles) {
  const parsed = documentSchema.safeParse(readJson(name));
  if (parsed.success) documents.set(name, parsed.data);
}
const doc = (slug: string, planYear: number): IchiranDocument => {
  const found = documents.get(`${slug}-${planYear}.json`);
  assert.ok(found, `${slug}-${planYear}.json is missing or invalid`);
  return found;
};
const titles = (goals: { title: string }[]): string[] => goals.map((g) => g.title).sort();

describe('demo data: みなと台市', () => {
  it('municipality.json describes the fictional city', () => {
    assert.equal(municipality.code, 'minatodai');
    assert.equal(municipality.name, 'みなと台市');
    assert.equal(municipality.nameKana, 'みなとだいし');
    assert.ok(municipality.prefecture.endsWith('県'));
    assert.ok(municipality.departments.length >= 4);
    assert.ok(
      municipality.departments.some((d) => d.units.length >= 2),
      'one department has sub-units',
    );
  });

  it('every document parses with documentSchema', () => {
    assert.ok(documentFiles.length > 0);
    for (const name of documentFiles) {
      const parsed = documentSchema.safeParse(readJson(name));
      assert.ok(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`);
      assert.deepEqual(parsed.data.warnings, [], `${name}: warnings`);
    }
  });

  it('documents are named <slug>-<planYear>.json and match municipality.json', () => {
    const expected = municipality.departments
      .flatMap((d) => PLAN_YEARS.map((y) => `${d.slug}-${y}.json`))
      .sort();
    assert.deepEqual(documentFiles, expected);
    for (const dept of municipality.departments) {
      for (const year of PLAN_YEARS) {
        const d = doc(dept.slug, year);
        assert.equal(d.department, dept.name, `${dept.slug}-${year}: department`);
        assert.equal(d.plan.fiscalYear, year, `${dept.slug}-${year}: plan year`);
        assert.equal(d.review.fiscalYear, year - 1, `${dept.slug}-${year}: review year`);
      }
    }
    const departmentsInDocs = new Set([...documents.values()].map((d) => d.department));
    assert.deepEqual([...departmentsInDocs].sort(), municipality.departments.map((d) => d.name).sort());
  });

  it('rows and items are numbered, review items carry achievements and plan items targets', () => {
    for (const [name, d] of documents) {
      for (const [side, block] of [
        ['review', d.review],
        ['plan', d.plan],
      ] as const) {
        assert.ok(block.goals.length >= 3 && block.goals.length <= 7, `${name} ${side}: 3–7 goals`);
        const rows = block.goals.map((g) => g.no);
        assert.deepEqual(
          rows,
          [...rows].sort((a, b) => a - b),
          `${name} ${side}: rows ascending`,
        );
        assert.equal(new Set(rows).size, rows.length, `${name} ${side}: rows unique`);
        for (const goal of block.goals) {
          const where = `${name} ${side} goal ${goal.no}`;
          assert.ok(goal.title.length > 0, where);
          assert.ok(goal.items.length >= 2 && goal.items.length <= 5, `${where}: 2–5 items`);
          assert.deepEqual(
            goal.items.map((i) => i.no),
            goal.items.map((_, k) => k + 1),
            `${where}: items 1..n`,
          );
          for (const item of goal.items) {
            assert.equal(item.quantities, undefined, `${where}: quantities are left to the importer`);
            const note = side === 'review' ? item.achievement : item.target;
            assert.ok(
              note && note.length > 0,
              `${where} item ${item.no}: ${side === 'review' ? 'achievement' : 'target'}`,
            );
            assert.equal(
              side === 'review' ? item.target : item.achievement,
              undefined,
              `${where}: wrong note`,
            );
          }
        }
      }
    }
  });

  it('units on items are the units of the department', () => {
    let used = 0;
    for (const dept of municipality.departments) {
      for (const year of PLAN_YEARS) {
        const d = doc(dept.slug, year);
        for (const item of [...d.review.goals, ...d.plan.goals].flatMap((g) => g.items)) {
          if (item.unit === undefined) continue;
          used += 1;
          assert.ok(dept.units.includes(item.unit), `${dept.slug}-${year}: unknown unit ${item.unit}`);
        }
      }
    }
    assert.ok(used > 0, 'some items name a unit');
  });

  it('the plan of year Y meets the review of year Y in the next document (same goal titles)', () => {
    for (const dept of municipality.departments) {
      for (const year of [2023, 2024]) {
        const planned = doc(dept.slug, year).plan;
        const reviewed = doc(dept.slug, year + 1).review;
        assert.equal(planned.fiscalYear, reviewed.fiscalYear);
        assert.deepEqual(titles(reviewed.goals), titles(planned.goals), `${dept.slug}: fiscal ${year}`);
      }
    }
  });

  it('goals continue, start and end across years (an empty side exists)', () => {
    let emptyReviewSide = 0;
    let emptyPlanSide = 0;
    for (const d of documents.values()) {
      const reviewRows = new Set(d.review.goals.map((g) => g.no));
      const planRows = new Set(d.plan.goals.map((g) => g.no));
      emptyReviewSide += [...planRows].filter((r) => !reviewRows.has(r)).length;
      emptyPlanSide += [...reviewRows].filter((r) => !planRows.has(r)).length;
    }
    assert.ok(emptyReviewSide > 0, 'a row with only a plan-side goal');
    assert.ok(emptyPlanSide > 0, 'a row with only a review-side goal');
  });

  it('targets include 以上, 以下 and 〜を目指す', () => {
    const targets = [...documents.values()].flatMap((d) =>
      d.plan.goals.flatMap((g) => g.items.map((i) => i.target ?? '')),
    );
    assert.ok(
      targets.some((t) => /\d\s*[^\s\d]*以下/.test(t)),
      'a 以下 target',
    );
    assert.ok(
      targets.some((t) => t.includes('以上')),
      'a 以上 target',
    );
    assert.ok(
      targets.some((t) => t.includes('を目指す')),
      'a 〜を目指す target',
    );
  });
});
