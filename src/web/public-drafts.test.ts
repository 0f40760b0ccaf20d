import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { transition } from '../domain/workflow/transition.service.ts';
import { reindexBlock } from '../search/index.repo.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../test-support/demo-app.ts';
import { markYearTexts } from '../test-support/forced-state.repo.ts';
import { makeUser } from '../test-support/users.ts';

/**
 * Every public page, API answer and export of the demo city, reached by following links from the
 * public entry points (the way a visitor or a crawler would), must not show a block whose phase is
 * a draft. 総務部's fiscal year 2023 is marked with a word nothing else holds, shown to be reachable
 * while published, then returned to draft.
 */

const demo = useDemoApp();
const MARK = 'ZQXDRAFT';
const YEAR = 2023;

/** Public entry points; everything else is found through their links. */
const SEEDS = ['/', '/m/minatodai', '/search', '/open-data', '/api/municipalities'];
/** Staff pages, assets and PDFs (the same tables as the print view, rendered by Chromium) are not crawled. */
const SKIP = [/^\/staff/, /^\/login/, /^\/logout/, /^\/assets\//, /\.pdf(\?|$)/, /^\/api\/openapi/];

interface Crawl {
  /** path → text of the answer (decoded HTML, JSON, CSV, or the cells of a workbook). */
  pages: Map<string, string>;
}

async function textOf(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(cell.text);
        });
      });
    });
    return cells.join('\n');
  }
  const charset = /charset=([^;]+)/i.exec(type)?.[1]?.toLowerCase() ?? 'utf-8';
  return new TextDecoder(charset === 'shift_jis' || charset === 'windows-31j' ? 'shift_jis' : 'utf-8').decode(
    bytes,
  );
}

function linksOf(body: string): string[] {
  const found = [...body.matchAll(/href="(\/[^"/][^"]*|\/)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&').replace(/#.*$/, ''),
  );
  // The JSON API names tables by ids; follow them like links.
  const api = [...body.matchAll(/"id":(\d+),"name":"[^"]*","planYears":\[([\d,]*)\]/g)].flatMap((m) =>
    (m[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((y) => `/api/municipalities/minatodai/departments/${m[1]}/tables/${y}`),
  );
  return [...found, ...api];
}

async function crawl(extra: string[]): Promise<Crawl> {
  const pages = new Map<string, string>();
  const queue = [...SEEDS, ...extra];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const path = queue.shift() ?? '/';
    const res = await demo.app.request(path);
    // Refusals and 404s show nothing of a table; only answers with content are read.
    if (res.status !== 200) {
      await res.arrayBuffer();
      continue;
    }
    const body = await textOf(res);
    pages.set(path, body);
    for (const link of linksOf(body)) {
      if (seen.has(link) || SKIP.some((r) => r.test(link))) continue;
      seen.add(link);
      queue.push(link);
    }
    assert.ok(seen.size < 5000, 'the crawl stays within the demo city');
  }
  return { pages };
}

const withMark = (crawl: Crawl) => [...crawl.pages].filter(([, body]) => body.includes(MARK)).map(([p]) => p);

test("no public page, API or export shows a department's year once it is back to draft", async () => {
  const db = demo.db.kysely;
  const department = await demoDepartmentId(db, '総務部');
  const fy = await db
    .selectFrom('fiscal_year')
    .select('id')
    .where('municipality_id', '=', await demoMunicipalityId(db))
    .where('year', '=', YEAR)
    .executeTakeFirstOrThrow();
  const goals = await db
    .selectFrom('goal')
    .select(['id', 'title'])
    .where('department_id', '=', department)
    .where('fiscal_year_id', '=', fy.id)
    .execute();
  assert.ok(goals.length > 0);
  const goalIds = goals.map((g) => g.id);
  await markYearTexts(db, goalIds, MARK);
  for (const block of ['plan', 'review'] as const) {
    await reindexBlock(db, { departmentId: department, fiscalYearId: fy.id, block });
  }
  // Searches a visitor would make: words of the marked goals (not the mark itself, which a query echoes).
  const words = goals.map((g) => g.title.slice(0, 4));
  const searches = words.flatMap((w) => [
    `/search?q=${encodeURIComponent(w)}`,
    `/api/search?q=${encodeURIComponent(w)}`,
    `/search?q=${encodeURIComponent(w)}&year=${YEAR}`,
  ]);
  const years = [YEAR, YEAR + 1, YEAR + 2].flatMap((y) => [
    `/m/minatodai/dashboard/${y}`,
    `/m/minatodai/policies/${y}`,
    `/m/minatodai/print/${y}`,
    `/m/minatodai/d/${department}/dashboard/${y}`,
  ]);

  const published = withMark(await crawl([...searches, ...years]));
  // The mark is reachable while published: so its absence below means the draft is hidden.
  for (const expected of [
    `/m/minatodai/d/${department}/${YEAR}`,
    `/m/minatodai/d/${department}/${YEAR}.json`,
    `/m/minatodai/d/${department}/${YEAR}.xlsx`,
    `/m/minatodai/d/${department}/${YEAR + 1}`,
    `/m/minatodai/d/${department}/${YEAR}/print`,
    `/api/municipalities/minatodai/departments/${department}/tables/${YEAR}`,
    `/m/minatodai/d/${department}/dashboard/${YEAR}`,
  ]) {
    assert.ok(published.includes(expected), `${expected} shows the published year`);
  }
  for (const kind of [/^\/search\?/, /^\/api\/search\?/, /\/lineage/, /^\/open-data\/.*\.csv/, /\/print\//]) {
    assert.ok(
      published.some((p) => kind.test(p)),
      `${kind} shows the published year`,
    );
  }

  // Planning withdraws the year as the product does it (差し戻し of published phases, audited), so the
  // public pages' cache sees a new publication version, exactly as after a real withdrawal.
  const planning = await makeUser(db, await demoMunicipalityId(db), 'planning');
  const phases = await db
    .selectFrom('phase_status')
    .select(['phase', 'version'])
    .where('department_id', '=', department)
    .where('fiscal_year_id', '=', fy.id)
    .where('status', '=', 'published')
    .execute();
  assert.ok(phases.length > 0);
  for (const { phase, version } of phases) {
    await transition(db, planning.actor, {
      departmentId: department,
      year: YEAR,
      phase,
      action: 'return',
      version,
      comment: '公表を取り消し、作成中に戻します。',
    });
  }
  const drafted = await crawl([...searches, ...years]);
  assert.ok(drafted.pages.size > 100, `crawled ${drafted.pages.size} public answers`);
  assert.deepEqual(withMark(drafted), [], 'no public answer shows the draft');
  // The rest of the department stays public: its other years still answer.
  assert.ok(drafted.pages.has(`/m/minatodai/d/${department}/${YEAR + 2}`));
});
