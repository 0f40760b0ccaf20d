/**
 * Renders the public pages with the seed document, serves them with the static assets on a free
 * port, and saves screenshots and a print PDF to /tmp/preview/ for a visual check.
 *   npx tsx scripts/preview-page.tsx
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { launchChromium } from '../src/exporters/pdf/browser.ts';
import type { IchiranDocument } from '../src/format/document.schema.ts';
import { renderPage } from '../src/views/render.tsx';
import { registerStatic } from '../src/views/static.ts';
import { type IchiranhyoView, type IndexView, urls } from '../src/views/view-models.ts';
import { IchiranhyoPage } from '../src/web/pages/ichiranhyo.page.tsx';
import { IndexPage } from '../src/web/pages/index.page.tsx';

const OUT = '/tmp/preview';
const SEED = new URL('../../shared/seeds/000_e224602d88f71594.expected.json', import.meta.url);

const doc = JSON.parse(readFileSync(SEED, 'utf8')) as IchiranDocument;
const municipality = { code: '202037', name: '上田市' };
const department = { id: 1, name: '市民まちづくり推進部' };

const indexView: IndexView = {
  municipalities: [
    {
      ...municipality,
      departments: [
        { ...department, planYears: [2021, 2022, 2023] },
        { id: 2, name: '総務部', planYears: [2019, 2020] },
        { id: 3, name: '健康こども未来部', planYears: [] },
      ],
    },
    { code: '202011', name: '長野市', departments: [{ id: 4, name: '企画政策部', planYears: [2018, 2022] }] },
  ],
};

function ichiranhyoView(planYear: number): IchiranhyoView {
  return {
    municipality,
    department,
    document: doc,
    planYears: [2021, 2022, 2023],
    jsonUrl: urls.ichiranhyoJson(municipality.code, department.id, planYear),
  };
}

const app = new Hono();
registerStatic(app);
app.get('/', async (c) => c.html(await renderPage(<IndexPage view={indexView} />)));
app.get('/m/:code/d/:id/:year', async (c) => {
  const year = c.req.param('year');
  if (year.endsWith('.json')) return c.json(doc);
  return c.html(await renderPage(<IchiranhyoPage view={ichiranhyoView(Number(year))} />));
});

async function listen(): Promise<{ base: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => server.close() });
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { base, close } = await listen();
  const browser = await launchChromium();
  try {
    const tablePath = urls.ichiranhyo(municipality.code, department.id, doc.plan.fiscalYear);
    const shots: Array<{ path: string; file: string; width: number }> = [
      { path: urls.home(), file: 'index.png', width: 1400 },
      { path: urls.home(), file: 'index-mobile.png', width: 390 },
      { path: tablePath, file: 'ichiranhyo.png', width: 1400 },
      { path: tablePath, file: 'ichiranhyo-mobile.png', width: 390 },
    ];
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: 900 } });
      await page.goto(base + shot.path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${OUT}/${shot.file}`, fullPage: true });
      await page.close();
      console.log(`${OUT}/${shot.file}`);
    }
    const page = await browser.newPage();
    await page.goto(base + tablePath, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: `${OUT}/ichiranhyo.pdf`, format: 'A4', landscape: true, printBackground: true });
    console.log(`${OUT}/ichiranhyo.pdf`);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '4',
      `${OUT}/ichiranhyo.pdf`,
      `${OUT}/ichiranhyo-print`,
    ]);
    console.log(`${OUT}/ichiranhyo-print-*.png`);
  } finally {
    await browser.close();
    close();
  }
}

await main();
