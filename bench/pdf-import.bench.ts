/**
 * PDF import speed: pages per second for the committed fixtures, per producer (Chromium's PDFs of
 * the seed and a demo table; LibreOffice's PDFs of city workbooks), read as `mokuhyo import` reads
 * them, and the split between pdfjs (extracting text and drawing) and rebuilding the table:
 *   npx tsx bench/pdf-import.bench.ts [--rounds 3]
 * Wall time depends on what else the machine runs; CPU time is printed beside it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openPdf, type PageContent, readPage } from '../src/importer/pdf/extract.ts';
import { readPages } from '../src/importer/pdf/read-pdf.ts';
import { readSourceAsync } from '../src/importer/read-source.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(args.rounds);
const fixtures = new URL('../src/importer/pdf/fixtures/', import.meta.url);
const producers: Record<string, string[]> = {
  Chromium: ['seed.pdf', 'demo-kenko-fukushi-2024.pdf'],
  LibreOffice: ['lo-sangyo-2024.pdf', 'lo-kensetsu-2019.pdf', 'lo-kyoiku-2020.pdf'],
};
const names = Object.values(producers).flat();

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// Warm-up: module loading and JIT are not the files' doing.
await readSourceAsync(names[0] ?? '', readFileSync(new URL(names[0] ?? '', fixtures)));

for (const [producer, files] of Object.entries(producers)) {
  let pages = 0;
  let extractMs = 0;
  let layoutMs = 0;
  const wallStart = performance.now();
  const cpuStart = cpuSeconds();
  for (let round = 0; round < rounds; round++) {
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(new URL(name, fixtures)));
      const t0 = performance.now();
      const doc = await openPdf(bytes);
      const content: PageContent[] = [];
      for (let n = 1; n <= doc.numPages; n++) content.push(await readPage(doc, n));
      await doc.destroy();
      const t1 = performance.now();
      readPages(content);
      layoutMs += performance.now() - t1;
      extractMs += t1 - t0;
      pages += content.length;
    }
  }
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  console.log(
    `${producer}: ${pages} pages in ${wall.toFixed(1)} s wall (${(pages / wall).toFixed(2)} pages/s), ` +
      `${cpu.toFixed(1)} s CPU (${(pages / cpu).toFixed(2)} pages per CPU second); ` +
      `pdfjs ${(extractMs / pages).toFixed(0)} ms/page, table rebuild ${(layoutMs / pages).toFixed(1)} ms/page`,
  );
}
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
