// Lists every indicator name the demo city's public dashboards show (issue 10, item 6): one line per
// target row (`<department> <year> | <indicator> | <target>`), then the trend titles. Run:
// `node --import tsx scripts/demo-indicators.ts` (SQLite in a temporary directory, or DATABASE_URL).
import { loadDemo } from '../src/demo/load-demo.ts';
import { createTestDb } from '../src/test-support/test-db.ts';
import { createApp } from '../src/web/app.tsx';

const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => strip(m[1] ?? ''));
const strip = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .trim();

const db = await createTestDb();
try {
  await loadDemo(db.kysely);
  const app = createApp(db.kysely);
  const seen = new Set<string>();
  for (let year = 2020; year <= 2030; year += 1) {
    const city = await app.request(`/m/minatodai/dashboard/${year}`);
    if (city.status !== 200) continue;
    const html = await city.text();
    const links = new Set(
      [...html.matchAll(/href="(\/m\/minatodai\/d\/\d+\/dashboard\/\d{4})"/g)].map((m) => m[1]),
    );
    for (const link of links) {
      if (!link || seen.has(link)) continue;
      seen.add(link);
      const page = await (await app.request(link)).text();
      const title = strip(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? link);
      for (const m of page.matchAll(/<tr class="dash-target"[^>]*>([\s\S]*?)<\/tr>/g)) {
        const [, indicator = '', target = ''] = cells(m[1] ?? '');
        console.log(`${title} | ${indicator} | ${target}`);
      }
      const trends = page.slice(page.indexOf('id="dash-trends"'));
      for (const m of trends.matchAll(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/g)) {
        console.log(`${title} | trend | ${strip(m[1] ?? '')}`);
      }
    }
  }
} finally {
  await db.destroy();
}
