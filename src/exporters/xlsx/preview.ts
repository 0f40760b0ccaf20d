/**
 * Writes the seed 一覧表 (or, with --demo, みなと台市's 2024 tables) as a workbook, to look at it:
 *
 *   npx tsx src/exporters/xlsx/preview.ts /tmp/xlsx-look/seed.xlsx [--demo]
 *   soffice --headless --convert-to pdf --outdir /tmp/xlsx-look /tmp/xlsx-look/seed.xlsx
 *   pdftoppm -png -r 60 /tmp/xlsx-look/seed.pdf /tmp/xlsx-look/seed
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readSource } from '../../importer/read-source.ts';
import type { TableExport } from '../types.ts';
import { writeWorkbook } from './write-workbook.ts';

const seedFile = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const demoFolder = new URL('../../demo/data/minatodai/', import.meta.url);

async function documentsToShow(demo: boolean) {
  if (!demo) return readSource('seed.txt', await readFile(seedFile)).documents;
  const names = (await readdir(demoFolder)).filter((n) => n.endsWith('-2024.json')).sort();
  const sources = await Promise.all(
    names.map(async (n) => readSource(n, await readFile(new URL(n, demoFolder)))),
  );
  return sources.flatMap((s) => s.documents);
}

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/xlsx-look/seed.xlsx');
const documents = await documentsToShow(args.includes('--demo'));
const tables: TableExport[] = documents.map((document, index) => ({
  municipality: { code: 'preview', name: args.includes('--demo') ? 'みなと台市' : '上田市' },
  department: { id: index + 1, name: document.department },
  document,
}));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, await writeWorkbook(tables));
console.log(`wrote ${out} (${tables.length} sheet${tables.length === 1 ? '' : 's'})`);
